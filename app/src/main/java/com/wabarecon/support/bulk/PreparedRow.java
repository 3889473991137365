package com.wabarecon.support.bulk;

import com.wabarecon.support.reject.RowSource;
import com.wabarecon.support.reject.SourcedItem;

/**
 * A row made ready for its bulk load before the chunk that writes it: on PostgreSQL, its COPY
 * text, encoded on the thread that parsed and mapped it, while the row is still in that core's
 * cache; the step's thread then only sends bytes. With the portable loader, only the item.
 *
 * @param text the buffer holding the row's encoded text ({@code null} when not encoded); shared
 *     with the rows encoded next to it, never written again once the row is in it
 * @param offset where the row starts in {@code text}
 * @param length how many bytes it takes, its newline included
 */
public record PreparedRow<T extends SourcedItem>(T item, byte[] text, int offset, int length) implements SourcedItem {

	/** A row loaded from its values at write time. */
	static <T extends SourcedItem> PreparedRow<T> unencoded(T item) {
		return new PreparedRow<>(item, null, 0, 0);
	}

	@Override
	public RowSource source() {
		return item.source();
	}

}
