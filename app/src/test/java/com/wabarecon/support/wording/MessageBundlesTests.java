package com.wabarecon.support.wording;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language's bundle says everything the English one says, with the same arguments, in
 * patterns {@link MessageFormat} reads: a key it lacks would fall back to English in the middle
 * of a German statement, and a {@code .client} key it lacks would show a client the partner's
 * English (a setting, a file).
 */
class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

	@ParameterizedTest
	@ValueSource(strings = { "de", "pt", "es", "el", "ru" })
	void aLanguageHasEveryKeyWithTheSameArguments(String language) throws IOException {
		Properties english = load("i18n/messages.properties");
		Properties translated = load("i18n/messages_" + language + ".properties");

		assertThat(translated.stringPropertyNames()).as("keys of %s", language)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(arguments(translated.getProperty(key))).as("%s of %s", key, language)
				.isEqualTo(arguments(english.getProperty(key)));
			// a pattern that parses, and a quote written as '' (a lone one would hide the rest)
			new MessageFormat(translated.getProperty(key), Locale.forLanguageTag(language));
			assertThat(translated.getProperty(key).replace("''", "")).as("%s of %s", key, language).doesNotContain("'");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "pt", "es", "el", "ru" })
	void aLanguageIsNotEnglishUnderAnotherName(String language) throws IOException {
		Properties english = load("i18n/messages.properties");
		Properties translated = load("i18n/messages_" + language + ".properties");
		List<String> labels = List.of("statement.title", "statement.summary", "status.OVER_INVOICED",
				"statement.chart.messages", "email.subject", "reason.side.volume");
		assertThat(labels).allSatisfy(key -> assertThat(translated.getProperty(key)).as(key)
			.isNotEqualTo(english.getProperty(key)));
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Properties load(String resource) throws IOException {
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

}
