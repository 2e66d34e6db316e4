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
 */
public record LoyaltyAccountSnapshot(CustomerId customer, long version, Instant openedAt, long balance,
                                  long lifetimeEarned, long lifetimeRedeemed, Instant lastRedemptionAt,
                                  long shortfall, String tier, long earnedInWindow, Instant tierEvaluatedAt) {

    /** @param next the new version @return this snapshot at that version */
    public LoyaltyAccountSnapshot withVersion(long next) {
        return new LoyaltyAccountSnapshot(customer, next, openedAt, balance, lifetimeEarned, lifetimeRedeemed,
                lastRedemptionAt, shortfall, tier, earnedInWindow, tierEvaluatedAt);
    }
}
