package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;

/**
 * Points earned (or granted) together, which expire together. Redemptions take from the lots that expire first; a lot
 * whose remainder reaches 0 is closed.
 *
 * @param id        the lot
 * @param customer  whose
 * @param entryId   the ledger entry that opened it
 * @param earnedAt  when its points were earned
 * @param expiresAt when what remains of it expires
 * @param points    the points it opened with, above 0
 * @param remaining what is left, 0 to {@code points}
 */
public record PointsLot(UUID id, CustomerId customer, UUID entryId, Instant earnedAt, Instant expiresAt, long points,
                        long remaining) {
    /** Checks the remainder. */
    public PointsLot {
        if (points <= 0 || remaining < 0 || remaining > points) {
            throw new IllegalStateException("lot " + id + " must hold 0 to " + points + " points, not " + remaining);
        }
    }

    /** @param taken points taken from it @return the lot with that much less */
    public PointsLot take(long taken) {
        return new PointsLot(id, customer, entryId, earnedAt, expiresAt, points, remaining - taken);
    }

    /** @return whether points remain */
    public boolean isOpen() {
        return remaining > 0;
    }
}
