package com.wabarecon.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.wabarecon.inbox.InboxInventory;
import com.wabarecon.inbox.InboxKind;
import com.wabarecon.support.accounting.FileCounts;
import com.wabarecon.support.reject.RowSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether the month's import gives the close enough to stand on. A close is refused before its
 * reconciliation, so that nothing is rendered or emailed, when the month has no inbox folder,
 * no estimate or no invoice line, or when an input kind rejected more than the allowed share of
 * its rows. The reasons name the worst files and their counts. Thread-safe.
 */
public class ImportGuard {

	/** The step of the close that asks: a close that failed there was refused. */
	public static final String STEP = "importGuardStep";

	/** The import steps of each input kind whose rejects are weighed, as the run summary names them. */
	static final Map<String, List<String>> KINDS = kinds();

	/** How many files a reason names, the worst first. */
	private static final int WORST_FILES = 3;

	private final JdbcClient jdbc;

	public ImportGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Why the month's close cannot go on; empty when it can.
	 *
	 * @param maxRejectPct the share of an input kind's rows that may be rejected, in %
	 */
	public List<String> problems(Path inbox, YearMonth month, BigDecimal maxRejectPct) {
		List<String> problems = new ArrayList<>();
		String billingMonth = month.toString();
		if (!InboxInventory.hasMonthFolder(inbox, month)) {
			problems.add("the inbox has no folder " + inbox.resolve(billingMonth) + " for the month");
		}
		long estimates = jdbc.sql("""
				SELECT COUNT(*) FROM estimate_summary WHERE billing_month = ? AND counts_as_estimate AND volume > 0""")
			.param(billingMonth)
			.query(Long.class)
			.single();
		if (estimates == 0) {
			problems.add("no estimate of " + billingMonth + " was loaded (no usage export, balance export or "
					+ "webhook status of the month counts)");
		}
		long invoiceLines = jdbc.sql("SELECT COUNT(*) FROM invoice_line WHERE billing_month = ?")
			.param(billingMonth)
			.query(Long.class)
			.single();
		if (invoiceLines == 0) {
			problems.add("no invoice line of " + billingMonth + " was loaded (" + billingMonth
					+ "/invoice/ holds no invoice file that could be read)");
		}
		KINDS.forEach((kind, steps) -> {
			rejected(billingMonth, kind, steps, maxRejectPct).ifPresent(problems::add);
			cutShort(billingMonth, kind, steps, maxRejectPct).ifPresent(problems::add);
		});
		return problems;
	}

	/**
	 * Why a close of one client cannot go on: the client is not in the directory as loaded (its
	 * row of {@code clients.csv} rejected, say), so the close would produce nothing for it; empty
	 * when it is there.
	 */
	public Optional<String> clientProblem(String month, String client) {
		long loaded = jdbc.sql("SELECT COUNT(*) FROM client WHERE client_id = ?").param(client).query(Long.class).single();
		if (loaded > 0) {
			return Optional.empty();
		}
		List<String> rejects = jdbc.sql("""
				SELECT source_file || ' line ' || line || ': ' || reason FROM import_reject
				WHERE billing_month = ? AND step_name = 'clientsStep' AND raw_content LIKE ? ORDER BY line""")
			.params(month, client + ",%")
			.query(String.class)
			.list();
		return Optional.of("client " + client + " is not in the directory as loaded"
				+ (rejects.isEmpty() ? "" : ": its row is rejected (" + String.join("; ", rejects) + ")"));
	}

