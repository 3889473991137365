package com.wabarecon.support.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.wabarecon.PostgresDatabase;
import org.postgresql.ds.PGSimpleDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Both loaders on PostgreSQL: COPY must store exactly what the portable batched insert
 * stores, text that needs escaping included, inside the caller's transaction, and refuse a
 * value too long for its column the way the insert does, so an import step can reject the row.
 */
@ExtendWith(PostgresDatabase.class)
class BulkLoaderPostgresTests {

	record Row(String text, Long number, BigDecimal amount, LocalDate day, Boolean flag) {
	}

	static final BulkTable<Row> TABLE = BulkTable.of("bulk_probe",
			r -> new Object[] { r.text(), r.number(), r.amount(), r.day(), r.flag() }, "text_value", "number_value",
			"amount", "day", "flag");

	/** The same object in consecutive rows: COPY copies the bytes it encoded for the row before. */
	static final String REPEATED = "repeated\tvalue, Ümlaut";

	static final List<Row> AWKWARD = List.of(new Row(REPEATED, 5L, null, null, null),
			new Row(REPEATED, 6L, null, null, null), new Row("tab\there", 1L, new BigDecimal("0.000001"), null, true),
			new Row("line\nbreak\r\nand \\N backslash", null, new BigDecimal("-12345678901.123456"),
					LocalDate.of(2025, 9, 30), false),
			new Row("Ελληνικά, кириллица, 中文, emoji \uD83D\uDE00", 9_007_199_254_740_993L, null, null, null),
			new Row("\\N", 0L, new BigDecimal("1E+3"), LocalDate.of(2025, 1, 1), true), new Row("", -1L, BigDecimal.ZERO,
					null, false));

	static String schema;

	static PGSimpleDataSource dataSource;

	JdbcTemplate jdbc;

	@BeforeAll
	static void createSchema() throws Exception {
		schema = PostgresDatabase.createSchema();
		dataSource = new PGSimpleDataSource();
		dataSource.setURL(PostgresDatabase.urlFor(schema));
	}

	@AfterAll
	static void dropSchema() throws Exception {
		PostgresDatabase.dropSchema(schema);
	}

	@BeforeEach
	void createTable() {
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS bulk_probe");
		jdbc.execute("CREATE TABLE bulk_probe (id SERIAL PRIMARY KEY, text_value VARCHAR(100), number_value BIGINT,"
				+ " amount NUMERIC(19,6), day DATE, flag BOOLEAN)");
	}

	@ParameterizedTest
	@ValueSource(strings = { PostgresCopyLoader.METHOD, JdbcBatchLoader.METHOD })
	void storesEveryValueExactlyAsGiven(String method) {
		// when
		inTransaction(() -> loader(method).load(TABLE, AWKWARD));

		// then
		List<Row> stored = stored();
		assertThat(stored).hasSize(AWKWARD.size());
		for (int i = 0; i < AWKWARD.size(); i++) {
			Row given = AWKWARD.get(i);
			Row got = stored.get(i);
			assertThat(got.text()).isEqualTo(given.text());
			assertThat(got.number()).isEqualTo(given.number());
			if (given.amount() == null) {
				assertThat(got.amount()).isNull();
			}
			else {
				assertThat(got.amount()).isEqualByComparingTo(given.amount());
			}
			assertThat(got.day()).isEqualTo(given.day());
			assertThat(got.flag()).isEqualTo(given.flag());
		}
	}

	@Test
	void sendsALargeChunkInPiecesWithoutLosingOrGarblingARow() {
		// given: about 1 MB of COPY text, sent 64 KB at a time, with runs of the same objects
		// (encoded once, then copied) crossing the points where a piece is sent and the text cleared
		String repeatedA = "same object, Ä " + "a".repeat(60);
		String repeatedB = "another\tone " + "b".repeat(40);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < 12_000; i++) {
			rows.add(new Row((i / 7) % 2 == 0 ? repeatedA : repeatedB, (long) i, new BigDecimal(i).movePointLeft(2),
					LocalDate.of(2025, 9, 1 + i % 30), i % 3 == 0));
		}

		// when
		inTransaction(() -> loader(PostgresCopyLoader.METHOD).load(TABLE, rows));

		// then: every row, in order, exactly as given
		List<Row> stored = stored();
		assertThat(stored).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(stored.get(i).text()).as("row %d", i).isEqualTo(rows.get(i).text());
			assertThat(stored.get(i).number()).isEqualTo(rows.get(i).number());
			assertThat(stored.get(i).amount()).isEqualByComparingTo(rows.get(i).amount());
			assertThat(stored.get(i).day()).isEqualTo(rows.get(i).day());
		}
	}

	@Test
	void commitsTheChunkWithoutWaitingForTheDiskAndOnlyThatTransaction() {
		String[] inside = new String[1];
		inTransaction(() -> {
			loader(PostgresCopyLoader.METHOD).load(TABLE, AWKWARD);
			inside[0] = jdbc.queryForObject("SHOW synchronous_commit", String.class); // the chunk's connection
		});

		assertThat(inside[0]).isEqualTo("off");
		assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
		assertThat(stored()).hasSize(AWKWARD.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { PostgresCopyLoader.METHOD, JdbcBatchLoader.METHOD })
	void refusesAValueTooLongForItsColumnAndLeavesNothingOfTheChunk(String method) {
		List<Row> chunk = List.of(new Row("fits", 1L, BigDecimal.ONE, null, true),
				new Row("x".repeat(101), 2L, BigDecimal.ONE, null, true));

		assertThatThrownBy(() -> inTransaction(() -> loader(method).load(TABLE, chunk)))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_probe", Long.class)).isZero();
	}

	private List<Row> stored() {
		return jdbc.query("SELECT * FROM bulk_probe ORDER BY id",
				(rs, n) -> new Row(rs.getString("text_value"), rs.getObject("number_value", Long.class),
						rs.getBigDecimal("amount"), rs.getObject("day", LocalDate.class),
						rs.getObject("flag", Boolean.class)));
	}

	private BulkLoader loader(String method) {
		return PostgresCopyLoader.METHOD.equals(method) ? new PostgresCopyLoader(dataSource)
				: new JdbcBatchLoader(new JdbcTemplate(dataSource));
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> work.run());
	}

}
