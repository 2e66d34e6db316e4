package org.crmkit.core.loyalty.port.in;

/** What makes a customer loyal in {@link Loyalty#loyalCustomers}. */
public enum LoyaltyRanking {
    /** Points earned in the period, net of claw-backs. */
    POINTS_EARNED,
    /** Purchases made in the period (in the given currency, or in any when none is given). */
    PURCHASE_COUNT,
    /** Amount spent in the period in the given currency, net of returns. */
    PURCHASE_AMOUNT
}
