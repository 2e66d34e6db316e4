package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.crmkit.core.shared.CustomerId;

/**
 * @param customerId     whose points
 * @param points         how many, 1 to 10^12
 * @param idempotencyKey the caller's key for this redemption, 1 to 64 visible ASCII characters, unique per account
 * @param note           optional, up to 500 characters once stripped as it is stored (what the points were spent
 *                       on); the customer's erasure blanks it, the rest of the entry stays
 */
public record RedeemPointsCommand(@NotNull CustomerId customerId,
                                  @Positive @Max(1_000_000_000_000L) long points,
                                  @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                          message = "must be 1 to 64 visible ASCII characters") String idempotencyKey,
                                  String note) {

    /**
     * A redemption without a note.
     *
     * @param customerId     whose points
     * @param points         how many, 1 to 10^12
     * @param idempotencyKey the caller's key for this redemption
     */
    public RedeemPointsCommand(CustomerId customerId, long points, String idempotencyKey) {
        this(customerId, points, idempotencyKey, null);
    }

    /** @return whether the note, stripped as it is stored, has at most 500 characters (reported on {@code note}) */
    @AssertTrue(message = "size must be between 0 and 500")
    public boolean isNote() {
        return note == null || note.strip().length() <= 500;
    }
}
