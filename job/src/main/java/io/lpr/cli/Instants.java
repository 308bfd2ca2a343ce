package io.lpr.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time as people write it: a date (its midnight), a date and time, with a zone or offset or in UTC. */
final class Instants implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim().replace(' ', 'T');
        try {
            if (!text.contains("T")) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date or time; use e.g. 2026-11-30, "
                    + "2026-11-30T08:00 (UTC) or 2026-11-30T08:00:00+03:00");
        }
    }
}
