package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tier of the program: reached by earning at least {@code threshold} points in the tier window, and multiplying
 * what its members earn.
 *
 * @param name       1 to 32 letters, digits, {@code _} or {@code -}, unique in the program
 * @param threshold  points earned in the window needed, 0 or more (the lowest tier needs 0)
 * @param multiplier what the tier multiplies earnings by, above 0
 */
public record Tier(String name, long threshold, BigDecimal multiplier) {
    /** Checks the tier. */
    public Tier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(multiplier, "multiplier");
        if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("tier name must be 1 to 32 letters, digits, _ or -: " + name);
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("tier threshold must be 0 or more: " + name);
        }
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("tier multiplier must be above 0: " + name);
        }
    }
}
