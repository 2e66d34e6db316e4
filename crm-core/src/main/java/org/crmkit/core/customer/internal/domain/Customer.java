package org.crmkit.core.customer.internal.domain;

import org.crmkit.core.customer.CustomerError;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.MarketingConsent;
import org.crmkit.core.customer.PersonalDetails;
import org.crmkit.core.customer.CustomerEvents;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.CustomerEvents.AccountManagerAssigned;
import org.crmkit.core.customer.CustomerEvents.CustomerContactChanged;
import org.crmkit.core.customer.CustomerEvents.CustomerErased;
import org.crmkit.core.customer.CustomerEvents.CustomerRegistered;
import org.crmkit.core.customer.CustomerEvents.CustomerStatusChanged;
import org.crmkit.core.customer.CustomerEvents.CustomerTagsChanged;
import org.crmkit.core.customer.CustomerEvents.MarketingConsentChanged;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.StaffId;

/**
 * A customer: a person the host does business with.
 *
 * <p>Life cycle: {@link #register registered} as {@link CustomerStatus#ACTIVE}; {@link #deactivate deactivated} to
 * {@link CustomerStatus#INACTIVE} and {@link #reactivate reactivated}; {@link #erase erased} to
 * {@link CustomerStatus#ERASED}, which replaces every personal field irreversibly, keeps the id, and is final: an
 * erased customer accepts no further change. The version counts stored changes (optimistic locking).
 */
public final class Customer extends AggregateRoot {
    /** Most tags one customer may carry. */
    public static final int MAX_TAGS = 50;
    private static final String TYPE = "customer";

    private final CustomerId id;
    private ContactDetails contact;
    private PersonalDetails personal;
    private final Instant registeredAt;
    private CustomerStatus status;
    private MarketingConsent consent;
    private final Set<Tag> tags;
    private StaffId accountManager;
    private final CustomerSource source;
    private String externalReference;
    private Instant erasedAt;

    private Customer(CustomerSnapshot s) {
        super(TYPE, s.version());
        this.id = Objects.requireNonNull(s.id(), "id");
        this.contact = s.contact();
        this.personal = s.personal() == null ? PersonalDetails.NONE : s.personal();
        this.registeredAt = Objects.requireNonNull(s.registeredAt(), "registeredAt");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.consent = s.consent() == null ? MarketingConsent.NEVER_GIVEN : s.consent();
        this.tags = new LinkedHashSet<>(s.tags());
        this.accountManager = s.accountManager();
        this.source = Objects.requireNonNull(s.source(), "source");
        this.externalReference = s.externalReference();
        this.erasedAt = s.erasedAt();
    }

    /**
     * Registers a new, active customer.
     *
     * @param id                the new id
     * @param contact           contact details
     * @param personal          personal details; the birth date may not lie in the future
     * @param source            how the customer came
     * @param externalReference the host's own id, at most 100 characters, or {@code null}
     * @param marketingConsent  whether consent to marketing is given at registration
     * @param now               the current time
     * @return the customer, with a {@link CustomerRegistered} event
     * @throws InvalidValueException for a birth date in the future or a too long reference
     */
    public static Customer register(CustomerId id, ContactDetails contact, PersonalDetails personal,
                                    CustomerSource source, String externalReference, boolean marketingConsent,
                                    Instant now) {
        checkPersonal(personal, now);
        Customer customer = new Customer(new CustomerSnapshot(id, 0, Objects.requireNonNull(contact, "contact"),
                personal, now, CustomerStatus.ACTIVE,
                marketingConsent ? new MarketingConsent(true, now) : MarketingConsent.NEVER_GIVEN, Set.of(), null,
                source, normalizeReference(externalReference), null));
        customer.record(new CustomerRegistered(id, now));
        return customer;
    }

    /** @param snapshot a stored state @return the customer in that state, without events */
    public static Customer restore(CustomerSnapshot snapshot) {
        return new Customer(snapshot);
    }

    /** @return the complete current state */
    public CustomerSnapshot snapshot() {
        return new CustomerSnapshot(id, version(), contact, personal, registeredAt, status, consent, tags,
                accountManager, source, externalReference, erasedAt);
    }

    @Override
    protected Object identity() {
        return id;
    }

