package com.wabarecon.invoice;

import java.util.List;
import java.util.function.Function;

import com.wabarecon.ReconProperties;

/**
 * The fields of an invoice line (docs/formats.md, "Inputs": the invoice), by their canonical
 * column names, and which of them a file's header must have. The others may be absent.
 */
enum InvoiceField {

	INVOICE_ID("invoice_id", true, ReconProperties.Invoice.Columns::invoiceId),
	INVOICE_DATE("invoice_date", false, ReconProperties.Invoice.Columns::invoiceDate),
	PERIOD_START("period_start", true, ReconProperties.Invoice.Columns::periodStart),
	PERIOD_END("period_end", true, ReconProperties.Invoice.Columns::periodEnd),
	WABA_ID("waba_id", true, ReconProperties.Invoice.Columns::wabaId),
	PHONE_NUMBER_ID("phone_number_id", false, ReconProperties.Invoice.Columns::phoneNumberId),
	DISPLAY_PHONE_NUMBER("display_phone_number", false, ReconProperties.Invoice.Columns::displayPhoneNumber),
	MARKET("market", false, ReconProperties.Invoice.Columns::market),
	PRICING_CATEGORY("pricing_category", true, ReconProperties.Invoice.Columns::pricingCategory),
	PRICING_TYPE("pricing_type", false, ReconProperties.Invoice.Columns::pricingType),
	TIER("tier", false, ReconProperties.Invoice.Columns::tier),
	VOLUME("volume", true, ReconProperties.Invoice.Columns::volume),
	UNIT_RATE("unit_rate", false, ReconProperties.Invoice.Columns::unitRate),
	AMOUNT("amount", true, ReconProperties.Invoice.Columns::amount),
	CURRENCY("currency", true, ReconProperties.Invoice.Columns::currency),
	LINE_TYPE("line_type", true, ReconProperties.Invoice.Columns::lineType);

	private final String column;

	private final boolean required;

	private final Function<ReconProperties.Invoice.Columns, List<String>> aliases;

	InvoiceField(String column, boolean required, Function<ReconProperties.Invoice.Columns, List<String>> aliases) {
		this.column = column;
		this.required = required;
		this.aliases = aliases;
	}

	/** The canonical column name, as rejects and errors name the field. */
	String column() {
		return column;
	}

	boolean required() {
		return required;
	}

	/** The configured other names of the column; empty when none are configured. */
	List<String> aliases(ReconProperties.Invoice.Columns columns) {
		List<String> names = columns == null ? null : aliases.apply(columns);
		return names == null ? List.of() : names;
	}

}
