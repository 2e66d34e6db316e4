package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;

/** Builds valid {@link RegisterCustomerCommand}s; each gets its own email unless told otherwise, and no phone. */
final class Registration {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private String firstName = "Ada";
    private String lastName = "Lovelace";
    private String email = "customer" + SEQUENCE.incrementAndGet() + "@example.org";
    private String phone;
    private AddressData address;
    private LocalDate dateOfBirth;
    private Gender gender;
    private CustomerSource source = CustomerSource.WEB;
    private String externalReference;
    private boolean marketingConsent;

    private Registration() {
    }

    static Registration aRegistration() {
        return new Registration();
    }

    static AddressData address(String postalCode, String city, String countryCode) {
        return new AddressData("1 Main Street", null, postalCode, city, null, countryCode);
    }

    Registration named(String first, String last) {
        this.firstName = first;
        this.lastName = last;
        return this;
    }

    Registration email(String value) {
        this.email = value;
        return this;
    }

    Registration phone(String value) {
        this.phone = value;
        return this;
    }

    Registration address(AddressData value) {
        this.address = value;
        return this;
    }

    Registration bornOn(LocalDate value) {
        this.dateOfBirth = value;
        return this;
    }

    Registration gender(Gender value) {
        this.gender = value;
        return this;
    }

    Registration source(CustomerSource value) {
        this.source = value;
        return this;
    }

    Registration externalReference(String value) {
        this.externalReference = value;
        return this;
    }

    Registration marketingConsent(boolean value) {
        this.marketingConsent = value;
        return this;
    }

    RegisterCustomerCommand command() {
        return new RegisterCustomerCommand(firstName, lastName, email, phone, address, dateOfBirth, gender, source,
                externalReference, marketingConsent);
    }
}
