package com.wabarecon.launch;

import java.util.regex.Pattern;

/**
 * JDBC URLs as they may be shown and stored: without passwords.
 */
final class DatabaseUrls {

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

	private DatabaseUrls() {
	}

	static String redact(String url) {
		if (url == null) {
			return null;
		}
		String withoutPassword = PASSWORD.matcher(url).replaceAll("$1=***");
		return USER_INFO.matcher(withoutPassword).replaceAll("//***@");
	}

}
