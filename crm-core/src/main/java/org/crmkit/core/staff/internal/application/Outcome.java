package org.crmkit.core.staff.internal.application;

/**
 * What an account transaction decided. A refusal is returned, not thrown, so that the transaction commits what it
 * counted and logged; {@link #get()} throws it after the commit.
 *
 * @param value   the result when it succeeded
 * @param failure the refusal, or {@code null} when it succeeded
 */
record Outcome<T>(T value, RuntimeException failure) {
    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(RuntimeException failure) {
        return new Outcome<>(null, failure);
    }

    T get() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
