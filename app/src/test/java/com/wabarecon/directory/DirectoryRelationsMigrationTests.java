package com.wabarecon.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * The upgrade that puts the directory's relations into the database (V21), on a database of the
 * version before: its WABAs are made from its channels, and channels that break the relations
 * stop the upgrade, naming the WABA.
 */
class DirectoryRelationsMigrationTests {

	static final String INSERT_CLIENTS = """
			INSERT INTO client (client_id, name, billing_emails, statement_currency, locale, source_file, source_line, updated_at)
			VALUES ('c_001', 'A', 'a@a.example', 'EUR', 'de-DE', 'directory/clients.csv', 2, CURRENT_TIMESTAMP),
			       ('c_002', 'B', 'b@b.example', 'EUR', 'de-DE', 'directory/clients.csv', 3, CURRENT_TIMESTAMP)""";

	static final String INSERT_CHANNEL = """
			INSERT INTO channel (channel_id, client_id, waba_id, phone_number_id, display_phone_number, waba_timezone,
			    waba_currency, source_file, source_line, updated_at)
			VALUES ('%s', '%s', '102290129340398', '%s', NULL, 'Europe/Berlin', 'EUR', 'directory/channels.csv', %d,
			    CURRENT_TIMESTAMP)""";

	@Test
	void theChannelsOfAWabaBecomeItsOneRow() throws Exception {
		String url = url("v21-agreeing");
		flyway(url, "15").migrate();
		execute(url, INSERT_CLIENTS, INSERT_CHANNEL.formatted("ch_001", "c_001", "201", 2),
				INSERT_CHANNEL.formatted("ch_002", "c_001", "202", 3));

		flyway(url, "latest").migrate();

		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("SELECT waba_id || ' ' || client_id || ' ' || waba_currency FROM waba")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("102290129340398 c_001 EUR");
			assertThat(rs.next()).isFalse();
		}
	}

	@Test
	void aDatabaseWithAWabaOfTwoClientsStopsTheUpgradeNamingTheWaba() throws Exception {
		String url = url("v21-contradicting");
		flyway(url, "15").migrate();
		execute(url, INSERT_CLIENTS, INSERT_CHANNEL.formatted("ch_001", "c_001", "201", 2),
				INSERT_CHANNEL.formatted("ch_013", "c_002", "213", 14));

		assertThatThrownBy(() -> flyway(url, "latest").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("V21__directory_relations.sql")
			.hasMessageContaining("102290129340398");
	}

	private static Flyway flyway(String url, String target) {
		return Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.target(target)
			.load();
	}

	private static String url(String name) {
		return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	private static void execute(String url, String... sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

}
