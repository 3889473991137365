package com.wabarecon.importing;

import java.util.ArrayList;
import java.util.List;

import com.wabarecon.support.reject.RejectedRowException;
import com.wabarecon.support.reject.RowSource;

/**
 * Collects everything wrong with one row, so that its reject names all of it at once rather
 * than one problem per attempt.
 */
public final class RowProblems {

	private final List<String> reasons = new ArrayList<>();

	/** Adds a reason; {@code null} (a check that passed) is ignored. */
	public RowProblems add(String reason) {
		if (reason != null) {
			reasons.add(reason);
		}
		return this;
	}

	public boolean isEmpty() {
		return reasons.isEmpty();
	}

	/** Every reason found, as a rejection gives them. */
	@Override
	public String toString() {
		return String.join("; ", reasons);
	}

	/** Throws the row's rejection when anything was found. */
	public void throwIfAny(RowSource source) {
		if (!reasons.isEmpty()) {
			throw new RejectedRowException(source, String.join("; ", reasons));
		}
	}

}
