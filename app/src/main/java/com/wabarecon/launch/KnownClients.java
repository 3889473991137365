package com.wabarecon.launch;

import java.nio.file.Path;
import java.util.List;

import com.wabarecon.support.MonthFolders;
import com.wabarecon.support.csv.CsvRecord;
import com.wabarecon.support.csv.CsvRecordReader;
import com.wabarecon.support.reject.InputFileException;
import com.wabarecon.support.reject.RejectedRowException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether {@code --client} names a client the close can know: one in the inbox's
 * {@code directory/clients.csv}, which the close loads first, or one a close loaded before (the
 * directory is cumulative in the {@code client} table). Checked before any run starts, so that a
 * mistyped id is answered at once rather than by a close that finds nothing to do.
 */
@Component
class KnownClients {

	private static final String CLIENTS_FILE = "clients.csv";

	private static final String CLIENT_ID = "client_id";

	private final JdbcClient jdbc;

	KnownClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return {@code null} when the client is known; else why not, naming where it was looked for
	 */
	String unknown(String clientId, Path inbox) {
		if (inDatabase(clientId)) {
			return null;
		}
		Path file = MonthFolders.directoryFile(inbox, CLIENTS_FILE);
		String problem;
		try {
			if (inFile(clientId, file)) {
				return null;
			}
			problem = "";
		}
		catch (InputFileException ex) {
			problem = " (which cannot be read: " + ex.getMessage() + ")";
		}
		return "client '" + clientId + "' is unknown: it is neither in " + file + problem
				+ " nor in the database's client table (the clients of earlier closes); nothing was run";
	}

	private boolean inDatabase(String clientId) {
		return jdbc.sql("SELECT COUNT(*) FROM client WHERE client_id = ?").param(clientId).query(Long.class).single() > 0;
	}

	/** Streams the file with the close's own reader; a row it cannot read (field count, bytes) is passed over. */
	private static boolean inFile(String clientId, Path file) {
		CsvRecordReader reader = new CsvRecordReader(file, "directory/" + CLIENTS_FILE, List.of(CLIENT_ID));
		reader.open(new ExecutionContext());
		try {
			while (true) {
				try {
					CsvRecord row = reader.read();
					if (row == null) {
						return false;
					}
					if (clientId.equals(row.text(CLIENT_ID))) {
						return true;
					}
				}
				catch (RejectedRowException ex) {
					// a row the close would reject whatever its id; the next ones are read
				}
			}
		}
		finally {
			reader.close();
		}
	}

}
