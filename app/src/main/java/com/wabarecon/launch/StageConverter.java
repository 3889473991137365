package com.wabarecon.launch;

import com.wabarecon.Stage;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an {@code --until} option ({@link Stage#id}); anything else is a usage error naming the
 * stages. Public so that every command taking a stage, the bench's too, reads it alike.
 */
public final class StageConverter implements ITypeConverter<Stage> {

	@Override
	public Stage convert(String value) {
		try {
			return Stage.fromId(value);
		}
		catch (IllegalArgumentException ex) {
			throw new TypeConversionException(ex.getMessage());
		}
	}

}
