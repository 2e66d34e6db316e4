package org.crmkit.core.customer.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.Gender;

/**
 * Registers a customer.
 *
 * @param firstName         given name, 1 to 100 characters (code points: an emoji counts once; the annotation
 *                          only bounds the UTF-16 length)
 * @param lastName          family name, 1 to 100 characters
 * @param email             email address; compared ignoring case and surrounding spaces
 * @param phone             optional international phone number ({@code +} or {@code 00} and country code)
 * @param address           optional postal address
 * @param dateOfBirth       optional; from 1000-01-01 (the earliest date the storage holds) to today, the clock's
 *                          day in UTC
 * @param gender            optional
 * @param source            how the customer came; required
 * @param externalReference optional id of the host's own, unique when present
 * @param marketingConsent  whether consent to marketing is given now
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record RegisterCustomerCommand(
        @NotBlank @Size(max = 200) String firstName,
        @NotBlank @Size(max = 200) String lastName,
        @NotBlank @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*", message = "may hold only digits, spaces and + ( ) . - /") String phone,
        @Valid AddressData address,
        LocalDate dateOfBirth,
        Gender gender,
        @NotNull CustomerSource source,
        @Size(max = 100) String externalReference,
        boolean marketingConsent,
        @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                 message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} of a registration that was stored
     * creates no second customer but is refused ({@code duplicate} on {@code email}).
     *
     * @param firstName given name, 1 to 100 characters
     * @param lastName family name, 1 to 100 characters
     * @param email email address; compared ignoring case and surrounding spaces
     * @param phone optional international phone number ({@code +} or {@code 00} and country code)
     * @param address optional postal address
     * @param dateOfBirth optional
     * @param gender optional
     * @param source how the customer came; required
     * @param externalReference optional id of the host's own, unique when present
     * @param marketingConsent whether consent to marketing is given now
     */
    public RegisterCustomerCommand(String firstName, String lastName, String email, String phone, AddressData address,
                                   LocalDate dateOfBirth, Gender gender, CustomerSource source,
                                   String externalReference, boolean marketingConsent) {
        this(firstName, lastName, email, phone, address, dateOfBirth, gender, source, externalReference,
                marketingConsent, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public RegisterCustomerCommand withIdempotencyKey(String idempotencyKey) {
        return new RegisterCustomerCommand(firstName, lastName, email, phone, address, dateOfBirth, gender, source,
                externalReference, marketingConsent, idempotencyKey);
    }

    /**
     * A visitor's own sign-up on the web: name, email, optional phone and consent, source {@code WEB}.
     *
     * @param firstName        given name
     * @param lastName         family name
     * @param email            email address
     * @param phone            optional phone number
     * @param marketingConsent whether consent to marketing is given now
     * @return the command
     */
    public static RegisterCustomerCommand selfSignUp(String firstName, String lastName, String email, String phone,
                                                     boolean marketingConsent) {
        return new RegisterCustomerCommand(firstName, lastName, email, phone, null, null, null, CustomerSource.WEB,
                null, marketingConsent);
    }

    /**
     * A customer a bulk import brings in: source IMPORT, no marketing consent.
     *
     * @param firstName         given name
     * @param lastName          family name
     * @param email             email address
     * @param externalReference the host's id of the customer
     * @return the command
     */
    public static RegisterCustomerCommand imported(String firstName, String lastName, String email,
                                                   String externalReference) {
        return new RegisterCustomerCommand(firstName, lastName, email, null, null, null, null, CustomerSource.IMPORT,
                externalReference, false);
    }

    /**
     * A lead of the sales pipeline that becomes a customer: no address or personal details, no marketing consent;
     * the source follows the lead's ({@code WEB_FORM} becomes {@code WEB}, {@code REFERRAL} and {@code IMPORT} stay,
     * anything else becomes {@code OTHER}).
     *
     * @param firstName  given name
     * @param lastName   family name
     * @param email      email address
     * @param phone      phone number, or {@code null}
     * @param leadSource the name of the lead's source
     * @return the command
     */
    public static RegisterCustomerCommand fromLead(String firstName, String lastName, String email, String phone,
                                                   String leadSource) {
        CustomerSource source;
        switch (leadSource) {
            case "WEB_FORM":
                source = CustomerSource.WEB;
                break;
            case "REFERRAL":
                source = CustomerSource.REFERRAL;
                break;
            case "IMPORT":
                source = CustomerSource.IMPORT;
                break;
            default:
                source = CustomerSource.OTHER;
                break;
        }
        return new RegisterCustomerCommand(firstName, lastName, email, phone, null, null, null, source, null, false);
    }

    /**
     * Required: {@code firstName}, {@code lastName}, {@code email} and {@code source}; the use case names every missing
     * or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RegisterCustomerCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private AddressData address;
        private LocalDate dateOfBirth;
        private Gender gender;
        private CustomerSource source;
        private String externalReference;
        private boolean marketingConsent;

        private Builder() {
        }

        /**
         * @param firstName given name, 1 to 100 characters (code points: an emoji counts once; the annotation only
         *        bounds the UTF-16 length)
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** @param lastName family name, 1 to 100 characters @return this builder */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** @param email email address; compared ignoring case and surrounding spaces @return this builder */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * @param phone optional international phone number ({@code +} or {@code 00} and country code)
         * @return this builder
         */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** @param address optional postal address @return this builder */
        public Builder address(AddressData address) {
            this.address = address;
            return this;
        }

        /**
         * @param dateOfBirth optional; from 1000-01-01 to today, the clock's day in UTC
         * @return this builder
         */
        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            return this;
        }

        /** @param gender optional @return this builder */
        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        /** @param source how the customer came; required @return this builder */
        public Builder source(CustomerSource source) {
            this.source = source;
            return this;
        }

        /** @param externalReference optional id of the host's own, unique when present @return this builder */
        public Builder externalReference(String externalReference) {
            this.externalReference = externalReference;
            return this;
        }

        /** @param marketingConsent whether consent to marketing is given now @return this builder */
        public Builder marketingConsent(boolean marketingConsent) {
            this.marketingConsent = marketingConsent;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public RegisterCustomerCommand build() {
            return new RegisterCustomerCommand(firstName, lastName, email, phone, address, dateOfBirth, gender, source, externalReference, marketingConsent);
        }
    }
}
