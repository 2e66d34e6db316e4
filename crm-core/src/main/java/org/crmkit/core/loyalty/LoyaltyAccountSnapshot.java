package org.crmkit.core.loyalty;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;

/**
 * A loyalty account's own row, without its lots and entries.
 *
 * @param customer         whose account (one per customer)
 * @param version          the stored version
 * @param openedAt         when it was opened
 * @param balance          points available, 0 or more; the sum of the ledger and of the open lots
 * @param lifetimeEarned   points earned ever, net of claw-backs
 * @param lifetimeRedeemed points redeemed ever
 * @param lastRedemptionAt the last redemption, or {@code null}
 * @param shortfall        points a claw-back could not take, which future earnings pay off first; 0 or more
 * @param tier             the tier's name
 * @param earnedInWindow   points earned in the tier window when the tier was last evaluated
 * @param tierEvaluatedAt  when the tier was last evaluated
 * @param lastPosition     the position of the ledger's latest entry (0 for an empty ledger): the next entry posted
 *                         takes the one after it
 */
public record LoyaltyAccountSnapshot(CustomerId customer, long version, Instant openedAt, long balance,
                                  long lifetimeEarned, long lifetimeRedeemed, Instant lastRedemptionAt,
                                  long shortfall, String tier, long earnedInWindow, Instant tierEvaluatedAt,
                                  long lastPosition) {
    /** Checks the position. */
    public LoyaltyAccountSnapshot {
        if (lastPosition < 0) {
            throw new IllegalArgumentException("an account's last position is 0 or more, not " + lastPosition);
        }
    }

    /** @param next the new version @return this snapshot at that version */
    public LoyaltyAccountSnapshot withVersion(long next) {
        return new LoyaltyAccountSnapshot(customer, next, openedAt, balance, lifetimeEarned, lifetimeRedeemed,
                lastRedemptionAt, shortfall, tier, earnedInWindow, tierEvaluatedAt, lastPosition);
    }
}
