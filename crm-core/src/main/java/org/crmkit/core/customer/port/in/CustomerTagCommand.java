package org.crmkit.core.customer.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.CustomerId;

/**
 * Adds or removes one tag.
 *
 * @param customerId      the customer
 * @param tag             the tag, 1 to 50 letters, digits, '-', '_' or '.'
 * @param expectedVersion optional version check
 */
public record CustomerTagCommand(@NotNull CustomerId customerId, @NotBlank @Size(max = 50) String tag,
                                 @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param customerId the customer
     * @param tag        the tag, 1 to 50 letters, digits, '-', '_' or '.'
     */
    public CustomerTagCommand(CustomerId customerId, String tag) {
        this(customerId, tag, null);
    }
}
