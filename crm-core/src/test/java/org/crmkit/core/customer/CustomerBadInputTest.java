package org.crmkit.core.customer;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.crmkit.core.customer.Registration.aRegistration;
import static org.crmkit.core.customer.Registration.address;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad commands on the customer use cases: each is refused with the documented exception naming the field, and
 * leaves the store, the audit trail and the event stream exactly as they were. The one exception is a refusal by
 * the access policy, which is audited as {@link AuditOutcome#DENIED} by design (and changes nothing else).
 */
class CustomerBadInputTest {
    private static final Actor SYSTEM = Actor.system("bad-input-test");
    private static final Actor CRM_MANAGER = Actor.staff(
            new StaffId(UUID.fromString("01890000-0000-7000-8000-000000000001")), Set.of(Role.CRM_MANAGER));
    private static final Actor PRODUCT_MANAGER = Actor.staff(
            new StaffId(UUID.fromString("01890000-0000-7000-8000-000000000002")), Set.of(Role.PRODUCT_MANAGER));
    private static final CustomerId UNKNOWN = new CustomerId(UUID.fromString("01890000-0000-7000-8000-0000000000ff"));

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Customers customers;
    private CustomerView ada;
    private CustomerView bob;
    private CustomerView inactive;
    private CustomerId erased;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-01T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        TestStaff.enrol(crm, CRM_MANAGER);
        TestStaff.enrol(crm, PRODUCT_MANAGER);
        customers = crm.customers();
        ada = register(aRegistration().named("Ada", "Lovelace").email("ada@example.org").phone("+41 44 668 18 00")
                .address(address("8001", "Zürich", "CH")).externalReference("host-1"));
        bob = register(aRegistration().named("Bob", "Babbage").email("bob@example.org"));
        CustomerView carol = register(aRegistration().named("Carol", "Carter").email("carol@example.org"));
        inactive = customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(carol.id(), null));
        CustomerView dave = register(aRegistration().named("Dave", "Dijkstra").email("dave@example.org"));
        customers.erase(CRM_MANAGER, dave.id());
        erased = dave.id();
        clock.advance(Duration.ofMinutes(1));
    }

    // ---- register: fields -------------------------------------------------------------------------------------

    @Test
    void aBlankFirstNameIsRefusedNamingFirstName() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().named("   ", "Lovelace").command()));
        assertThat(e.fields()).containsExactly("firstName");
        assertThat(e.errors()).as("one error per bad field").hasSize(1);
        assertThat(e.code()).isEqualTo("invalid_command");
    }

    @Test
    void aLastNameOf300CharactersIsRefusedNamingLastName() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().named("Ada", "L".repeat(300)).command()));
        assertThat(e.fields()).containsExactly("lastName");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"plainaddress", "ada@", "@example.org", "ada@example", "ada@@example.org",
            "ada lovelace@example.org", ".ada@example.org", "ada..lovelace@example.org", "ada.@example.org",
            "ada@exam_ple.org", "ada@-example.org", "ada@example.o", "ada@example.org.", "ädä@example.org",
            "ada@123.456"})
    void anInvalidEmailIsRefusedNamingEmail(String email) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().email(email).command()));
        assertThat(e.fields()).containsExactly("email");
    }

    @Test
    void anEmailWithALocalPartOf65CharactersIsRefused() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().email("a".repeat(65) + "@example.org").command()));
        assertThat(e.fields()).containsExactly("email");
    }

    @Test
    void lettersInAPhoneNumberAreRefusedNamingPhone() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().phone("+41 44 CALL ME").command()));
        assertThat(e.fields()).containsExactly("phone");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"044 668 18 00", "446681800", "+0 44 668 18 00", "41+446681800", "+41 44", "+1234567890123456"})
    void aPhoneNumberWithoutAValidCountryCodeOrLengthIsRefusedNamingPhone(String phone) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().phone(phone).command()));
        assertThat(e.fields()).containsExactly("phone");
    }

    @Test
    void aBirthDateInTheFutureOfTheInjectedClockIsRefused() {
        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().bornOn(tomorrow).command()));
        assertThat(e.fields()).containsExactly("dateOfBirth");
    }

    /**
     * Guards a fixed bug, where a date of birth before the storable years (LocalDate.MIN) was accepted in memory and
     * refused by MySQL's DATE column as a persistence_failure; now it is refused by name on every adapter.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-999999999-01-01", "0001-01-01", "0999-12-31"})
    void aBirthDateBeforeTheYear1000IsRefusedNamingDateOfBirth(String date) {
        LocalDate birth = LocalDate.parse(date);
        InvalidCommandException registered = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().bornOn(birth).command()));
        assertThat(registered.fields()).containsExactly("dateOfBirth");
        InvalidCommandException updated = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).bornOn(birth).command()));
        assertThat(updated.fields()).containsExactly("dateOfBirth");
    }

    @Test
    void aBirthDateOnTheFirstDayOfTheYear1000IsAccepted() {
        LocalDate first = LocalDate.of(1000, 1, 1);
        assertThat(customers.register(CRM_MANAGER, aRegistration().email("old@example.org").bornOn(first).command())
                .dateOfBirth()).isEqualTo(first);
    }

    @Test
    void anUnknownCountryCodeIsRefusedNamingTheAddressCountry() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().address(address("8001", "Zürich", "XX")).command()));
        assertThat(e.fields()).containsExactly("address.countryCode");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"CHE", "che", "C", "C1", ""})
    void aCountryCodeThatIsNotTwoLettersIsRefusedNamingTheAddressCountry(String country) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().address(address("8001", "Zürich", country)).command()));
        assertThat(e.fields()).containsExactly("address.countryCode");
    }

    @Test
    void anAddressWithoutCityIsRefusedNamingTheNestedField() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().address(address("8001", " ", "CH")).command()));
        assertThat(e.fields()).containsExactly("address.city");
    }

    @Test
    void everyBadFieldOfOneCommandIsListedAtOnce() {
        RegisterCustomerCommand command = aRegistration().named(" ", "Lovelace").email("not-an-email")
                .phone("044 668 18 00").address(address("8001", "Zürich", "XX")).source(null).command();
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, command));
        assertThat(e.fields()).containsExactly("address.countryCode", "email", "firstName", "phone", "source");
    }

    @Test
    void everyBadFieldOfAnUpdateIsListedAtOnce() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).named("Ada", "")
                        .email("ada@example").address(address("8001", "Zürich", "XX")).command()));
        assertThat(e.fields()).containsExactly("address.countryCode", "email", "lastName");
    }

    @Test
    void aNullCommandIsRefusedNamingTheCommand() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(CRM_MANAGER, null));
        assertThat(e.fields()).containsExactly("command");
    }

    @Test
    void aNullActorIsRefusedNamingTheActor() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(null, aRegistration().command()));
        assertThat(e.fields()).containsExactly("actor");
    }

    @Test
    void aNullCustomerIdIsRefusedNamingTheId() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.findById(CRM_MANAGER, null));
        assertThat(e.fields()).containsExactly("customerId");
    }

    @Test
    void manyReferencesMustBeOneToAThousandEachNotBlankAndAtMost100Characters() {
        List<String> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= org.crmkit.core.customer.port.in.Customers.MOST_REFERENCES; i++) {
            tooMany.add("ref-" + i);
        }
        for (List<String> references : java.util.Arrays.asList(null, List.<String>of(), tooMany)) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class,
                    () -> customers.findByExternalReferences(CRM_MANAGER, references)).fields())
                    .containsExactly("externalReferences");
        }
        for (String bad : java.util.Arrays.asList(null, " ", "r".repeat(101))) {
            List<String> references = java.util.Arrays.asList("ref-1", bad);
            assertThat(refusedWithoutEffect(InvalidCommandException.class,
                    () -> customers.findByExternalReferences(CRM_MANAGER, references)).fields())
                    .singleElement().asString().startsWith("externalReferences");
        }
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.findByExternalReferences(null, List.of("ref-1"))).fields()).containsExactly("actor");
    }

    // ---- register: uniqueness ---------------------------------------------------------------------------------

    @Test
    void aTakenEmailInAnotherCaseAndWithSpacesIsAConflictNamingTheHolderForStaff() {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().email("  ADA@Example.ORG ").command()));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("email");
        assertThat(e.existingId()).contains(ada.id().toString());
    }

    /**
     * A sales representative sees only the customers they manage: a duplicate held by someone else's customer says
     * the email is taken but not by whom (the id was an existence oracle for records the caller may not view); one
     * held by their own customer names it.
     */
    @Test
    void aTakenEmailNamesTheHolderOnlyToACallerWhoMayViewIt() {
        Actor rep = Actor.staff(new StaffId(UUID.fromString("01890000-0000-7000-8000-000000000003")),
                Set.of(Role.SALES_REP));
        TestStaff.enrol(crm, rep);

        ConflictException hidden = refusedWithoutEffect(ConflictException.class,
                () -> customers.register(rep, aRegistration().email("ada@example.org").command()));
        assertThat(hidden.field()).isEqualTo("email");
        assertThat(hidden.existingId()).isEmpty();
        assertThat(hidden.getMessage()).doesNotContain(ada.id().toString());

        CustomerView own = customers.register(rep, aRegistration().email("own@example.org").phone(null).command());
        ConflictException named = refusedWithoutEffect(ConflictException.class,
                () -> customers.register(rep, aRegistration().email("own@example.org").phone(null).command()));
        assertThat(named.existingId()).contains(own.id().toString());
    }

    @Test
    void anAnonymousVisitorIsRefusedBeforeAnyLookupSoATakenEmailTellsThemNothing() {
        AccessDeniedException taken = deniedAndAuditedOnce(
                () -> customers.register(Actor.anonymous(), aRegistration().email("Ada@example.org ").command()));
        AccessDeniedException free = deniedAndAuditedOnce(
                () -> customers.register(Actor.anonymous(), aRegistration().email("nobody@example.org").command()));
        assertThat(taken.getMessage()).isEqualTo(free.getMessage()).doesNotContain(ada.id().toString());
    }

    @Test
    void aTakenPhoneInAnotherSpellingIsAConflictNamingPhone() {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> customers.register(CRM_MANAGER, aRegistration().phone("0041446681800").command()));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("phone");
        assertThat(e.existingId()).contains(ada.id().toString());
    }

    @Test
    void aTakenExternalReferenceIsAConflictNamingIt() {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> customers.register(SYSTEM, aRegistration().externalReference(" host-1 ").command()));
        assertThat(e.field()).isEqualTo("externalReference");
        assertThat(e.existingId()).contains(ada.id().toString());
    }

    @Test
    void changingOnesEmailToATakenOneTellsTheCustomerNothingAndChangesNothing() {
        CustomerView answer = customers.updateContactDetails(Actor.customer(bob.id()),
                ContactUpdate.of(bob).email("ADA@example.org").command());
        assertThat(answer).as("answered as for a free email: the token went to the address").isEqualTo(bob);
        assertThat(customers.findById(CRM_MANAGER, ada.id()).orElseThrow().email()).isEqualTo("ada@example.org");
    }

    // ---- update and state changes -----------------------------------------------------------------------------

    @Test
    void anUnknownCustomerIsNotFound() {
        NotFoundException e = refusedWithoutEffect(NotFoundException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).customerId(UNKNOWN).command()));
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("customer");
        assertThat(e.id()).isEqualTo(UNKNOWN.toString());
    }

    @Test
    void deactivatingOrErasingAnUnknownCustomerIsNotFound() {
        assertThat(refusedWithoutEffect(NotFoundException.class,
                () -> customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(UNKNOWN, null))).id())
                .isEqualTo(UNKNOWN.toString());
        assertThat(refusedWithoutEffect(NotFoundException.class,
                () -> customers.erase(CRM_MANAGER, UNKNOWN)).id()).isEqualTo(UNKNOWN.toString());
        assertThat(refusedWithoutEffect(NotFoundException.class,
                () -> customers.exportPersonalData(CRM_MANAGER, UNKNOWN)).id()).isEqualTo(UNKNOWN.toString());
    }

    @Test
    void aStaleExpectedVersionIsAConflictOnTheVersion() {
        CustomerView tagged = customers.addTag(CRM_MANAGER, new CustomerTagCommand(ada.id(), "vip", 0L));
        assertThat(tagged.version()).isEqualTo(1);
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).named("Augusta", "King").command()));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void aStaleExpectedVersionOnAStatusChangeIsAConflict() {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(ada.id(), 7L)));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void aNegativeExpectedVersionIsRefusedNamingIt() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(ada.id(), -1L)));
        assertThat(e.fields()).containsExactly("expectedVersion");
        InvalidCommandException onUpdate = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).expectedVersion(-1L).command()));
        assertThat(onUpdate.fields()).containsExactly("expectedVersion");
    }

    @Test
    void anUpdateWithoutTheVersionReadIsRefused() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).expectedVersion(null).command()));
        assertThat(e.fields()).containsExactly("expectedVersion");
    }

    @Test
    void anUpdateWithABadEmailIsRefusedNamingEmail() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).email("ada@").command()));
        assertThat(e.fields()).containsExactly("email");
    }

    @Test
    void aTagWithSpacesAndPunctuationIsRefusedNamingTag() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.addTag(CRM_MANAGER, new CustomerTagCommand(ada.id(), "no spaces allowed!", null)));
        assertThat(e.fields()).containsExactly("tag");
        assertThat(e.code()).isEqualTo("invalid_command");
    }

    /**
     * Guards a fixed bug, where a tag command was checked in two rounds: the constraints first, and the tag's own
     * rule only once they passed, so a host fixing the version learnt of the bad tag on the second call.
     */
    @Test
    void aBadTagAndABadVersionAreNamedTogether() {
        for (boolean add : new boolean[] {true, false}) {
            CustomerTagCommand command = new CustomerTagCommand(ada.id(), "no spaces allowed!", -1L);
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                    () -> {
                        if (add) {
                            customers.addTag(CRM_MANAGER, command);
                        } else {
                            customers.removeTag(CRM_MANAGER, command);
                        }
                    });
            assertThat(e.fields()).as(add ? "addTag" : "removeTag").containsExactly("expectedVersion", "tag");
        }
    }

    /**
     * Guards a fixed bug, where a visitor's registration that named an external reference was refused for it only once
     * every other field was right.
     */
    @Test
    void aVisitorsExternalReferenceIsNamedWithTheOtherBadFields() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(Actor.anonymous(), aRegistration().email("not-an-email")
                        .externalReference("host-9").command()));
        assertThat(e.fields()).containsExactly("email", "externalReference");
    }

    @Test
    void aTagLongerThan50CharactersIsRefusedNamingTag() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.addTag(CRM_MANAGER, new CustomerTagCommand(ada.id(), "t".repeat(51), null)));
        assertThat(e.fields()).containsExactly("tag");
    }

    @Test
    void deactivatingAnInactiveCustomerBreaksARule() {
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(inactive.id(), null)));
        assertThat(e.code()).isEqualTo("customer_not_active");
    }

    @Test
    void reactivatingAnActiveCustomerBreaksARule() {
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> customers.reactivate(CRM_MANAGER, new CustomerStatusCommand(ada.id(), null)));
        assertThat(e.code()).isEqualTo("customer_not_inactive");
    }

    @Test
    void changingAnErasedCustomerBreaksARule() {
        CustomerView erasedView = customers.findById(CRM_MANAGER, erased).orElseThrow();
        List<ThrowingCallable> changes = List.of(
                () -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).customerId(erased)
                        .expectedVersion(erasedView.version()).email("dave.new@example.org").phone(null).command()),
                () -> customers.addTag(CRM_MANAGER, new CustomerTagCommand(erased, "vip", null)),
                () -> customers.reactivate(CRM_MANAGER, new CustomerStatusCommand(erased, null)),
                () -> customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(erased, null)),
                () -> customers.changeMarketingConsent(CRM_MANAGER, new MarketingConsentCommand(erased, true, null)),
                () -> customers.assignAccountManager(CRM_MANAGER,
                        new AssignAccountManagerCommand(erased, StaffId.next(clock), null)),
                () -> customers.erase(CRM_MANAGER, erased));
        for (ThrowingCallable change : changes) {
            assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, change).code())
                    .isEqualTo("customer_erased");
        }
    }

    // ---- search -----------------------------------------------------------------------------------------------

    @Test
    void aPageSizeOfZeroIsRefusedNamingThePageSize() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.search(CRM_MANAGER, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 0)));
        assertThat(e.fields()).containsExactly("page.size");
    }

    @Test
    void aPageSizeOf10000IsRefusedNamingThePageSize() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.search(CRM_MANAGER, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10_000)));
        assertThat(e.fields()).containsExactly("page.size");
    }

    @Test
    void aSearchWithoutSortOrPageIsRefusedNamingBoth() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.search(CRM_MANAGER,
                        new CustomerSearchQuery(null, null, null, null, null, null, null, null, null)));
        assertThat(e.fields()).containsExactly("page", "sort");
    }

    @Test
    void aSearchForAThreeLetterCountryIsRefusedNamingIt() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.search(CRM_MANAGER, new CustomerSearchQuery(null, null, null, "CHE", null, null, null,
                        CustomerSort.NAME_ASC, PageRequest.first(10))));
        assertThat(e.fields()).containsExactly("countryCode");
    }

    @Test
    void aTamperedCursorIsRefusedNamingTheCursor() {
        CustomerSearchQuery query = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 1);
        String cursor = firstCursor(query);
        int middle = cursor.length() / 2;
        String tampered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                + cursor.substring(middle + 1);
        assertThat(customers.search(CRM_MANAGER, query.withPage(query.page().next(cursor))).items())
                .as("the cursor as issued works").isNotEmpty();
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, query.withPage(query.page().next(tampered))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void aCursorThatIsNoCursorAtAllIsRefused() {
        CustomerSearchQuery query = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 1);
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, query.withPage(query.page().next("not a cursor!"))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void aCursorOfAnotherSortOrderIsRefused() {
        CustomerSearchQuery nameQuery = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 1);
        String byName = firstCursor(nameQuery);
        assertThat(customers.search(CRM_MANAGER, nameQuery.withPage(nameQuery.page().next(byName))).items())
                .as("the cursor works in its own query").isNotEmpty();
        CustomerSearchQuery byRegistration = CustomerSearchQuery.all(CustomerSort.REGISTERED_ASC, 1);
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, byRegistration.withPage(byRegistration.page().next(byName))));
        assertThat(e.field()).isEqualTo("page.cursor");
        CustomerSearchQuery descending = CustomerSearchQuery.all(CustomerSort.NAME_DESC, 1);
        assertThat(refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, descending.withPage(descending.page().next(byName)))).field())
                .isEqualTo("page.cursor");
    }

    @Test
    void aCursorOfAQueryWithAnotherFilterIsRefused() {
        CustomerSearchQuery activeOnly = new CustomerSearchQuery(null, CustomerStatus.ACTIVE, null, null, null, null,
                null, CustomerSort.NAME_ASC, PageRequest.first(1));
        String cursor = firstCursor(activeOnly);
        assertThat(customers.search(CRM_MANAGER, activeOnly.withPage(activeOnly.page().next(cursor))).items())
                .as("the cursor works in its own query").isNotEmpty();
        CustomerSearchQuery everyone = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 1);
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, everyone.withPage(everyone.page().next(cursor))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void registeredFromAfterRegisteredBeforeIsRefusedNamingRegisteredFrom() {
        Instant now = clock.instant();
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, new CustomerSearchQuery(null, null, null, null, null,
                        now, now.minusSeconds(3600), CustomerSort.NAME_ASC, PageRequest.first(10))));
        assertThat(e.field()).isEqualTo("registeredFrom");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "0999-12-31T23:59:59Z"})
    void aTimeBoundOutsideTheStorableYearsIsRefusedNamingIt(String bound) {
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> customers.search(CRM_MANAGER, new CustomerSearchQuery(null, null, null, null, null,
                        Instant.parse(bound), null, CustomerSort.NAME_ASC, PageRequest.first(10))));
        assertThat(e.field()).isEqualTo("registeredFrom");
    }

    @Test
    void changingAnErasedCustomerIsRefusedAsErasedEvenWithAnotherCustomersEmail() {
        CustomerView current = customers.findById(CRM_MANAGER, erased).orElseThrow();
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> customers.updateContactDetails(CRM_MANAGER, UpdateContactDetailsCommand.of(erased,
                        current.version()).firstName("Dave").lastName("Dijkstra").email("ada@example.org").build()));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    @Test
    void aSelfRegistrationMayNotClaimTheHostsExternalReference() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> customers.register(Actor.anonymous(), aRegistration().email("visitor@example.org")
                        .externalReference("host-2").command()));
        assertThat(e.fields()).containsExactly("externalReference");
    }

    // ---- access -----------------------------------------------------------------------------------------------

    @Test
    void aCustomerUpdatingAnotherCustomerIsDeniedAndOnlyTheRefusalIsAudited() {
        Actor bobHimself = Actor.customer(bob.id());
        AccessDeniedException e = deniedAndAuditedOnce(
                () -> customers.updateContactDetails(bobHimself, ContactUpdate.of(ada).email("bob.was.here@example.org").command()));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_UPDATE_CONTACT);
        assertThat(e.targetId()).isEqualTo(ada.id().value());
        AuditEntry last = lastEntryAbout(ada.id());
        assertThat(last.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(last.action()).isEqualTo("customer.update_contact");
        assertThat(last.actorType()).isEqualTo(ActorType.CUSTOMER);
        assertThat(last.actorRef()).isEqualTo(bob.id().toString());
    }

    @Test
    void aCustomerViewingAnotherCustomerIsDenied() {
        AccessDeniedException e = deniedAndAuditedOnce(() -> customers.findById(Actor.customer(bob.id()), ada.id()));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_VIEW);
        assertThat(lastEntryAbout(ada.id()).outcome()).isEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void aProductManagerRegisteringACustomerIsDenied() {
        AccessDeniedException e = deniedAndAuditedOnce(
                () -> customers.register(PRODUCT_MANAGER, aRegistration().email("new@example.org").command()));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_REGISTER);
        assertThat(e.code()).isEqualTo("access_denied");
        assertThat(e.targetId()).isNull();
    }

    @Test
    void aCustomerRegisteringSomeoneElseIsDenied() {
        AccessDeniedException e = deniedAndAuditedOnce(
                () -> customers.register(Actor.customer(bob.id()), aRegistration().command()));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_REGISTER);
    }

    @Test
    void anAnonymousVisitorSearchingIsDenied() {
        AccessDeniedException e = deniedAndAuditedOnce(
                () -> customers.search(Actor.anonymous(), CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10)));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_SEARCH);
    }

    @Test
    void aSupportAgentErasingACustomerIsDenied() {
        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        AccessDeniedException e = deniedAndAuditedOnce(() -> customers.erase(agent, ada.id()));
        assertThat(e.permission()).isEqualTo(CustomerPermission.CUSTOMER_ERASE);
        AuditEntry last = lastEntryAbout(ada.id());
        assertThat(last.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(last.action()).isEqualTo("customer.erase");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private CustomerView register(Registration registration) {
        clock.advance(Duration.ofSeconds(1));
        return customers.register(CRM_MANAGER, registration.command());
    }

    private String firstCursor(CustomerSearchQuery query) {
        Page<CustomerView> page = customers.search(CRM_MANAGER, query);
        assertThat(page.nextCursor()).as("the first page has a successor").isPresent();
        return page.nextCursor().orElseThrow();
    }

    /** Runs a call that must fail with {@code type} and checks that it changed, audited and published nothing. */
    private <T extends CrmException> T refusedWithoutEffect(Class<T> type, ThrowingCallable call) {
        List<CustomerView> before = everyCustomer();
        long audited = auditCount();
        publisher.clear();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        assertThat(everyCustomer()).as("stored customers").isEqualTo(before);
        assertThat(auditCount()).as("audit entries").isEqualTo(audited);
        assertThat(publisher.events()).as("published events").isEmpty();
        return type.cast(thrown);
    }

    /** Runs a call the policy must refuse: exactly one audit entry more, and no other change. */
    private AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        List<CustomerView> before = everyCustomer();
        long audited = auditCount();
        publisher.clear();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AccessDeniedException.class);
        assertThat(everyCustomer()).as("stored customers").isEqualTo(before);
        assertThat(auditCount()).as("audit entries").isEqualTo(audited + 1);
        assertThat(publisher.events()).as("published events").isEmpty();
        return (AccessDeniedException) thrown;
    }

    private List<CustomerView> everyCustomer() {
        CustomerSearchQuery query = CustomerSearchQuery.all(CustomerSort.REGISTERED_ASC, PageRequest.MAX_SIZE);
        List<CustomerView> all = new ArrayList<>();
        Page<CustomerView> page = customers.search(SYSTEM, query);
        all.addAll(page.items());
        while (page.hasNext()) {
            query = query.withPage(query.page().next(page.nextCursor().orElseThrow()));
            page = customers.search(SYSTEM, query);
            all.addAll(page.items());
        }
        return all;
    }

    private long auditCount() {
        return store.auditLog().count();
    }

    private AuditEntry lastEntryAbout(CustomerId id) {
        List<AuditEntry> entries = store.unitOfWork()
                .inTransaction(() -> store.auditLog().findByTarget("customer", id.value()));
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
