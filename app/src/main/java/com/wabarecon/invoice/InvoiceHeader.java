package com.wabarecon.invoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.wabarecon.ReconProperties;

/**
 * Maps the header of an invoice file to the invoice fields through the configured aliases
 * ({@code recon.invoice.columns}): {@code WhatsApp Business Account ID} is {@code waba_id}.
 * Names match ignoring case, spaces, {@code _} and {@code -}, so {@code Phone Number ID},
 * {@code phone_number_id} and {@code PHONE-NUMBER-ID} are one name. Immutable; thread-safe.
 */
final class InvoiceHeader {

	private static final Pattern IGNORED = Pattern.compile("[\\s_\\-\\u00A0\\uFEFF]+");

	private final Map<String, InvoiceField> fieldsByName = new HashMap<>();

	InvoiceHeader(ReconProperties.Invoice.Columns columns) {
		for (InvoiceField field : InvoiceField.values()) {
			fieldsByName.put(key(field.column()), field);
		}
		for (InvoiceField field : InvoiceField.values()) {
			// a canonical name always means its own field, whatever an alias says
			field.aliases(columns).forEach(alias -> fieldsByName.putIfAbsent(key(alias), field));
		}
	}

	static String key(String name) {
		return name == null ? "" : IGNORED.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/**
	 * The position of each field's column in the given header cells (indexed by
	 * {@link InvoiceField#ordinal()}), -1 for a field the header lacks; the first of two columns
	 * with the same meaning counts.
	 */
	int[] positions(List<String> cells) {
		int[] positions = new int[InvoiceField.values().length];
		Arrays.fill(positions, -1);
		for (int i = 0; i < cells.size(); i++) {
			InvoiceField field = fieldsByName.get(key(cells.get(i)));
			if (field != null && positions[field.ordinal()] < 0) {
				positions[field.ordinal()] = i;
			}
		}
		return positions;
	}

	/** The canonical names of the required fields the given header cells lack. */
	List<String> missing(List<String> cells) {
		int[] positions = positions(cells);
		List<String> missing = new ArrayList<>();
		for (InvoiceField field : InvoiceField.values()) {
			if (field.required() && positions[field.ordinal()] < 0) {
				missing.add(field.column());
			}
		}
		return missing;
	}

}
