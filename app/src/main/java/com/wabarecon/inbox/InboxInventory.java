package com.wabarecon.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.wabarecon.support.FileDigests;

/**
 * Every file the close of a month could read, and what it does with each: read by the step of
 * its kind, refused whole, or not read, always with the reason. The one place that decides which
 * files the import reads (extensions in any case), so that no file is skipped without being
 * listed: the folders of the month ({@code <month>/} and everything below it), the reference
 * folders ({@code directory/}, {@code rate-cards/}, {@code fx/}) and the neighbouring months'
 * webhook files, which hold statuses of this month's messages.
 * <p>
 * A file whose content is the same as another file of its kind (same SHA-256, whatever its name,
 * a symbolic link included) is refused whole as a copy of the file first in name order: a copy
 * never doubles an estimate, an invoice or a rate card. Only files of one kind and one size are
 * digested, so a month without copies reads no file here.
 */
public final class InboxInventory {

	/** Why a file of a kind the close reads is refused when it cannot be opened. */
	public static final String UNREADABLE = "cannot be read (permission denied)";

	private static final String USAGE = "usage";

	private static final String CALLS = "calls";

	private static final String WEBHOOKS = "webhooks";

	private static final String INVOICE = "invoice";

	private static final String BALANCE = "balance";

	private InboxInventory() {
	}

	/** The month's inbox files, in name order. */
	public static List<InboxFile> take(Path inbox, YearMonth month) {
		List<InboxFile> files = new ArrayList<>();
		walk(inbox, inbox.resolve("directory"), files, InboxInventory::directoryFile);
		walk(inbox, inbox.resolve("rate-cards"), files, InboxInventory::rateCardFile);
		walk(inbox, inbox.resolve("fx"), files, name -> fxFile(name, month));
		Path monthFolder = inbox.resolve(month.toString());
		walk(inbox, monthFolder, files, null);
		for (YearMonth neighbour : List.of(month.minusMonths(1), month.plusMonths(1))) {
			Path folder = inbox.resolve(neighbour.toString()).resolve(WEBHOOKS);
			walk(inbox, folder, files, name -> webhookFile(name) instanceof InboxKind kind ? kind : Ignore.IGNORE);
		}
		files.removeIf(file -> file == null);
		files.sort(Comparator.comparing(InboxFile::sourceName));
		return refuseCopies(files);
	}

	/** Whether the month has an inbox folder at all. */
	public static boolean hasMonthFolder(Path inbox, YearMonth month) {
		return Files.isDirectory(inbox.resolve(month.toString()));
	}

	/** A file of no interest to this month's close (another month's FX rates): not listed. */
	private enum Ignore {

		IGNORE

	}

