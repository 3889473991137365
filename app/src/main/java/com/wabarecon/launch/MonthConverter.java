package com.wabarecon.launch;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --month} option ({@code 2025-09}); anything else is a usage error naming the
 * form expected. Public so that every command taking a month, the bench's too, reads it alike.
 */
public final class MonthConverter implements ITypeConverter<YearMonth> {

	@Override
	public YearMonth convert(String value) {
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new TypeConversionException("'" + value + "' is not a month of the form YYYY-MM");
		}
	}

}
