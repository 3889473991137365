package com.wabarecon.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's SHA-256, as the inbox inventory (copies) and the input files' record take it. Thread-safe. */
public final class FileDigests {

	/** A read buffer per digesting thread: a month has 35,000 files, and a buffer each was 2 GB of garbage. */
	private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

	private FileDigests() {
	}

	/** The file's SHA-256 in lower-case hex. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = BUFFER.get();
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
