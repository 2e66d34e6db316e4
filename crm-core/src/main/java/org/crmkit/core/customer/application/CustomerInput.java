package org.crmkit.core.customer.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.customer.domain.ContactDetails;
import org.crmkit.core.customer.domain.Gender;
import org.crmkit.core.customer.domain.PersonalDetails;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;

/**
 * Turns the raw fields of a command into value objects, collecting every refusal into one
 * {@link InvalidCommandException} so that the host learns all bad fields at once.
 */
record CustomerInput(ContactDetails contact, PersonalDetails personal) {

    /**
     * Runs the command's constraint check and the conversion, so that a command with both kinds of bad field (a
     * blank name and a malformed email, say) names all of them at once; a field a constraint already refused is
     * listed once. A missing actor or command is reported alone.
     */
    static CustomerInput checked(Runnable validation, Supplier<CustomerInput> conversion) {
        try {
            validation.run();
        } catch (InvalidCommandException invalid) {
            if (invalid.fields().contains("actor") || invalid.fields().contains("command")) {
                throw invalid;
            }
            List<FieldError> errors = new ArrayList<>(invalid.errors());
            try {
                conversion.get();
            } catch (InvalidCommandException more) {
                more.errors().stream().filter(e -> !invalid.fields().contains(e.field())).forEach(errors::add);
            }
            throw new InvalidCommandException(errors);
        }
        return conversion.get();
    }

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

    private static <T> T attempt(List<FieldError> errors, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.reason()));
            return null;
        }
    }
}
