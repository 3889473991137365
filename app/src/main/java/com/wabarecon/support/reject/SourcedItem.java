package com.wabarecon.support.reject;

/**
 * An item that knows the input row it was read from, so that a rejection at any point of a
 * step (read, process or write) can name the file, the line and the raw content.
 */
public interface SourcedItem {

	RowSource source();

}
