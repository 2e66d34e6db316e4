package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.CustomerId;

/**
 * @param customerId whose points
 * @param points     the change: above 0 adds, below 0 removes; never 0; at most 10^12 either way
 * @param reason     why, 1 to 500 characters
 */
public record AdjustPointsCommand(@NotNull CustomerId customerId,
                                  @Min(-1_000_000_000_000L) @Max(1_000_000_000_000L) long points,
                                  @NotBlank @Size(max = 500) String reason) {

    /** @return whether the change is not 0 (reported on {@code points}) */
    @AssertTrue(message = "must not be 0")
    public boolean isPoints() {
        return points != 0;
    }
}
