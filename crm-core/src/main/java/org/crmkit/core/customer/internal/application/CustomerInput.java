package org.crmkit.core.customer.internal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.crmkit.core.customer.domain.ContactDetails;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.domain.PersonalDetails;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.internal.FieldChecks;
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
        if (dateOfBirth != null && dateOfBirth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            checks.refuse("dateOfBirth", "must not be in the future");
        }
        checks.throwIfAny();
        return new CustomerInput(new ContactDetails(name, mail, number, postal),
                new PersonalDetails(dateOfBirth, gender));
    }
}
