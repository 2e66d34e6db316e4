package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PostalAddress;

/** Builds an {@link UpdateContactDetailsCommand} the way a host's edit form does: start from what was read. */
final class ContactUpdate {
    private CustomerId customerId;
    private Long expectedVersion;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private AddressData address;
    private LocalDate dateOfBirth;
    private Gender gender;

    private ContactUpdate() {
    }

    /** @param view the customer as read @return a form holding every current value and the version read */
    static ContactUpdate of(CustomerView view) {
        ContactUpdate form = new ContactUpdate();
        form.customerId = view.id();
        form.expectedVersion = view.version();
        form.firstName = view.firstName();
        form.lastName = view.lastName();
        form.email = view.email();
        form.phone = view.phone();
        PostalAddress a = view.address();
        form.address = a == null ? null
                : new AddressData(a.line1(), a.line2(), a.postalCode(), a.city(), a.region(), a.countryCode());
        form.dateOfBirth = view.dateOfBirth();
        form.gender = view.gender();
        return form;
    }

    ContactUpdate customerId(CustomerId value) {
        this.customerId = value;
        return this;
    }

    ContactUpdate expectedVersion(Long value) {
        this.expectedVersion = value;
        return this;
    }

    ContactUpdate named(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    ContactUpdate email(String value) {
        this.email = value;
        return this;
    }

    ContactUpdate phone(String value) {
        this.phone = value;
        return this;
    }

    ContactUpdate address(AddressData value) {
        this.address = value;
        return this;
    }

    ContactUpdate bornOn(LocalDate value) {
        this.dateOfBirth = value;
        return this;
    }

    UpdateContactDetailsCommand command() {
        // names every detail, as a form sends back all it shows: a full replacement
        return new UpdateContactDetailsCommand(customerId, expectedVersion, firstName, lastName, email,
                Optional.ofNullable(phone), Optional.ofNullable(address), Optional.ofNullable(dateOfBirth),
                Optional.ofNullable(gender));
    }
}
