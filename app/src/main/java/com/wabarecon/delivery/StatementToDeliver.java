package com.wabarecon.delivery;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A client's rendered statement and where it goes: its two files, as the statements step
 * recorded them, and its billing addresses, as the directory has them.
 */
record StatementToDeliver(String clientId, String name, List<String> emails, Path pdf, Path xlsx) {

	/** The columns {@code client_id, name, billing_emails, pdf_path, xlsx_path}, in that order. */
	static StatementToDeliver map(ResultSet rs, int row) throws SQLException {
		return new StatementToDeliver(rs.getString(1), rs.getString(2),
				Arrays.stream(rs.getString(3).split(";")).map(String::strip).filter(e -> !e.isEmpty()).toList(),
				Path.of(rs.getString(4)), Path.of(rs.getString(5)));
	}

}
