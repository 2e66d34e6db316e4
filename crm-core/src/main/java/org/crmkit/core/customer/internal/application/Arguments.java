package org.crmkit.core.customer.internal.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.shared.CustomerId;

/** The arguments of use cases that take no command record, as records Jakarta Validation can check. */
final class Arguments {
    private Arguments() {
    }

    /** @param customerId the customer asked for */
    record CustomerIdQuery(@NotNull CustomerId customerId) {
    }

    /** @param externalReference the reference asked for */
    record ReferenceQuery(@NotBlank @Size(max = 100) String externalReference) {
    }

    /** @param externalReferences the references asked for */
    record ReferencesQuery(@NotNull @Size(min = 1, max = Customers.MOST_REFERENCES)
                           List<@NotBlank @Size(max = 100) String> externalReferences) {
    }

    /** @param token a contact verification's token, as delivered */
    record TokenArgument(@NotBlank @Size(max = 200) String token) {
        @Override
        public String toString() {
            return "TokenArgument[withheld]";
        }
    }
}
