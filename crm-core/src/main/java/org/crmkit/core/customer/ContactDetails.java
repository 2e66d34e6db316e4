package org.crmkit.core.customer;

import java.util.Objects;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;

/**
 * How to reach a customer.
 *
 * @param name    required
 * @param email   required; unique among customers that are not erased
 * @param phone   optional; unique among customers that are not erased
 * @param address optional
 */
public record ContactDetails(PersonName name, EmailAddress email, PhoneNumber phone, PostalAddress address) {
    /** Checks the required parts. */
    public ContactDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
