package org.crmkit.core.customer.internal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.NameChange;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Turns the raw fields of a command into value objects, collecting every refusal into one
 * {@link InvalidCommandException} so that the host learns all bad fields at once (with the constraint violations,
 * through {@link UseCaseSupport#validate(org.crmkit.core.shared.Actor, Object, java.util.function.Function)}).
 */
record CustomerInput(ContactDetails contact, PersonalDetails personal) {

    static CustomerInput of(String firstName, String lastName, String email, String phone, AddressData address,
                            LocalDate dateOfBirth, Gender gender, Instant now) {
        FieldChecks checks = new FieldChecks();
        PersonName name = checks.attempt(() -> new PersonName(firstName, lastName));
        EmailAddress mail = checks.attempt(() -> EmailAddress.of(email));
        PhoneNumber number = phone == null || phone.isBlank() ? null : checks.attempt(() -> PhoneNumber.parse(phone));
        PostalAddress postal = address == null ? null : checks.attempt(() -> new PostalAddress(address.line1(),
                address.line2(), address.postalCode(), address.city(), address.region(), address.countryCode()));
        checkDateOfBirth(checks, dateOfBirth, now);
        checks.throwIfAny();
        return new CustomerInput(new ContactDetails(name, mail, number, postal),
                new PersonalDetails(dateOfBirth, gender));
    }

    /**
     * A date of birth is stored as a {@code DATE}: it must lie within the storable years (from 1000 on, which MySQL
     * guarantees; it refuses {@code LocalDate.MIN}) and not after today, the clock's day in UTC.
     */
    private static void checkDateOfBirth(FieldChecks checks, LocalDate dateOfBirth, Instant now) {
        if (dateOfBirth == null) {
            return;
        }
        if (dateOfBirth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            checks.refuse("dateOfBirth", "must not be in the future");
        } else {
            checks.attempt(() -> StoredTime.date("dateOfBirth", dateOfBirth));
        }
    }

    /**
     * The details a partial update names, each converted and checked on its own; {@code null} keeps a detail, an
     * empty optional removes it.
     */
    record Change(NameChange name, EmailAddress email, Optional<PhoneNumber> phone, Optional<PostalAddress> address,
                  Optional<LocalDate> dateOfBirth, Optional<Gender> gender) {

        static Change of(UpdateContactDetailsCommand command, Instant now, FieldChecks checks) {
            NameChange name = checks.attempt(() -> NameChange.of(command.firstName(), command.lastName()));
            EmailAddress mail = command.email() == null ? null : checks.attempt(() -> EmailAddress.of(command.email()));
            Optional<PhoneNumber> phone = command.phone() == null ? null : command.phone()
                    .filter(p -> !p.isBlank()).map(p -> checks.attempt(() -> PhoneNumber.parse(p)));
            Optional<PostalAddress> address = command.address() == null ? null : command.address()
                    .map(a -> checks.attempt(() -> new PostalAddress(a.line1(), a.line2(), a.postalCode(), a.city(),
                            a.region(), a.countryCode())));
            if (command.dateOfBirth() != null) {
                command.dateOfBirth().ifPresent(d -> checkDateOfBirth(checks, d, now));
            }
            return new Change(name, mail, phone, address, command.dateOfBirth(), command.gender());
        }

        ContactDetails applyTo(ContactDetails current) {
            return new ContactDetails(name.applyTo(current.name()), email == null ? current.email() : email,
                    phone == null ? current.phone() : phone.orElse(null),
                    address == null ? current.address() : address.orElse(null));
        }

        PersonalDetails applyTo(PersonalDetails current) {
            return new PersonalDetails(dateOfBirth == null ? current.dateOfBirth() : dateOfBirth.orElse(null),
                    gender == null ? current.gender() : gender.orElse(null));
        }
    }
}
