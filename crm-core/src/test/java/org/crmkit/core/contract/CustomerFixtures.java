package org.crmkit.core.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;

/** Builds customers for tests: every one unique in email and phone unless told otherwise. */
public final class CustomerFixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123456Z");

    private String first = "Ada";
    private String last = "Lovelace";
    private String email;
    private String phone;
    private PostalAddress address = new PostalAddress("1 Main Street", null, "8001", "Zürich", null, "CH");
    private PersonalDetails personal = new PersonalDetails(LocalDate.of(1990, 12, 10), Gender.FEMALE);
    private String externalReference;
    private Instant registeredAt = T0;
    private boolean consent = true;
    private CustomerId id;

    private CustomerFixtures() {
        int n = SEQUENCE.incrementAndGet();
        long unique = System.nanoTime() % 1_000_000L * 1000 + n % 1000;
        email = "cust" + unique + "@example.org";
        phone = "+4179" + String.format("%07d", unique % 10_000_000L);
    }

    /** @return a builder of a valid customer */
    public static CustomerFixtures aCustomer() {
        return new CustomerFixtures();
    }

    /** @param f first name @param l last name @return this */
    public CustomerFixtures named(String f, String l) {
        this.first = f;
        this.last = l;
        return this;
    }

    /** @param e email @return this */
    public CustomerFixtures email(String e) {
        this.email = e;
        return this;
    }

    /** @param p phone or null @return this */
    public CustomerFixtures phone(String p) {
        this.phone = p;
        return this;
    }

    /** @param a address or null @return this */
    public CustomerFixtures address(PostalAddress a) {
        this.address = a;
        return this;
    }

    /** @param r external reference @return this */
    public CustomerFixtures externalReference(String r) {
        this.externalReference = r;
        return this;
    }

    /** @param at registration time @return this */
    public CustomerFixtures registeredAt(Instant at) {
        this.registeredAt = at;
        return this;
    }

    /** @param customer the id (default: a new one) @return this */
    public CustomerFixtures id(CustomerId customer) {
        this.id = customer;
        return this;
    }

    /** @return the new customer, version 0, with its registration event pulled */
    public Customer build() {
        Customer customer = Customer.register(id != null ? id : CustomerId.next(java.time.Clock.systemUTC()),
                new ContactDetails(new PersonName(first, last), EmailAddress.of(email),
                        phone == null ? null : PhoneNumber.parse(phone), address),
                personal, CustomerSource.WEB, externalReference, consent, registeredAt);
        customer.pullEvents();
        return customer;
    }
}
