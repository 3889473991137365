package com.wabarecon.delivery;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A client's rendered statement and where it goes: its two files, as the statements step
 * recorded them, and its billing addresses and language, as the directory has them.
 */
record StatementToDeliver(String clientId, String name, List<String> emails, Path pdf, Path xlsx, Locale locale) {

	/** The columns {@code client_id, name, billing_emails, pdf_path, xlsx_path, locale}, in that order. */
	static StatementToDeliver map(ResultSet rs, int row) throws SQLException {
		String locale = rs.getString(6);
		return new StatementToDeliver(rs.getString(1), rs.getString(2),
				Arrays.stream(rs.getString(3).split(";")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
				Path.of(rs.getString(4)), Path.of(rs.getString(5)),
				locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale));
	}

}