    /**
     * @param newContact the new contact details and address
     * @param newPersonal the new personal details
     * @param now        the current time
     */
    public void changeContactDetails(ContactDetails newContact, PersonalDetails newPersonal, Instant now) {
        requireNotErased();
        checkPersonal(newPersonal, now);
        this.contact = Objects.requireNonNull(newContact, "contact");
        this.personal = newPersonal;
        record(new CustomerContactChanged(id, now));
    }

    /** @param now the current time @throws BusinessRuleViolationException unless active */
    public void deactivate(Instant now) {
        requireNotErased();
        if (status != CustomerStatus.ACTIVE) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_NOT_ACTIVE, "customer " + id + " is not active");
        }
        status = CustomerStatus.INACTIVE;
        record(new CustomerStatusChanged(id, status, now));
    }

    /** @param now the current time @throws BusinessRuleViolationException unless inactive */
    public void reactivate(Instant now) {
        requireNotErased();
        if (status != CustomerStatus.INACTIVE) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_NOT_INACTIVE, "customer " + id + " is not inactive");
        }
        status = CustomerStatus.ACTIVE;
        record(new CustomerStatusChanged(id, status, now));
    }

    /** @param manager the staff user who manages this account @param now the current time */
    public void assignAccountManager(StaffId manager, Instant now) {
        requireNotErased();
        this.accountManager = Objects.requireNonNull(manager, "manager");
        record(new AccountManagerAssigned(id, manager, now));
    }

    /**
     * @param tag the tag to add; adding one already present changes nothing
     * @param now the current time
     * @throws BusinessRuleViolationException beyond {@value #MAX_TAGS} tags
     */
    public void addTag(Tag tag, Instant now) {
        requireNotErased();
        if (tags.contains(tag)) {
            return;
        }
        if (tags.size() >= MAX_TAGS) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_TOO_MANY_TAGS,
                    "customer " + id + " already has " + MAX_TAGS + " tags");
        }
        tags.add(tag);
        record(new CustomerTagsChanged(id, now));
    }

    /** @param tag the tag to remove; removing an absent one changes nothing @param now the current time */
    public void removeTag(Tag tag, Instant now) {
        requireNotErased();
        if (tags.remove(tag)) {
            record(new CustomerTagsChanged(id, now));
        }
    }

    /**
     * @param given whether consent is given from now on
     * @param now   the current time, kept as the time of the change
     */
    public void changeMarketingConsent(boolean given, Instant now) {
        requireNotErased();
        if (consent.given() == given && consent.changedAt() != null) {
            return;
        }
        consent = new MarketingConsent(given, now);
        record(new MarketingConsentChanged(id, given, now));
    }

    /**
     * Replaces every personal field irreversibly and marks the customer erased. The id, registration time and
     * source stay so that purchases and totals that refer to the id survive without personal data.
     *
     * @param now the current time
     * @throws BusinessRuleViolationException when already erased
     */
    public void erase(Instant now) {
        requireNotErased();
        contact = null;
        personal = PersonalDetails.NONE;
        consent = MarketingConsent.NEVER_GIVEN;
        tags.clear();
        accountManager = null;
        externalReference = null;
        status = CustomerStatus.ERASED;
        erasedAt = now;
        record(new CustomerErased(id, now));
    }

    private void requireNotErased() {
        if (status == CustomerStatus.ERASED) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_ERASED, "customer " + id + " is erased");
        }
    }

    private static void checkPersonal(PersonalDetails personal, Instant now) {
        Objects.requireNonNull(personal, "personal");
        LocalDate birth = personal.dateOfBirth();
        if (birth != null && birth.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new InvalidValueException("dateOfBirth", "must not be in the future");
        }
    }

    private static String normalizeReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String trimmed = reference.strip();
        if (trimmed.length() > 100) {
            throw new InvalidValueException("externalReference", "must be at most 100 characters");
        }
        return trimmed;
    }

    /** @return the id */
    public CustomerId id() {
        return id;
    }

    /** @return the life-cycle state */
    public CustomerStatus status() {
        return status;
    }

    /** @return contact details; empty once erased */
    public Optional<ContactDetails> contact() {
        return Optional.ofNullable(contact);
    }
}
