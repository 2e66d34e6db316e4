package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.product.CategoryId;

/**
 * A time-boxed promotion: for purchases made in {@code [from, until)}, either a multiplier on what matching lines earn
 * or a fixed bonus per purchase with a matching line. With categories, only lines whose product is in one of them (or
 * below one) match; without, every line matches.
 *
 * @param name        shown in explanations, 1 to 64 characters
 * @param from        first instant it applies to
 * @param until       first instant it no longer applies to
 * @param categories  the categories it is limited to, or empty for all
 * @param multiplier  the multiplier (above 0), or {@code null} for a bonus
 * @param bonusPoints the fixed bonus (above 0), or 0 for a multiplier
 */
public record Promotion(String name, Instant from, Instant until, Set<CategoryId> categories, BigDecimal multiplier,
                        long bonusPoints) {
    /** Checks the promotion. */
    public Promotion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        categories = Set.copyOf(categories);
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("promotion name must be 1 to 64 characters");
        }
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("promotion " + name + " must start before it ends");
        }
        if ((multiplier == null) == (bonusPoints == 0)) {
            throw new IllegalArgumentException("promotion " + name + " is either a multiplier or a bonus");
        }
        if (multiplier != null && multiplier.signum() <= 0 || bonusPoints < 0) {
            throw new IllegalArgumentException("promotion " + name + " must give more than nothing");
        }
        if (bonusPoints > LoyaltyProgram.MAX_LINE_POINTS) {
            throw new IllegalArgumentException("promotion " + name + " may give at most "
                    + LoyaltyProgram.MAX_LINE_POINTS + " bonus points");
        }
    }

    /**
     * @param name       the name
     * @param from       first instant
     * @param until      first instant after
     * @param multiplier the multiplier
     * @param categories the categories it is limited to (none: all)
     * @return a multiplier promotion
     */
    public static Promotion multiplier(String name, Instant from, Instant until, BigDecimal multiplier,
                                       CategoryId... categories) {
        return new Promotion(name, from, until, Set.of(categories), multiplier, 0);
    }

    /**
     * @param name        the name
     * @param from        first instant
     * @param until       first instant after
     * @param bonusPoints points added once per purchase with a matching line
     * @param categories  the categories it is limited to (none: all)
     * @return a bonus promotion
     */
    public static Promotion bonus(String name, Instant from, Instant until, long bonusPoints,
                                  CategoryId... categories) {
        return new Promotion(name, from, until, Set.of(categories), null, bonusPoints);
    }

    /** @param at a purchase time @return whether the promotion runs then */
    public boolean runsAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    /** @param categoryPath a product's category and its ancestors @return whether a line of it matches */
    public boolean matches(java.util.List<CategoryId> categoryPath) {
        return categories.isEmpty() || categoryPath.stream().anyMatch(categories::contains);
    }
}