	/**
	 * Lists a folder's files, below it too. {@code classify} takes a file name directly in the
	 * folder to its kind, an {@link Ignore}, or a reason it is not read; {@code null} is the month's
	 * own folder, whose first level of folders decides.
	 */
	private static void walk(Path inbox, Path folder, List<InboxFile> files, Function<String, Object> classify) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		// symbolic links are followed (a folder of exports may be a link to another volume); a link
		// that loops, or anything that cannot be looked into, is listed, never dropped
		try {
			Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {
						@Override
						public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
							files.add(classify == null ? monthFile(inbox, folder, path) : file(inbox, folder, path, classify));
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path path, IOException failure) {
							files.add(notRead(inbox, path, failure instanceof FileSystemLoopException
									? "a link to a folder that holds it (a loop)"
									: "cannot be looked into (" + failure.getClass().getSimpleName() + ")"));
							return FileVisitResult.CONTINUE;
						}
					});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder, ex);
		}
	}

	/** A file under {@code <month>/}: its first folder ({@code usage}, ...) decides how it is read. */
	private static InboxFile monthFile(Path inbox, Path monthFolder, Path path) {
		Path relative = monthFolder.relativize(path);
		if (relative.getNameCount() == 1) {
			return notRead(inbox, path, "not in a folder the close reads (" + monthFolder.getFileName() + "/usage/, "
					+ CALLS + "/, " + WEBHOOKS + "/, " + BALANCE + "/ or " + INVOICE + "/)");
		}
		String folder = relative.getName(0).toString();
		Function<String, Object> classify = switch (folder) {
			case USAGE -> InboxInventory::usageFile;
			case CALLS -> InboxInventory::callFile;
			case WEBHOOKS -> InboxInventory::webhookFile;
			case INVOICE -> InboxInventory::invoiceFile;
			case BALANCE -> InboxInventory::balanceFile;
			default -> null;
		};
		if (classify == null) {
			return notRead(inbox, path, monthFolder.getFileName() + "/" + folder
					+ "/ is not a folder the close reads (usage, calls, webhooks, balance, invoice)");
		}
		return file(inbox, monthFolder.resolve(folder), path, classify);
	}

	private static InboxFile file(Path inbox, Path folder, Path path, Function<String, Object> classify) {
		String name = path.getFileName().toString();
		if (path.getParent() != null && !path.getParent().equals(folder)) {
			return notRead(inbox, path, "in a folder below " + InboxFiles.sourceName(inbox, folder)
					+ "/: the close reads the files directly in it");
		}
		if (name.startsWith(".")) {
			return notRead(inbox, path, "a hidden file");
		}
		Object kind = classify.apply(name);
		if (kind == Ignore.IGNORE) {
			return null;
		}
		if (!(kind instanceof InboxKind inboxKind)) {
			return notRead(inbox, path, (String) kind);
		}
		if (!Files.isRegularFile(path)) {
			return notRead(inbox, path, "not a regular file");
		}
		InboxFile file = InboxFile.read(InboxFiles.sourceName(inbox, path), path, inboxKind, size(path));
		return Files.isReadable(path) ? file : file.refused(UNREADABLE, null);
	}

	private static InboxFile notRead(Path inbox, Path path, String reason) {
		return InboxFile.notRead(InboxFiles.sourceName(inbox, path), path, "not read: " + reason, size(path));
	}

	private static Object directoryFile(String name) {
		return switch (name) {
			case "clients.csv" -> InboxKind.CLIENTS;
			case "channels.csv" -> InboxKind.CHANNELS;
			case "auto-renewal.csv" -> InboxKind.AUTO_RENEWAL;
			default -> "the directory is read from clients.csv, channels.csv and auto-renewal.csv (names in lower case)";
		};
	}

	private static Object rateCardFile(String name) {
		String lower = lower(name);
		if (lower.equals("markets.csv")) {
			return InboxKind.MARKETS;
		}
		return lower.endsWith(".csv") ? InboxKind.RATE_CARD : "rate cards are read from .csv files";
	}

	private static Object fxFile(String name, YearMonth month) {
		String lower = lower(name);
		if (lower.equals(month + ".csv")) {
			return InboxKind.FX;
		}
		return lower.endsWith(".csv") ? Ignore.IGNORE : "FX rates are read from <month>.csv files";
	}

	private static Object usageFile(String name) {
		String lower = lower(name);
		if (lower.endsWith(".balance.json")) {
			return InboxKind.BALANCE_EXPORT;
		}
		if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
			return InboxKind.USAGE_EXPORT;
		}
		return "usage exports are read from .json and .json.gz files (balance exports from .balance.json)";
	}

	private static Object callFile(String name) {
		String lower = lower(name);
		if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
			return InboxKind.CALL_EXPORT;
		}
		return "call analytics exports are read from .json and .json.gz files";
	}

	private static Object webhookFile(String name) {
		String lower = lower(name);
		if (lower.endsWith(".ndjson") || lower.endsWith(".ndjson.gz")) {
			return InboxKind.WEBHOOKS;
		}
		if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
			return "webhooks are read from .ndjson and .ndjson.gz files, one stored webhook body per line: "
					+ "if this file holds one per line, name it .ndjson";
		}
		return "webhooks are read from .ndjson and .ndjson.gz files";
	}

	private static Object balanceFile(String name) {
		String lower = lower(name);
		if (lower.equals("movements.csv")) {
			return InboxKind.FUNDS_MOVEMENTS;
		}
		if (lower.endsWith(".json")) {
			return InboxKind.BALANCE_SNAPSHOT;
		}
		return "balances are read from <channel_id>.json snapshots and movements.csv";
	}

	private static Object invoiceFile(String name) {
		String lower = lower(name);
		if (lower.startsWith("~$")) {
			return "an Excel lock file (the workbook is open in Excel), not a workbook";
		}
		if (lower.endsWith(".csv") || lower.endsWith(".xlsx")) {
			return InboxKind.INVOICE;
		}
		if (lower.endsWith(".xls")) {
			return "an Excel 97-2003 workbook (.xls) is not read: save it as .xlsx or .csv";
		}
		return "Meta's invoice is read from .csv and .xlsx files";
	}

	/**
	 * Refuses every file whose content is that of a file of its kind before it in name order.
	 * Only files of the same kind and size can be the same, so only those are digested.
	 */
	private static List<InboxFile> refuseCopies(List<InboxFile> files) {
		Map<String, List<Integer>> sameSize = new LinkedHashMap<>();
		for (int i = 0; i < files.size(); i++) {
			InboxFile file = files.get(i);
			// a snapshot's name is its channel: two channels may have the same balance, byte for byte
			if (file.decision() == InboxFile.Decision.READ && file.kind() != InboxKind.BALANCE_SNAPSHOT) {
				sameSize.computeIfAbsent(file.kind() + " " + file.size(), k -> new ArrayList<>()).add(i);
			}
		}
		List<InboxFile> result = new ArrayList<>(files);
		for (List<Integer> group : sameSize.values()) {
			if (group.size() < 2) {
				continue;
			}
			Map<String, InboxFile> firstWithDigest = new HashMap<>();
			for (int i : group) {
				InboxFile file = result.get(i);
				String digest = sha256(file.path());
				InboxFile first = firstWithDigest.putIfAbsent(digest, file);
				result.set(i, first == null ? file.withSha256(digest)
						: file.refused("a copy of " + first.sourceName() + " (the same content, SHA-256 "
								+ digest.substring(0, 12) + "...): read once, from the file first in name order",
								digest));
			}
		}
		return result;
	}

	private static String sha256(Path file) {
		try {
			return FileDigests.sha256(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	private static long size(Path path) {
		try {
			return Files.isRegularFile(path) ? Files.size(path) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
