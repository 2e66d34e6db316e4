package org.crmkit.core.customer.application;

import static org.crmkit.core.shared.UseCaseSupport.attempt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.domain.ContactDetails;
import org.crmkit.core.customer.domain.Gender;
import org.crmkit.core.customer.domain.PersonalDetails;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.UseCaseSupport;

/**
 * Turns the raw fields of a command into value objects, collecting every refusal into one
 * {@link InvalidCommandException} so that the host learns all bad fields at once (with the constraint violations,
 * through {@link UseCaseSupport#validate(org.crmkit.core.shared.Actor, Object, java.util.function.Supplier)}).
 */
record CustomerInput(ContactDetails contact, PersonalDetails personal) {

    static CustomerInput of(String firstName, String lastName, String email, String phone, AddressData address,
                            LocalDate dateOfBirth, Gender gender, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        PersonName name = attempt(errors, () -> new PersonName(firstName, lastName));
        EmailAddress mail = attempt(errors, () -> EmailAddress.of(email));
        PhoneNumber number = phone == null || phone.isBlank() ? null : attempt(errors, () -> PhoneNumber.parse(phone));
        PostalAddress postal = address == null ? null : attempt(errors, () -> new PostalAddress(address.line1(),
                address.line2(), address.postalCode(), address.city(), address.region(), address.countryCode()));
        if (dateOfBirth != null && dateOfBirth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            errors.add(new FieldError("dateOfBirth", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CustomerInput(new ContactDetails(name, mail, number, postal),
                new PersonalDetails(dateOfBirth, gender));
    }
}
