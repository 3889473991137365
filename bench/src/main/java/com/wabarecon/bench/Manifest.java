package com.wabarecon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a generated inbox holds, written beside it as {@code generated.json}: the counts of every
 * input, and the reconciliation lines per status the close must find (under the default
 * tolerances), of which {@code injected} were built in on purpose. A benchmark or a test closes
 * the month and compares. Holds no time or path, so the same seed writes the same bytes.
 *
 * @param expectedLines every reconciliation line by status, {@code MATCHED} included
 * @param injected the discrepancies built in, by the status each must get
 * @param expectedRejects input rows the close must reject (the generator writes none)
 */
public record Manifest(String month, long seed, double discrepancyPct, int clients, int wabas, int channels,
		int webhookOnlyChannels, int creditLineChannels, int usageFiles, long usageRows, long usageBytes,
		int webhookFiles, long webhookLines, long webhookStatusEvents, long webhookOtherEntries, int invoiceFiles,
		long invoiceLines, long invoiceUsageLines, Map<String, Long> expectedLines, Map<String, Long> injected,
		long expectedRejects, int callFiles, long callDataPoints, long calls, long webhookCallEvents) {

	public static final String FILE = "generated.json";

	private static final ObjectMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	public long expectedLineCount() {
		return expectedLines.values().stream().mapToLong(Long::longValue).sum();
	}

	void write(Path inbox) throws IOException {
		write(inbox, FILE);
	}

	void write(Path inbox, String name) throws IOException {
		JSON.writeValue(inbox.resolve(name).toFile(), this);
	}

	public static Manifest read(Path inbox) throws IOException {
		return read(inbox, FILE);
	}

	public static Manifest read(Path inbox, String name) throws IOException {
		return JSON.readValue(inbox.resolve(name).toFile(), Manifest.class);
	}

}
