package com.wabarecon;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * An inbox for a test: the sample's directory, rate cards and FX, plus the files the test
 * writes for its month.
 */
public final class TestInbox {

	public static final Path SAMPLE = Path.of("sample-invoices");

	private final Path root;

	private TestInbox(Path root) {
		this.root = root;
	}

	/** A new inbox under {@code dir} with the sample's directory/, rate-cards/ and fx/. */
	public static TestInbox withSampleReferenceData(Path dir) throws IOException {
		for (String folder : new String[] { "directory", "rate-cards", "fx" }) {
			Path target = dir.resolve(folder);
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(SAMPLE.resolve(folder))) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()));
				}
			}
		}
		return new TestInbox(dir);
	}

	/** A new inbox under {@code dir} with the sample's directory/ and fx/ only: the test writes its rate cards. */
	public static TestInbox withSampleDirectory(Path dir) throws IOException {
		TestInbox inbox = withSampleReferenceData(dir);
		try (Stream<Path> cards = Files.list(dir.resolve("rate-cards"))) {
			for (Path card : cards.toList()) {
				Files.delete(card);
			}
		}
		return inbox;
	}

	/** A copy of the whole sample inbox under {@code dir}: every month's files, to inject a fault into. */
	public static TestInbox copyOfSample(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(SAMPLE)) {
			for (Path file : files.toList()) {
				Path target = dir.resolve(SAMPLE.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return new TestInbox(dir);
	}

	/** Adds a line at the end of {@code <inbox>/<relative path>}. */
	public void append(String relative, String line) throws IOException {
		Path file = root.resolve(relative);
		String text = Files.readString(file);
		Files.writeString(file, text + (text.endsWith("\n") ? "" : "\n") + line + "\n");
	}

	public Path root() {
		return root;
	}

	/**
	 * The sample's calls taken out (its call exports, calls webhooks and the invoice's voice
	 * lines), for a test that brings calls of its own; its rate cards keep their VOICE rates.
	 */
	public TestInbox withoutSampleCalls() throws IOException {
		for (String file : new String[] { "2025-09/calls/ch_001-calls-2025-09.json", "2025-09/calls/ch_004-calls-2025-09.json",
				"2025-09/webhooks/calls-2025-09.ndjson", "2025-10/webhooks/calls-2025-10-01.ndjson",
				"2025-09/invoice/meta-invoice-2025-09-calls.csv" }) {
			Files.delete(root.resolve(file));
		}
		return this;
	}

	/** Writes {@code <inbox>/<relative path>} (gzip-compressed when the name ends with .gz). */
	public Path write(String relative, String content) throws IOException {
		Path file = root.resolve(relative);
		Files.createDirectories(file.getParent());
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (relative.endsWith(".gz")) {
			try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
				out.write(bytes);
			}
		}
		else {
			Files.write(file, bytes);
		}
		return file;
	}

}
