package com.wabarecon.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * One line of Meta's invoice as loaded ({@code invoice_line}). Amounts are exact decimals in
 * the line's currency; category and type are canonical and only on {@code USAGE} lines; a
 * {@code null} phone number id means the line names only the WABA.
 */
record InvoiceLine(String billingMonth, String invoiceId, LocalDate invoiceDate, LocalDate periodStart,
		LocalDate periodEnd, String wabaId, String phoneNumberId, String displayPhoneNumber, String market,
		String pricingCategory, String pricingType, String tier, Long volume, BigDecimal unitRate, BigDecimal amount,
		String currency, LineType lineType, RowSource source) implements SourcedItem {

	/** The kinds of invoice line: only usage is reconciled per category. */
	enum LineType {

		USAGE, ADJUSTMENT, CREDIT, TAX

	}

}
