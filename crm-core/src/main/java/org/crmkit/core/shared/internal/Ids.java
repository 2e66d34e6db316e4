package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;
import java.util.UUID;

/** Parsing of id text shared by the typed ids of every area. */
public final class Ids {
    private Ids() {
    }

    /**
     * @param field the field named in the error
     * @param text  a UUID in its canonical text form
     * @return the UUID
     * @throws InvalidValueException when the text is not a canonical UUID
     */
    public static UUID parse(String field, String text) {
        if (text == null) {
            throw new InvalidValueException(field, "must not be null");
        }
        try {
            UUID uuid = UUID.fromString(text.strip());
            if (!uuid.toString().equals(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "is not a UUID");
        }
    }
}
