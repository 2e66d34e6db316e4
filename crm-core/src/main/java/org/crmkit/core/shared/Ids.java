package org.crmkit.core.shared;

import java.util.UUID;

/** Parsing of id text shared by the typed ids. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String field, String text) {
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
