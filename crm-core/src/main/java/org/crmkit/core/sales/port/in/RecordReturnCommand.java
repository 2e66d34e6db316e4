package org.crmkit.core.sales.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.crmkit.core.shared.PurchaseId;

/**
 * Returns quantities of some lines of a purchase.
 *
 * @param purchaseId      the purchase
 * @param lines           the lines and quantities, each line once
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record RecordReturnCommand(@NotNull PurchaseId purchaseId,
                                  @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
                                  @PositiveOrZero Long expectedVersion) {

    /**
     * @param lineNumber the purchase line
     * @param quantity   how many are returned, 1 or more
     */
    public record Line(int lineNumber, int quantity) {
    }
}
