package com.wabarecon.bench;

import java.util.List;

/**
 * Where a generated WABA lives: its time zone (billing months are calendar months there), the
 * currency Meta invoices it in, the country most of its messages go to, its client's language
 * and the calling code of its phone numbers. Weighted roughly like a large partner's book:
 * India and Brazil first, then Europe, Indonesia and the Americas.
 */
final class Homes {

	record Home(String zone, String currency, String country, String locale, String callingCode, double weight) {
	}

	static final List<Home> ALL = List.of(
			new Home("Asia/Kolkata", "INR", "IN", "en-IN", "91", 0.20),
			new Home("America/Sao_Paulo", "BRL", "BR", "pt-BR", "55", 0.15),
			new Home("Europe/Berlin", "EUR", "DE", "de-DE", "49", 0.10),
			new Home("Asia/Jakarta", "IDR", "ID", "id-ID", "62", 0.09),
			new Home("America/Mexico_City", "MXN", "MX", "es-MX", "52", 0.08),
			new Home("America/New_York", "USD", "US", "en-US", "1", 0.08),
			new Home("Europe/Madrid", "EUR", "ES", "es-ES", "34", 0.06),
			new Home("Europe/London", "GBP", "GB", "en-GB", "44", 0.05),
			new Home("Europe/Rome", "EUR", "IT", "it-IT", "39", 0.04),
			new Home("Asia/Dubai", "USD", "AE", "en-AE", "971", 0.04),
			new Home("Europe/Paris", "EUR", "FR", "fr-FR", "33", 0.03),
			new Home("Africa/Lagos", "USD", "NG", "en-NG", "234", 0.03),
			new Home("Europe/Amsterdam", "EUR", "NL", "nl-NL", "31", 0.02),
			new Home("Europe/Athens", "EUR", "GR", "el-GR", "30", 0.02),
			new Home("Australia/Sydney", "AUD", "AU", "en-AU", "61", 0.01));

	static final double[] WEIGHTS = ALL.stream().mapToDouble(Home::weight).toArray();

	private Homes() {
	}

}
