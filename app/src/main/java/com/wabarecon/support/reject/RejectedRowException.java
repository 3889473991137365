package com.wabarecon.support.reject;

/**
 * One input row that cannot be loaded, and why. The import steps skip it (their skip policy
 * names this exception) and {@link RejectRecordingListener} records it in the month's rejects;
 * the rows around it still load.
 */
public class RejectedRowException extends RuntimeException {

	private final RowSource source;

	private final String reason;

	public RejectedRowException(RowSource source, String reason) {
		super(source.describe() + ": " + reason);
		this.source = source;
		this.reason = reason;
	}

	public RowSource source() {
		return source;
	}

	public String reason() {
		return reason;
	}

}
