package com.wabarecon.support;

/**
 * Keeps text that people open in a spreadsheet from being run as a formula (CSV injection):
 * text starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
 * which spreadsheets show as text. Apply it to text cells only; numbers such as {@code -2.10}
 * are written as numbers.
 */
public final class FormulaGuard {

	private FormulaGuard() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

}
