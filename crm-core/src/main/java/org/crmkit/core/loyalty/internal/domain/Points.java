package org.crmkit.core.loyalty.internal.domain;

/**
 * A number of loyalty points, never negative: what a redemption spends, a correction adds or removes, a return takes
 * back. A value of its own so that an amount of points cannot be passed where an id or a position goes, and the
 * aggregate's methods say which number is the amount.
 *
 * @param value 0 or more
 */
public record Points(long value) {
    /** No points. */
    public static final Points ZERO = new Points(0);

    /** Refuses a negative count: the direction of a change is its method's, never the sign of its points. */
    public Points {
        if (value < 0) {
            throw new IllegalArgumentException("points must not be negative: " + value);
        }
    }

    /** @param value 0 or more @return the points */
    public static Points of(long value) {
        return value == 0 ? ZERO : new Points(value);
    }

    /** @return whether there are none */
    public boolean isZero() {
        return value == 0;
    }
}
