package com.wabarecon.directory;

import static com.wabarecon.directory.DirectoryColumns.BILLING_EMAILS;
import static com.wabarecon.directory.DirectoryColumns.CLIENT_ID;
import static com.wabarecon.directory.DirectoryColumns.LOCALE;
import static com.wabarecon.directory.DirectoryColumns.NAME;
import static com.wabarecon.directory.DirectoryColumns.STATEMENT_CURRENCY;

import java.util.Arrays;
import java.util.List;

import com.wabarecon.importing.FieldChecks;
import com.wabarecon.importing.FirstOccurrence;
import com.wabarecon.importing.RowProblems;
import com.wabarecon.support.csv.CsvRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a row of {@code clients.csv} into a {@link Client}, or rejects it with every reason
 * (empty or unsafe id, a repeated id, invalid addresses, currency or locale). Blank lines are
 * filtered. One instance per step execution; not thread-safe.
 */
class ClientRowMapper implements ItemProcessor<CsvRecord, Client> {

	private final FirstOccurrence ids = new FirstOccurrence();

	@Override
	public Client process(CsvRecord row) {
		if (row.isBlank()) {
			return null;
		}
		String clientId = row.text(CLIENT_ID);
		String name = row.text(NAME);
		List<String> emails = Arrays.stream(row.text(BILLING_EMAILS).split(";"))
			.map(String::strip)
			.filter(email -> !email.isEmpty())
			.toList();
		String currency = row.text(STATEMENT_CURRENCY);
		String locale = row.text(LOCALE);

		RowProblems problems = new RowProblems().add(FieldChecks.safeId(CLIENT_ID, clientId))
			.add(FieldChecks.required(NAME, name))
			.add(FieldChecks.maxLength(NAME, name, 200))
			.add(emails.isEmpty() ? BILLING_EMAILS + " is empty" : null)
			.add(FieldChecks.currency(STATEMENT_CURRENCY, currency))
			.add(FieldChecks.locale(LOCALE, locale));
		emails.forEach(email -> problems.add(FieldChecks.email(BILLING_EMAILS, email)));
		if (problems.isEmpty()) {
			problems.add(ids.check(CLIENT_ID, clientId, row.source().line()));
		}
		problems.throwIfAny(row.source());
		return new Client(clientId, name, emails, currency, locale.replace('_', '-'), row.source());
	}

}
