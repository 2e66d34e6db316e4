package org.crmkit.core.lead;

/**
 * Where a lead stands in the pipeline. Open stages move forward one at a time ({@code NEW -> CONTACTED -> QUALIFIED});
 * a referral may skip from {@code NEW} straight to {@code QUALIFIED}; any open stage may end in {@code LOST} (with a
 * reason); only a conversion into a customer makes a qualified lead {@code WON}. A sales manager may reopen a closed
 * lead; it returns to the stage it was closed from.
 */
public enum LeadStage {
    /** Just arrived, nobody has spoken to them yet. */
    NEW,
    /** A first contact was made. */
    CONTACTED,
    /** A real opportunity: budget, need and timing are confirmed. */
    QUALIFIED,
    /** Converted into a customer. Closed. */
    WON,
    /** Given up, with a reason. Closed. */
    LOST;

    /** @return whether the lead is closed (won or lost) */
    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
