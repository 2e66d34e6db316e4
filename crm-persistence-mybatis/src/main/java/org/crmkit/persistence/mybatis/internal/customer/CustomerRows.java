package org.crmkit.persistence.mybatis.internal.customer;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.MarketingConsent;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.StaffId;

/** The explicit mapping between a customer snapshot and its rows; no reflection on domain objects. */
final class CustomerRows {
    private CustomerRows() {
    }

    static CustomerRow toRow(CustomerSnapshot s) {
        ContactDetails c = s.contact();
        PostalAddress a = c == null ? null : c.address();
        return new CustomerRow(s.id().value(), s.version(),
                c == null ? null : c.name().first(),
                c == null ? null : c.name().last(),
                s.nameKey(),
                c == null ? null : PersonName.fold(c.name().first()),
                c == null ? null : c.email().value(),
                c == null || c.phone() == null ? null : c.phone().value(),
                a == null ? null : a.line1(), a == null ? null : a.line2(), a == null ? null : a.postalCode(),
                a == null ? null : a.city(), a == null ? null : a.region(), a == null ? null : a.countryCode(),
                s.personal().dateOfBirth(), s.personal().gender() == null ? null : s.personal().gender().name(),
                s.registeredAt(), s.status().name(), s.consent().given(), s.consent().changedAt(),
                s.accountManager() == null ? null : s.accountManager().value(), s.source().name(),
                s.externalReference(), s.erasedAt());
    }

    static List<TagRow> toTagRows(CustomerSnapshot s) {
        return s.tags().stream().map(t -> new TagRow(s.id().value(), t.value())).toList();
    }

    static CustomerSnapshot toSnapshot(CustomerRow r, List<TagRow> tags) {
        ContactDetails contact = r.email() == null ? null : new ContactDetails(
                new PersonName(r.firstName(), r.lastName()), new EmailAddress(r.email()),
                r.phone() == null ? null : new PhoneNumber(r.phone()),
                r.addressLine1() == null ? null : new PostalAddress(r.addressLine1(), r.addressLine2(),
                        r.postalCode(), r.city(), r.region(), r.countryCode()));
        Set<Tag> tagSet = tags.stream().map(t -> new Tag(t.tag())).collect(Collectors.toSet());
        return new CustomerSnapshot(new CustomerId(r.id()), r.version(), contact,
                new PersonalDetails(r.dateOfBirth(), r.gender() == null ? null : Gender.valueOf(r.gender())),
                r.registeredAt(), CustomerStatus.valueOf(r.status()),
                r.consentChangedAt() == null && !r.consentGiven() ? MarketingConsent.NEVER_GIVEN
                        : new MarketingConsent(r.consentGiven(), r.consentChangedAt()),
                tagSet, r.accountManagerId() == null ? null : new StaffId(r.accountManagerId()),
                CustomerSource.valueOf(r.source()), r.externalRef(), r.erasedAt());
    }

    static List<UUID> ids(List<CustomerRow> rows) {
        return rows.stream().map(CustomerRow::id).toList();
    }
}
