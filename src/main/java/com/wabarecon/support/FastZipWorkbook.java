package com.wabarecon.support;

import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streamed workbook whose file is zipped at the fastest compression level. Deflating the
 * sheets' XML at the default level was a large part of writing the partner workbook (128,000
 * lines); the fastest level makes the file somewhat larger and the writing much quicker.
 */
public class FastZipWorkbook extends SXSSFWorkbook {

	/** @param window rows kept in memory per sheet before they are flushed to a temporary file */
	public FastZipWorkbook(int window) {
		super(window);
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		return zip;
	}

}
