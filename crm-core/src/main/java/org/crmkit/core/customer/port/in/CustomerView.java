package org.crmkit.core.customer.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.customer.CustomerError;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.StaffId;

/**
 * A customer as hosts see it. Personal fields are {@code null} once the customer is erased.
 *
 * @param id                   the id
 * @param version              the version to send back with changes
 * @param firstName            given name
 * @param lastName             family name
 * @param email                normalized email
 * @param phone                E.164 phone, or {@code null}
 * @param address              postal address, or {@code null}
 * @param dateOfBirth          or {@code null}
 * @param gender               or {@code null}
 * @param registeredAt         registration time
 * @param status               life-cycle state
 * @param marketingConsent     whether consent is given
 * @param marketingConsentAt   when consent was last given or withdrawn, or {@code null}
 * @param tags                 tags, sorted
 * @param accountManager       or {@code null}
 * @param source               how the customer came
 * @param externalReference    the host's id, or {@code null}
 */
public record CustomerView(CustomerId id, long version, String firstName, String lastName, String email,
                           String phone, PostalAddress address, LocalDate dateOfBirth, Gender gender,
                           Instant registeredAt, CustomerStatus status, boolean marketingConsent,
                           Instant marketingConsentAt, List<String> tags, StaffId accountManager,
                           CustomerSource source, String externalReference) {

    /** @param s a snapshot @return its view */
    public static CustomerView of(CustomerSnapshot s) {
        ContactDetails c = s.contact();
        return new CustomerView(s.id(), s.version(),
                c == null ? null : c.name().first(), c == null ? null : c.name().last(),
                c == null ? null : c.email().value(), c == null || c.phone() == null ? null : c.phone().value(),
                c == null ? null : c.address(), s.personal().dateOfBirth(), s.personal().gender(),
                s.registeredAt(), s.status(), s.consent().given(), s.consent().changedAt(),
                s.tags().stream().map(Tag::value).sorted().toList(), s.accountManager(), s.source(),
                s.externalReference());
    }

    /** @return whether the customer was erased (only the id and non-personal facts remain) */
    public boolean isErased() {
        return status == CustomerStatus.ERASED;
    }

    /**
     * For other areas that act on a customer's behalf (a purchase, a redemption): refuses an erased customer.
     *
     * @return this view
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code customer_erased}
     */
    public CustomerView requireNotErased() {
        if (isErased()) {
            throw new org.crmkit.core.shared.BusinessRuleViolationException(CustomerError.CUSTOMER_ERASED,
                    "customer " + id + " was erased");
        }
        return this;
    }
}
