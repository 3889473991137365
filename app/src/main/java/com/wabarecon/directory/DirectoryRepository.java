package com.wabarecon.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.wabarecon.support.reject.RowSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory tables. Writes are upserts (standard SQL {@code MERGE}, on H2 and on
 * PostgreSQL 15 and later): loading the same files again changes nothing, and a row that
 * changed replaces the old one.
 */
@Repository
class DirectoryRepository {

	static final String MERGE_CLIENT = """
			MERGE INTO client t
			USING (SELECT CAST(:clientId AS VARCHAR(64)) AS client_id) s ON t.client_id = s.client_id
			WHEN MATCHED THEN UPDATE SET name = :name, billing_emails = :billingEmails,
			    statement_currency = :statementCurrency, locale = :locale,
			    source_file = :sourceFile, source_line = :sourceLine, updated_at = CURRENT_TIMESTAMP
			WHEN NOT MATCHED THEN INSERT
			    (client_id, name, billing_emails, statement_currency, locale, source_file, source_line, updated_at)
			    VALUES (s.client_id, :name, :billingEmails, :statementCurrency, :locale,
			            :sourceFile, :sourceLine, CURRENT_TIMESTAMP)""";

	/**
	 * A WABA's values, from a channel's row; a change moves every channel of the WABA with it
	 * (the channel table's foreign key cascades), which the channels step allows only when all
	 * of them move.
	 */
	static final String MERGE_WABA = """
			MERGE INTO waba t
			USING (SELECT CAST(:wabaId AS VARCHAR(32)) AS waba_id) s ON t.waba_id = s.waba_id
			WHEN MATCHED THEN UPDATE SET client_id = :clientId, waba_timezone = :wabaTimezone,
			    waba_currency = :wabaCurrency, updated_at = CURRENT_TIMESTAMP
			WHEN NOT MATCHED THEN INSERT (waba_id, client_id, waba_timezone, waba_currency, updated_at)
			    VALUES (s.waba_id, :clientId, :wabaTimezone, :wabaCurrency, CURRENT_TIMESTAMP)""";

	static final String MERGE_CHANNEL = """
			MERGE INTO channel t
			USING (SELECT CAST(:channelId AS VARCHAR(64)) AS channel_id) s ON t.channel_id = s.channel_id
			WHEN MATCHED THEN UPDATE SET client_id = :clientId, waba_id = :wabaId,
			    phone_number_id = :phoneNumberId, display_phone_number = :displayPhoneNumber,
			    waba_timezone = :wabaTimezone, waba_currency = :wabaCurrency, payment_mode = :paymentMode,
			    source_file = :sourceFile, source_line = :sourceLine, updated_at = CURRENT_TIMESTAMP
			WHEN NOT MATCHED THEN INSERT
			    (channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone,
			     waba_currency, payment_mode, source_file, source_line, updated_at)
			    VALUES (s.channel_id, :clientId, :wabaId, :phoneNumberId, :displayPhoneNumber, :wabaTimezone,
			            :wabaCurrency, :paymentMode, :sourceFile, :sourceLine, CURRENT_TIMESTAMP)""";

	private final JdbcClient jdbc;

	DirectoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<String> clientIds() {
		return new HashSet<>(jdbc.sql("SELECT client_id FROM client").query(String.class).list());
	}

	/** The channels recorded, each with the file and line it was last loaded from. */
	List<Channel> channels() {
		return jdbc.sql("""
				SELECT channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone,
				       waba_currency, source_file, source_line
				FROM channel""")
			.query((rs, row) -> new Channel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7),
					RowSource.atLine(rs.getString(8), rs.getLong(9), null)))
			.list();
	}

	static SqlParameterSource parameters(Client client) {
		return new MapSqlParameterSource().addValue("clientId", client.clientId())
			.addValue("name", client.name())
			.addValue("billingEmails", String.join(";", client.billingEmails()))
			.addValue("statementCurrency", client.statementCurrency())
			.addValue("locale", client.locale())
			.addValue("sourceFile", client.source().file())
			.addValue("sourceLine", client.source().line());
	}

	static SqlParameterSource parameters(Channel channel) {
		return new MapSqlParameterSource().addValue("channelId", channel.channelId())
			.addValue("clientId", channel.clientId())
			.addValue("wabaId", channel.wabaId())
			.addValue("phoneNumberId", channel.phoneNumberId())
			.addValue("displayPhoneNumber", channel.displayPhoneNumber())
			.addValue("wabaTimezone", channel.wabaTimezone())
			.addValue("wabaCurrency", channel.wabaCurrency())
			.addValue("paymentMode", channel.paymentMode())
			.addValue("sourceFile", channel.source().file())
			.addValue("sourceLine", channel.source().line());
	}

}
