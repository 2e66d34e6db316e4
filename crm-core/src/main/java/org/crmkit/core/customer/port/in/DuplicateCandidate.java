package org.crmkit.core.customer.port.in;

import java.util.Set;

/**
 * Another customer that may be the same person.
 *
 * @param customer the other customer
 * @param reasons  every reason that matched
 */
public record DuplicateCandidate(CustomerView customer, Set<DuplicateReason> reasons) {
    /** Copies the reasons. */
    public DuplicateCandidate {
        reasons = Set.copyOf(reasons);
    }
}
