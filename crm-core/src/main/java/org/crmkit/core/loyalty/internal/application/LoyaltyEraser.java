package org.crmkit.core.loyalty.internal.application;

import java.time.Instant;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.PersonalDataEraser;

/**
 * The loyalty area's part in a customer's erasure, inside its transaction: the notes of their redemptions (what they
 * spent the points on, often in their own words) are blanked. The account and every entry stay, points, balances and
 * references included, so the ledger still adds up and a retried redemption still finds its key. Adjustments keep
 * their reasons (staff's words about the adjustment, documented as no place for personal data), and earnings,
 * claw-backs and expiries hold only what crmkit wrote.
 */
final class LoyaltyEraser implements PersonalDataEraser {
    private final LoyaltyStore accounts;

    LoyaltyEraser(LoyaltyStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        accounts.eraseRedemptionNotes(customer);
    }
}
