package org.crmkit.core.loyalty;

import java.util.List;

/**
 * A loyalty account as a port hands it out under a write lock: its row and its open lots (those with points left),
 * oldest first, which is all the area needs to change it.
 *
 * @param snapshot the account's row
 * @param openLots its lots with points left
 */
public record LockedLoyaltyAccount(LoyaltyAccountSnapshot snapshot, List<PointsLot> openLots) {
    /** Copies the lots. */
    public LockedLoyaltyAccount {
        openLots = List.copyOf(openLots);
    }
}
