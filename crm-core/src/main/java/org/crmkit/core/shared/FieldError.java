package org.crmkit.core.shared;

import java.util.Objects;

/**
 * One violated field of a command: its property path (for example {@code "address.countryCode"}) and a message.
 *
 * @param field   the property path of the field within the command
 * @param message why the value was refused
 */
public record FieldError(String field, String message) {
    /** Checks that both parts are present. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
