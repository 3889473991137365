package com.wabarecon;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.wabarecon.rules.Pricing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Typed configuration of the close ({@code recon.*} in {@code application.yml}), grouped by
 * the stage that reads it.
 *
 * @param inbox default root of the month's input files, when a run names none
 * @param out default output folder, when a run names none
 * @param importing settings shared by every import step
 * @param schedule when the scheduled close runs ({@code jobs/monthly-close.yml})
 * @param reconciliation the tolerances the reconciliation judges differences by
 * @param delivery how statements are emailed (the SMTP server itself is {@code spring.mail.*})
 * @param invoice how Meta's invoice files are read
 * @param statement how the client statements are rendered
 * @param database settings of the database sessions the close opens
 * @param distribution how a close is spread over worker processes (close --distributed, recon worker)
 */
@ConfigurationProperties("recon")
public record ReconProperties(@DefaultValue("sample-invoices") Path inbox, @DefaultValue("out") Path out,
		@Name("import") @DefaultValue Import importing, @DefaultValue Schedule schedule,
		@DefaultValue Invoice invoice, @DefaultValue Reconciliation reconciliation, @DefaultValue Delivery delivery,
		@DefaultValue Statement statement, @DefaultValue Distribution distribution) {

	/**
	 * @param chunkSize rows per transaction in the import steps
	 * @param bulkChunkSize rows per transaction in the steps that load the month's large inputs
	 * @param maxRawContentChars how much of a rejected row is kept in the rejects file
	 * @param bulkLoad how the large tables are loaded: {@code auto} (COPY on PostgreSQL, batched
	 * inserts elsewhere), {@code copy} or {@code batch}
	 * @param usageShares how many shares of the usage export files load side by side, each on a
	 * thread and a database connection of its own; 0 (the default): one per core
	 * @param maxRejectPct the share of an input kind's rows (directory, usage exports, webhooks,
	 * invoice) that may be rejected before the close is refused, in %
	 */
	public record Import(@DefaultValue("1000") int chunkSize, @DefaultValue("10000") int bulkChunkSize,
			@DefaultValue("2000") int maxRawContentChars,
			@DefaultValue("auto") BulkLoad bulkLoad,
			@DefaultValue("0") int usageShares, @DefaultValue("5") java.math.BigDecimal maxRejectPct) {

		public Import {
			usageShares = usageShares > 0 ? usageShares : Runtime.getRuntime().availableProcessors();
		}

		public enum BulkLoad {

			AUTO, COPY, BATCH

		}

	}

	/**
	 * @param cron Spring cron expression of the monthly close
	 * @param zone the zone the cron expression is read in
	 */
	public record Schedule(@DefaultValue("0 0 6 3 * *") String cron, @DefaultValue("UTC") String zone) {
	}

	/**
	 * @param columns the header names accepted for each invoice field, besides its own name
	 * @param sheet the workbook sheet holding the lines (matched ignoring case); else the first
	 * @param maxTitleRows how many title rows may stand above the header
	 */
	public record Invoice(@DefaultValue Columns columns, @DefaultValue("Invoice lines") String sheet,
			@DefaultValue("20") int maxTitleRows) {

		/**
		 * Header aliases per invoice field ({@code recon.invoice.columns.<field>}): Meta publishes
		 * no invoice schema and partners' exports name the columns differently. Matched ignoring
		 * case, spaces, {@code _} and {@code -}.
		 */
		public record Columns(List<String> invoiceId, List<String> invoiceDate, List<String> periodStart,
				List<String> periodEnd, List<String> wabaId, List<String> phoneNumberId,
				List<String> displayPhoneNumber, List<String> market, List<String> pricingCategory,
				List<String> pricingType, List<String> tier, List<String> volume, List<String> unitRate,
				List<String> amount, List<String> currency, List<String> lineType) {
		}

	}

	/**
	 * @param tolerance the default tolerance of every category
	 * @param categories overrides per category (canonical name, such as {@code AUTHENTICATION});
	 * a field left out keeps the default
	 */
	public record Reconciliation(@DefaultValue Tolerance tolerance, Map<String, Tolerance> categories) {

		public Reconciliation {
			categories = categories == null ? Map.of() : canonical(categories);
		}

		/**
		 * The overrides under their categories' canonical names. A key bound from the environment
		 * comes in lower case ({@code RECON_RECONCILIATION_CATEGORIES_MARKETING_AMOUNTABS}): it
		 * overrides, field by field, what a file sets under the canonical name. A key that names no
		 * category would be ignored without a word, so it is refused.
		 */
		private static Map<String, Tolerance> canonical(Map<String, Tolerance> categories) {
			Map<String, Tolerance> canonical = new TreeMap<>();
			categories.entrySet()
				.stream()
				.sorted(Comparator.comparing((Map.Entry<String, Tolerance> entry) -> !entry.getKey()
					.equals(Pricing.lineCategory(entry.getKey()))))
				.forEach(entry -> {
					String category = Pricing.lineCategory(entry.getKey());
					if (category == null) {
						throw new IllegalArgumentException("recon.reconciliation.categories." + entry.getKey() + ": '"
								+ entry.getKey() + "' is not a pricing category (one of "
								+ String.join(", ", new TreeSet<>(Pricing.CATEGORIES)) + ") nor " + Pricing.VOICE);
					}
					canonical.merge(category, entry.getValue(), Tolerance::overriddenBy);
				});
			return Collections.unmodifiableMap(canonical);
		}

	}

	/**
	 * A difference is tolerated when {@code |amount delta| <= max(amountAbs, amountPct% of
	 * |invoiced amount|)} and {@code |volume delta| <= max(volumeAbs, volumePct% of invoiced
	 * volume)}. A {@code null} field means "not set here". {@code volumeAbs} is in the line's unit:
	 * whole messages, or minutes with one decimal for {@code VOICE}.
	 */
	public record Tolerance(BigDecimal amountAbs, BigDecimal amountPct, BigDecimal volumeAbs, BigDecimal volumePct) {

		/** These figures with each one the other sets in its place. */
		public Tolerance overriddenBy(Tolerance other) {
			return new Tolerance(other.amountAbs != null ? other.amountAbs : amountAbs,
					other.amountPct != null ? other.amountPct : amountPct,
					other.volumeAbs != null ? other.volumeAbs : volumeAbs,
					other.volumePct != null ? other.volumePct : volumePct);
		}

	}

	/**
	 * @param from the sender of the statement emails
	 * @param replyTo where clients' replies go; empty for none
	 * @param subject subject template: {@code {client_name}}, {@code {client_id}}, {@code {month}};
	 * empty (the default): the client's language's
	 * @param body body template: the same placeholders, and {@code {totals}} (one line per
	 * currency); empty (the default): the client's language's
	 * @param attempts how many times a send is tried before the client is reported as not reached
	 * @param backoff the wait before the second attempt; it doubles before each next one
	 * @param threads how many emails are sent at the same time, each client's by one thread, on
	 * ranges of clients; the SMTP server must accept as many connections from this host
	 */
	public record Delivery(@DefaultValue("billing@partner.example") String from, @DefaultValue("") String replyTo,
			@DefaultValue("") String subject, @DefaultValue("") String body,
			@DefaultValue("3") int attempts, @DefaultValue("2s") Duration backoff, @DefaultValue("1") int threads) {

		public Delivery {
			threads = Math.max(1, threads);
		}

	}

	/**
	 * @param templates folder of the statement's JasperReports templates ({@code .jrxml}), relative
	 * to the working directory; compiled once per run
	 * @param chunkSize clients per transaction in the statements step
	 * @param threads how many clients are rendered at the same time; 0 (the default): one per core
	 * @param partitions how many ranges of clients the month is split into, each rendered by one
	 * thread at a time; 0 (the default): four per thread, so that no core idles while the last
	 * range finishes
	 */
	public record Statement(@DefaultValue("report-templates") Path templates, @DefaultValue("20") int chunkSize,
			@DefaultValue("0") int threads, @DefaultValue("0") int partitions) {

		public Statement {
			threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
			partitions = partitions > 0 ? partitions : 4 * threads;
		}

	}


	/**
	 * A distributed close: the manager (the close) sends the partitions of the statements step
	 * and of the usage import's shares to worker processes over a RabbitMQ broker; all of them
	 * share the PostgreSQL database and the inbox and output folders.
	 *
	 * @param enabled whether closes send their partitions to workers ({@code close --distributed}
	 * sets it for one close); otherwise local threads run them
	 * @param broker the broker's AMQP URI; a password in it is better left to {@code password}
	 * @param password the broker's password, from the environment ({@code RECON_DISTRIBUTION_PASSWORD});
	 * when set it replaces the URI's
	 * @param environment the name the queue is suffixed with ({@code recon.partitions.<environment>}),
	 * so that a test and a production close on one broker never take each other's partitions
	 * @param concurrency how many partitions one worker runs at a time ({@code recon worker --concurrency})
	 * @param pollInterval how often the manager reads the partitions' state from the database
	 * @param timeout how long the manager waits for all partitions before failing the step
	 * @param staleAfter a partition recorded as running whose record has not changed for this long
	 * is taken for one whose worker died; one changed more recently is taken for running
	 */
	public record Distribution(@DefaultValue("false") boolean enabled,
			@DefaultValue("amqp://guest:guest@127.0.0.1:5672") java.net.URI broker, String password,
			@DefaultValue("default") String environment, @DefaultValue("1") int concurrency,
			@DefaultValue("2s") Duration pollInterval, @DefaultValue("6h") Duration timeout,
			@DefaultValue("2m") Duration staleAfter) {

		/** The queue the manager sends partition requests to and workers take them from. */
		public String queue() {
			return "recon.partitions." + environment;
		}

	}

}
