package org.fcr.intake.api;

import java.util.Arrays;
import java.util.Locale;

import org.fcr.support.problem.ApiProblem;

/** Parses enum values of a body, refusing unknown ones with a 400 that names the field and the choices. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw ApiProblem.badRequest("validation", field + " is required").with("field", field);
            }
            return fallback;
        }
        try {
            E parsed = Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            if (parsed.name().equals("UNKNOWN")) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("validation", field + ": unknown value '" + value + "'; one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals("UNKNOWN")).toList())
                    .with("field", field);
        }
    }
}
