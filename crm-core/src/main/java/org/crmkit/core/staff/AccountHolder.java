package org.crmkit.core.staff;

import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * Whose credentials an account holds: a staff user or a customer (self-service).
 *
 * @param kind the kind of holder
 * @param id   the staff user's or customer's id
 */
public record AccountHolder(Kind kind, UUID id) {
    /** Checks presence. */
    public AccountHolder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The kinds of account holder. */
    public enum Kind {
        /** A staff user. */
        STAFF,
        /** A customer acting for themself. */
        CUSTOMER
    }

    /** @param staff the staff user @return their holder */
    public static AccountHolder of(StaffId staff) {
        return new AccountHolder(Kind.STAFF, staff.value());
    }

    /** @param customer the customer @return their holder */
    public static AccountHolder of(CustomerId customer) {
        return new AccountHolder(Kind.CUSTOMER, customer.value());
    }
}
