package org.crmkit.spring.boot;

import java.util.function.Supplier;

/** Turns crmkit's refusal of a setting into a start-up failure that names the property. */
final class Settings {
    private Settings() {
    }

    /**
     * @param property the {@code crmkit.*} property (or group) the value came from
     * @param build    what builds crmkit's value from it
     * @param <T>      the value's type
     * @return the value
     * @throws IllegalArgumentException naming the property and giving crmkit's reason
     */
    static <T> T check(String property, Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
        }
    }
}
