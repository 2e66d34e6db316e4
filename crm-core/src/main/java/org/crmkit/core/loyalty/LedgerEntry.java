package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;

/**
 * One append-only entry of a loyalty ledger. The balance is the sum of every entry's {@code points}; an entry is never
 * changed or deleted once written, but for a redemption's note, which the customer's erasure blanks. Entries are
 * numbered in the order they were posted to their account ({@code position}), so that in that order each one's
 * {@code balanceAfter} is the one before it plus its {@code points}, however its {@code occurredAt} lies.
 *
 * @param id              the entry
 * @param customer        whose ledger
 * @param position        where it was posted in its ledger: 1 for the account's first entry, then one more for each
 *                        entry appended (under the account's lock, so unique per ledger)
 * @param kind            what it records
 * @param points          the change of the balance (negative for redemptions, expiries, claw-backs and downward
 *                        adjustments)
 * @param shortfallChange the change of the shortfall: up when a claw-back could not take all it should, down when an
 *                        earning paid it off
 * @param earned          what it adds to the points earned (the tier's measure): the gross points of an earning,
 *                        minus what a claw-back took back, 0 for the other kinds
 * @param balanceAfter    the balance right after it was posted (after the entries of lower positions)
 * @param occurredAt      when it took effect (a purchase's time for an earning), which may be earlier than entries
 *                        posted before it (a back-dated purchase)
 * @param reference       the purchase, return, lot or idempotency key it belongs to ({@code null} for adjustments);
 *                        unique per ledger and kind
 * @param description     the reason of an adjustment, the note of a redemption, or what was expired or returned
 * @param lines           for an earning, what each purchase line earned and why; empty otherwise
 * @param earnedAt        when {@code earned} counts for tiers and rankings: the purchase's time for an earning and
 *                        for the claw-back of its points (so a return takes the points out of the window they were
 *                        earned in), {@code null} for the other kinds
 */
public record LedgerEntry(UUID id, CustomerId customer, long position, EntryKind kind, long points, long shortfallChange,
                          long earned, long balanceAfter, Instant occurredAt, String reference, String description,
                          List<EarnedLine> lines, Instant earnedAt) {
    /** Checks the parts are present and the position is 1 or more, and copies the lines. */
    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        if (position < 1) {
            throw new IllegalArgumentException("an entry's position is 1 or more, not " + position);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = List.copyOf(lines);
    }
}
