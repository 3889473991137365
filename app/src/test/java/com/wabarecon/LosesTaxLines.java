package com.wabarecon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * An H2 trigger after each row inserted into {@code invoice_line} that deletes the row again when
 * it is a TAX line: a load that loses a line without an error, for the tie-out's tests.
 */
public class LosesTaxLines implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		// newRow[0] is invoice_line_id, the table's first column
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM invoice_line WHERE invoice_line_id = ? AND line_type = 'TAX'")) {
			delete.setObject(1, newRow[0]);
			delete.executeUpdate();
		}
	}

}
