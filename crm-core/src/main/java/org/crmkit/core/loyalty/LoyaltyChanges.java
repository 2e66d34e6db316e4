package org.crmkit.core.loyalty;

import java.util.List;

/**
 * What one change of a loyalty account stores: its row (carrying the version it was read at), the ledger entries to
 * append, the lots to insert and the lots whose remainder changed. The ledger is append-only, so a port writes
 * exactly these instead of the whole account.
 *
 * @param snapshot    the account's row
 * @param entries     ledger entries to append
 * @param newLots     lots to insert
 * @param changedLots lots whose remainder to update
 */
public record LoyaltyChanges(LoyaltyAccountSnapshot snapshot, List<LedgerEntry> entries, List<PointsLot> newLots,
                             List<PointsLot> changedLots) {
    /** Copies the lists. */
    public LoyaltyChanges {
        entries = List.copyOf(entries);
        newLots = List.copyOf(newLots);
        changedLots = List.copyOf(changedLots);
    }
}
