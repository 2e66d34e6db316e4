package org.crmkit.core.loyalty.port.in;

import org.crmkit.core.shared.Page;

/**
 * A loyalty statement.
 *
 * @param account          balance, lifetime earned and redeemed, last redemption, tier
 * @param nextTier         the next higher tier, or {@code null} at the top
 * @param pointsToNextTier points still to earn in the window to reach it (0 at the top)
 * @param entries          a page of ledger entries, newest first in posting order, so that each one's balance after
 *                         it is the next one's plus its points
 */
public record LoyaltyStatement(LoyaltyAccountView account, String nextTier, long pointsToNextTier,
                               Page<LedgerEntryView> entries) {
}
