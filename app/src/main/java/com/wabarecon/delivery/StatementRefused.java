package com.wabarecon.delivery;

/**
 * A statement that must not be emailed as it stands (a file missing, or outside the client's
 * own folder). Permanent: trying again would not change it.
 */
class StatementRefused extends Exception {

	StatementRefused(String reason) {
		super(reason);
	}

}
