package org.crmkit.core.sales.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.crmkit.core.sales.PurchaseId;

/**
 * Returns quantities of some lines of a purchase.
 *
 * @param purchaseId      the purchase
 * @param lines           the lines and quantities, each line once
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 * @param reference       optional, 1 to 100 characters, unique among returns: recording a return again under its
 *                        reference with the same lines returns the purchase as it is instead of returning twice;
 *                        with other lines it is a conflict
 */
public record RecordReturnCommand(@NotNull PurchaseId purchaseId,
                                  @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
                                  @PositiveOrZero Long expectedVersion,
                                  @Size(min = 1, max = 100) String reference) {

    /**
     * A return without a reference.
     *
     * @param purchaseId      the purchase
     * @param lines           the lines and quantities
     * @param expectedVersion optional expected version
     */
    public RecordReturnCommand(PurchaseId purchaseId, List<Line> lines, Long expectedVersion) {
        this(purchaseId, lines, expectedVersion, null);
    }

    /**
     * @param lineNumber the purchase line
     * @param quantity   how many are returned, 1 or more
     */
    public record Line(int lineNumber, int quantity) {
    }
}
