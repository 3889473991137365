package com.wabarecon;

/**
 * The invoice's tie-out against its files as read ({@link InvoiceTieOutCases}) on PostgreSQL,
 * where the invoice lines load with COPY: two rows a chunk ({@link PostgresCloseJobTest}), so a
 * chunk the database refuses is copied again row by row.
 */
@PostgresCloseJobTest
class InvoiceTieOutPostgresTests extends InvoiceTieOutCases {

	/** A trigger that returns no row for a TAX line: COPY runs it, and the line is not stored. */
	@Override
	void loseTaxLinesAsTheyLoad() {
		jdbc.sql("""
				CREATE FUNCTION lose_tax_lines() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    RETURN CASE WHEN NEW.line_type = 'TAX' THEN NULL ELSE NEW END;
				END $$""").update();
		jdbc.sql("CREATE TRIGGER lose_tax_lines BEFORE INSERT ON invoice_line FOR EACH ROW "
				+ "EXECUTE FUNCTION lose_tax_lines()").update();
	}

	@Override
	void stopLosingTaxLines() {
		jdbc.sql("DROP TRIGGER IF EXISTS lose_tax_lines ON invoice_line").update();
		jdbc.sql("DROP FUNCTION IF EXISTS lose_tax_lines()").update();
	}

}
