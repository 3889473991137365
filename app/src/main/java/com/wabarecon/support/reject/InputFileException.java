package com.wabarecon.support.reject;

/**
 * A whole input file that cannot be used (missing, unreadable, or without a column every row
 * needs). Not skippable: the step fails, and the message names the file and what is wrong.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String message) {
		super(message);
	}

	public InputFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
