package com.wabarecon.reconciliation;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A streamed workbook whose file is zipped at the fastest compression level. Deflating the
 * sheets' XML at the default level was a large part of writing the partner workbook (128,000
 * lines); the fastest level makes the file somewhat larger and the writing much quicker. The
 * sheets' XML goes to the temporary files without a lock per character.
 */
class FastZipWorkbook extends SXSSFWorkbook {

	/** @param window rows kept in memory per sheet before they are flushed to a temporary file */
	public FastZipWorkbook(int window) {
		super(window);
	}

	/** Sheet XML written through a buffer without a lock on every character ({@link UnsynchronizedWriter}). */
	@Override
	protected SheetDataWriter createSheetDataWriter() throws IOException {
		return new SheetDataWriter(_sharedStringSource) {
			@Override
			public Writer createWriter(File file) throws IOException {
				FileOutputStream out = new FileOutputStream(file);
				try {
					return new UnsynchronizedWriter(new OutputStreamWriter(decorateOutputStream(out), StandardCharsets.UTF_8));
				}
				catch (IOException | RuntimeException ex) {
					out.close();
					throw ex;
				}
			}
		};
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		return zip;
	}

}