	private Optional<String> rejected(String month, String kind, List<String> steps, BigDecimal maxPct) {
		List<FileCounts> files = new ArrayList<>();
		jdbc.sql("""
				SELECT step_name, source_file, rows_read, rows_loaded, rows_rejected, rows_skipped FROM input_file
				WHERE billing_month = :month AND step_name IN (:steps) ORDER BY rows_rejected DESC, source_file""")
			.param("month", month)
			.param("steps", steps)
			.query(rs -> {
				files.add(new FileCounts(rs.getString(1), rs.getString(2), null, rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), null));
			});
		long read = files.stream().mapToLong(FileCounts::read).sum();
		long rejected = files.stream().mapToLong(FileCounts::rejected).sum();
		if (read == 0 || rejected == 0) {
			return Optional.empty();
		}
		BigDecimal pct = BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(read), 1, RoundingMode.HALF_UP);
		if (BigDecimal.valueOf(rejected).multiply(BigDecimal.valueOf(100)).compareTo(maxPct.multiply(BigDecimal.valueOf(read))) <= 0) {
			return Optional.empty();
		}
		List<String> worst = files.stream()
			.filter(file -> file.rejected() > 0)
			.limit(WORST_FILES)
			.map(file -> file.sourceFile() + " " + file.rejected() + " of " + file.read())
			.toList();
		long others = files.stream().filter(file -> file.rejected() > 0).count() - worst.size();
		return Optional.of(kind + ": " + rejected + " of " + read + " rows rejected (" + pct.toPlainString()
				+ " %), more than the " + maxPct.stripTrailingZeros().toPlainString() + " % allowed (--max-reject-pct); "
				+ "the most in " + String.join(", ", worst) + (others > 0 ? " and " + others + " more file(s)" : ""));
	}

	/**
	 * A file refused whole or read only up to a break is one reject, however many rows it held:
	 * such files are weighed as files, against the kind's files. So is a file of the kind that the
	 * inbox step refused because it cannot be opened: no step of the kind read it at all.
	 */
	private Optional<String> cutShort(String month, String kind, List<String> steps, BigDecimal maxPct) {
		List<String> unreadable = jdbc.sql("""
				SELECT source_file FROM inbox_file
				WHERE billing_month = :month AND decision = 'REFUSED' AND reason = :unreadable AND kind IN (:kinds)""")
			.param("month", month)
			.param("unreadable", InboxInventory.UNREADABLE)
			.param("kinds", Arrays.stream(InboxKind.values()).filter(k -> steps.contains(k.step())).map(Enum::name).toList())
			.query(String.class)
			.list();
		long files = unreadable.size() + jdbc.sql(
				"SELECT COUNT(*) FROM input_file WHERE billing_month = :month AND step_name IN (:steps)")
			.param("month", month)
			.param("steps", steps)
			.query(Long.class)
			.single();
		List<String> cut = new ArrayList<>(unreadable);
		cut.addAll(jdbc.sql("""
				SELECT DISTINCT source_file FROM import_reject
				WHERE billing_month = :month AND step_name IN (:steps)
				  AND (position = :wholeFile OR reason LIKE '%the rest of the file is not read%'
				       OR reason LIKE '%nothing after it can be read%')
				ORDER BY source_file""")
			.param("month", month)
			.param("steps", steps)
			.param("wholeFile", RowSource.WHOLE_FILE)
			.query(String.class)
			.list());
		cut.sort(null);
		if (files == 0 || cut.isEmpty()
				|| BigDecimal.valueOf(cut.size()).multiply(BigDecimal.valueOf(100)).compareTo(maxPct.multiply(BigDecimal.valueOf(files))) <= 0) {
			return Optional.empty();
		}
		return Optional.of(kind + ": " + cut.size() + " of " + files + " files refused whole or read only up to "
				+ "a break, more than the " + maxPct.stripTrailingZeros().toPlainString() + " % allowed (--max-reject-pct): "
				+ String.join(", ", cut.stream().limit(WORST_FILES).toList())
				+ (cut.size() > WORST_FILES ? " and " + (cut.size() - WORST_FILES) + " more" : ""));
	}

	private static Map<String, List<String>> kinds() {
		Map<String, List<String>> kinds = new LinkedHashMap<>();
		kinds.put("directory", List.of("clientsStep", "channelsStep"));
		kinds.put("usage exports", List.of("usageExportsStep", "balanceExportsStep"));
		kinds.put("webhooks", List.of("webhooksStep"));
		kinds.put("invoice", List.of("invoiceImportStep"));
		return kinds;
	}

}
