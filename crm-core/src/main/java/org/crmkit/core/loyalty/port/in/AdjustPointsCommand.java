package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;

/**
 * @param customerId whose points
 * @param points     the change: above 0 adds, below 0 removes; never 0; at most 10^12 either way
 * @param reason     why, 1 to 500 characters once stripped as it is stored; the ledger is append-only and keeps it
 *                   after the customer's erasure, so it must not hold personal data
 * @param idempotencyKey the caller's key for this adjustment, 1 to 64 visible ASCII characters, unique per account,
 *                   or {@code null}; with a key, a retry (after {@code outcome_unknown}, say) returns the adjustment
 *                   the first call stored instead of adjusting twice
 */
public record AdjustPointsCommand(@NotNull CustomerId customerId,
                                  @Min(-1_000_000_000_000L) @Max(1_000_000_000_000L) long points,
                                  @NotBlank String reason,
                                  @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                          message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * An adjustment without a key: a retry after {@code outcome_unknown} may adjust twice.
     *
     * @param customerId whose points
     * @param points     the change, not 0
     * @param reason     why
     */
    public AdjustPointsCommand(CustomerId customerId, long points, String reason) {
        this(customerId, points, reason, null);
    }

    /** @return whether the change is not 0 (reported on {@code points}) */
    @AssertTrue(message = "must not be 0")
    public boolean isPoints() {
        return points != 0;
    }

    /** @return whether the reason, stripped as it is stored, has at most 500 characters (reported on {@code reason}) */
    @AssertTrue(message = "size must be between 0 and 500")
    public boolean isReason() {
        return reason == null || reason.strip().length() <= 500;
    }
}
