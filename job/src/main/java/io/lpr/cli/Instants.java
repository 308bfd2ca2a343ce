package io.lpr.cli;

import io.lpr.events.Times;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time as {@link Times} reads it, the same forms as the web API's {@code since}. */
final class Instants implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return Times.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
