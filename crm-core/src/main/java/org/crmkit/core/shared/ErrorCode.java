package org.crmkit.core.shared;

import java.util.Locale;

/**
 * A stable, machine-readable error code: one per rule, snake_case, listed in docs/errors.md with what it means and
 * the HTTP status a web host would map it to. Codes are enum constants: {@link CrmError} holds the codes every area
 * raises, each area its own ({@code CustomerError}, {@code LoyaltyError}, ...), so a host can switch on them and the
 * compiler finds a code that does not exist.
 */
public interface ErrorCode {

    /** @return the constant's name, for example {@code INSUFFICIENT_POINTS} (an enum provides it) */
    String name();

    /** @return the code as {@link CrmException#code()} reports it: the name in lower case, {@code insufficient_points} */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
