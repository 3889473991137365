package com.wabarecon;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The invoice's tie-out against its files as read ({@link InvoiceTieOutCases}) on the embedded
 * database (H2 in PostgreSQL mode, lines loaded in batches), two rows a chunk.
 */
@SpringBatchTest
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:invoice-tie-out;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"recon.import.bulk-chunk-size=2", "recon.import.max-reject-pct=100" })
class InvoiceTieOutFunctionalTests extends InvoiceTieOutCases {

	@Override
	void loseTaxLinesAsTheyLoad() {
		jdbc.sql("CREATE TRIGGER lose_tax_lines AFTER INSERT ON invoice_line FOR EACH ROW CALL '"
				+ LosesTaxLines.class.getName() + "'").update();
	}

	@Override
	void stopLosingTaxLines() {
		jdbc.sql("DROP TRIGGER IF EXISTS lose_tax_lines").update();
	}

}
