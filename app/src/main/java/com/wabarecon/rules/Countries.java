package com.wabarecon.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ISO 3166-1 alpha-2 country codes and their names, from the product's own table
 * ({@code countries.csv} beside this class), not the JDK's display names, which change between
 * releases. Thread-safe.
 */
public final class Countries {

	private static final String TABLE = "countries.csv";

	/** Code to name. */
	private static final Map<String, String> NAMES = new TreeMap<>();

	/** {@link #spelling} of every name and alias to its code. */
	private static final Map<String, String> BY_NAME = new HashMap<>();

	/** Every code to itself: a code is returned as one shared String (a month's rows hold few). */
	private static final Map<String, String> CODES = new HashMap<>();

	static {
		try (InputStream in = Countries.class.getResourceAsStream(TABLE)) {
			if (in == null) {
				throw new IllegalStateException(TABLE + " is missing beside " + Countries.class.getName());
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			boolean header = true;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] fields = fields(line);
				String code = fields[0];
				NAMES.put(code, fields[1]);
				CODES.put(code, code);
				BY_NAME.put(spelling(fields[1]), code);
				if (fields.length > 2 && !fields[2].isEmpty()) {
					for (String alias : fields[2].split(";")) {
						BY_NAME.put(spelling(alias), code);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Countries() {
	}

	/** The upper-case code a spelling stands for ({@code in}, {@code IN}); {@code null} when none. */
	public static String code(String spelling) {
		if (spelling == null) {
			return null;
		}
		String code = CODES.get(spelling); // the usual spelling: found as it is
		return code != null ? code : CODES.get(spelling.strip().toUpperCase(Locale.ROOT));
	}

	/** The country's name ({@code DE}: Germany); {@code null} for a code that is not a country. */
	public static String name(String code) {
		return code == null ? null : NAMES.get(code);
	}

	/** The code of a country name or alias, in any case and with or without accents; {@code null} when none. */
	public static String codeOfName(String name) {
		return name == null ? null : BY_NAME.get(spelling(name));
	}

	/**
	 * A name as it is compared: without accents, case or punctuation, {@code &} as {@code and},
	 * spaces collapsed ({@code Côte d’Ivoire} and {@code cote d'ivoire} are one).
	 */
	static String spelling(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	/** The fields of one line: comma-separated, a field may be quoted. */
	private static String[] fields(String line) {
		java.util.List<String> fields = new java.util.ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields.toArray(String[]::new);
	}

}
