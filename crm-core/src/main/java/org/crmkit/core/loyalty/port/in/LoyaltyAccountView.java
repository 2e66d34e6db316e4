package org.crmkit.core.loyalty.port.in;

import java.time.Instant;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.shared.CustomerId;

/**
 * A loyalty account as a caller sees it.
 *
 * @param customerId       whose account
 * @param version          the stored version (0 and {@code openedAt} null when no account is open yet)
 * @param openedAt         when it was opened, or {@code null}
 * @param balance          points available
 * @param lifetimeEarned   points earned ever, net of claw-backs
 * @param lifetimeRedeemed points redeemed ever
 * @param lastRedemptionAt the last redemption, or {@code null}
 * @param shortfall        points returns could not take back, which future earnings pay off first
 * @param tier             the tier's name
 * @param earnedInWindow   points earned in the tier window when the tier was last evaluated
 * @param tierEvaluatedAt  when the tier was last evaluated, or {@code null}
 */
public record LoyaltyAccountView(CustomerId customerId, long version, Instant openedAt, long balance,
                                 long lifetimeEarned, long lifetimeRedeemed, Instant lastRedemptionAt,
                                 long shortfall, String tier, long earnedInWindow, Instant tierEvaluatedAt) {

    /** @param s a stored account @return its view */
    public static LoyaltyAccountView of(LoyaltyAccountSnapshot s) {
        return new LoyaltyAccountView(s.customer(), s.version(), s.openedAt(), s.balance(), s.lifetimeEarned(),
                s.lifetimeRedeemed(), s.lastRedemptionAt(), s.shortfall(), s.tier(), s.earnedInWindow(),
                s.tierEvaluatedAt());
    }

    /** @return whether the account has been opened */
    public boolean isOpen() {
        return openedAt != null;
    }
}
