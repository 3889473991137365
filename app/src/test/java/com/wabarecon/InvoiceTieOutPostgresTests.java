package com.wabarecon;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The invoice's tie-out against its files as read ({@link InvoiceTieOutCases}) on PostgreSQL, in
 * a schema of its own, where the invoice lines load with COPY: two rows a chunk, so a chunk the
 * database refuses is copied again row by row.
 */
@ExtendWith(PostgresDatabase.class)
@SpringBatchTest
@SpringBootTest(properties = { "recon.import.bulk-chunk-size=2", "recon.import.max-reject-pct=100" })
class InvoiceTieOutPostgresTests extends InvoiceTieOutCases {

	@RegisterExtension
	static final PostgresSchema database = new PostgresSchema();

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
	}

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
