package org.crmkit.core.customer.port.out;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * What a repository search filters, how it orders, and where it resumes. All filters are optional.
 *
 * @param textPrefix       lower-cased prefix of first name, last name or email
 * @param status           state filter; when {@code null}, every state but {@code ERASED}
 * @param tag              normalized tag
 * @param countryCode      upper-case ISO country code of the address
 * @param accountManager   account manager filter
 * @param registeredFrom   inclusive lower bound of registration time
 * @param registeredBefore exclusive upper bound of registration time
 * @param sort             the order; ties broken by id in the same direction
 * @param after            resume strictly after this position, or {@code null} for the start
 */
public record CustomerSearchCriteria(String textPrefix, CustomerStatus status, String tag, String countryCode,
                                     StaffId accountManager, Instant registeredFrom, Instant registeredBefore,
                                     CustomerSort sort, SeekPosition after) {
    /** Checks the order. */
    public CustomerSearchCriteria {
        Objects.requireNonNull(sort, "sort");
    }

    /**
     * The sort key of the last customer of the previous page.
     *
     * @param nameKey      {@code PersonName.sortKey()} (for name orders; may be empty for erased customers)
     * @param registeredAt registration time (for registration orders)
     * @param id           the id, the tie breaker
     */
    public record SeekPosition(String nameKey, Instant registeredAt, CustomerId id) {
        /** Checks the id. */
        public SeekPosition {
            Objects.requireNonNull(id, "id");
        }
    }
}
