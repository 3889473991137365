package com.wabarecon;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

/**
 * Refuses a close whose parameters could not mean anything, whoever launched it (the CLI
 * checks the same things earlier, with usage text).
 */
@Component
class CloseJobParametersValidator implements JobParametersValidator {

	@Override
	public void validate(JobParameters parameters) throws InvalidJobParametersException {
		String month = parameters.getString(CloseJobParameters.MONTH);
		if (month == null) {
			throw new InvalidJobParametersException("the parameter '" + CloseJobParameters.MONTH + "' is missing");
		}
		try {
			YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidJobParametersException("month '" + month + "' is not a month of the form YYYY-MM");
		}
		for (String required : new String[] { CloseJobParameters.INBOX, CloseJobParameters.OUT }) {
			if (parameters.getString(required) == null) {
				throw new InvalidJobParametersException("the parameter '" + required + "' is missing");
			}
		}
		String until = parameters.getString(CloseJobParameters.UNTIL);
		if (until != null) {
			try {
				Stage.fromId(until);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidJobParametersException(ex.getMessage());
			}
		}
	}

}
