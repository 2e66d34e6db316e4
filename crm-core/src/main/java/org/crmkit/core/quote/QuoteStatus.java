package org.crmkit.core.quote;

/**
 * Where a quote is in its life: {@code REQUESTED -> QUOTED -> ACCEPTED | REJECTED | EXPIRED}. A quote may be answered
 * again while {@code QUOTED} (a revision); the last three are final.
 */
public enum QuoteStatus {
    /** Asked for; no prices yet. */
    REQUESTED,
    /** Answered with prices, a validity and terms; waiting for the customer's decision. */
    QUOTED,
    /** The customer accepted it in time; its purchase is recorded. */
    ACCEPTED,
    /** The customer declined it. */
    REJECTED,
    /** Its validity passed without a decision. */
    EXPIRED;

    /** @return whether nothing can change the quote any more */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED || this == EXPIRED;
    }
}
