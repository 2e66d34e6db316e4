package org.crmkit.core.customer;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.crmkit.core.customer.Registration.aRegistration;
import static org.crmkit.core.customer.Registration.address;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.customer.CustomerEvents.AccountManagerAssigned;
import org.crmkit.core.customer.CustomerEvents.CustomerContactChanged;
import org.crmkit.core.customer.CustomerEvents.CustomerErased;
import org.crmkit.core.customer.CustomerEvents.CustomerRegistered;
import org.crmkit.core.customer.CustomerEvents.CustomerStatusChanged;
import org.crmkit.core.customer.CustomerEvents.CustomerTagsChanged;
import org.crmkit.core.customer.CustomerEvents.MarketingConsentChanged;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.DuplicateCandidate;
import org.crmkit.core.customer.port.in.DuplicateReason;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.PersonalDataExport.ActivityRecord;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer use cases as a host sees them, on the in-memory adapter with a hand-moved clock. */
class CustomerUseCasesTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final StaffId MANAGER_ID = new StaffId(UUID.fromString("01890000-0000-7000-8000-000000000001"));
    private static final Actor CRM_MANAGER = Actor.staff(MANAGER_ID, Set.of(Role.CRM_MANAGER));
    private static final Actor SALES_MANAGER = Actor.staff(
            new StaffId(UUID.fromString("01890000-0000-7000-8000-000000000002")), Set.of(Role.SALES_MANAGER));
    private static final Actor SYSTEM = Actor.system("use-case-test");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Customers customers;

    private List<ContactVerificationNotifier.Message> outbox;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        publisher = new RecordingPublisher();
        outbox = new ArrayList<>();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock)
                .eventPublisher(publisher).contactVerificationNotifier(outbox::add).build();
        TestStaff.enrol(crm, CRM_MANAGER);
        TestStaff.enrol(crm, SALES_MANAGER);
        publisher.watch(store.unitOfWork());
        customers = crm.customers();
    }

    // ---- register and view ------------------------------------------------------------------------------------

    @Test
    void aCustomerLooksUpOnlyTheirOwnReferenceAndLearnsNothingAboutOthers() {
        CustomerView holder = customers.register(SALES_MANAGER, aRegistration().externalReference("host-1").command());
        CustomerView other = customers.register(SALES_MANAGER, aRegistration().named("Otto", "Other")
                .email("otto@example.org").externalReference("host-2").command());
        Actor herself = Actor.customer(holder.id());

        assertThat(customers.findByExternalReference(herself, " host-1 ")).contains(holder);
        assertThat(customers.findByExternalReference(CRM_MANAGER, "host-2")).contains(other);
        assertThat(customers.findByExternalReference(CRM_MANAGER, "host-9")).isEmpty();
        Throwable someoneElses = org.assertj.core.api.Assertions.catchThrowable(
                () -> customers.findByExternalReference(herself, "host-2"));
        Throwable nobodys = org.assertj.core.api.Assertions.catchThrowable(
                () -> customers.findByExternalReference(herself, "host-9"));
        assertThat(someoneElses).isInstanceOf(org.crmkit.core.shared.AccessDeniedException.class)
                .hasMessage(nobodys.getMessage());
        assertThat(someoneElses.getMessage()).doesNotContain(other.id().toString());
    }

    @Test
    void manyReferencesAreLookedUpAtOnceByWhoMayViewEveryCustomerLeavingOutErasedAndUnknownOnes() {
        CustomerView one = customers.register(SALES_MANAGER, aRegistration().externalReference("host-1").command());
        CustomerView two = customers.register(SALES_MANAGER, aRegistration().named("Otto", "Other")
                .email("otto@example.org").externalReference("host-2").command());
        CustomerView gone = customers.register(SALES_MANAGER, aRegistration().named("Gina", "Gone")
                .email("gina@example.org").externalReference("host-3").command());
        customers.erase(CRM_MANAGER, gone.id());

        assertThat(customers.findByExternalReferences(CRM_MANAGER, List.of(" host-1 ", "host-2", "host-3", "host-9",
                "HOST-1"))).isEqualTo(java.util.Map.of("host-1", one, "host-2", two));
        for (Actor partial : List.of(Actor.customer(one.id()),
                TestStaff.enrol(crm, org.crmkit.core.shared.StaffId.next(clock), Role.SALES_REP))) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> customers.findByExternalReferences(
                    partial, List.of("host-1")))).as("only a grant on every customer covers many at once")
                    .isInstanceOf(org.crmkit.core.shared.AccessDeniedException.class);
        }
    }

    @Test
    void staffRegisterACustomerWithNormalizedDetailsAndTheTimeOfTheClock() {
        CustomerView view = customers.register(SALES_MANAGER, aRegistration().named("  Zoë 🦊 ", " Ångström ")
                .email("  Zoe.Angstrom@Example.ORG ").phone("+41 (44) 668-18-00")
                .address(new AddressData(" 1 Main Street ", null, " 8001 ", " Zürich ", null, "ch"))
                .bornOn(LocalDate.of(1990, 12, 10)).gender(Gender.FEMALE).source(CustomerSource.REFERRAL)
                .externalReference("  host-7 ").marketingConsent(true).command());

        assertThat(view.firstName()).isEqualTo("Zoë 🦊");
        assertThat(view.lastName()).isEqualTo("Ångström");
        assertThat(view.email()).isEqualTo("zoe.angstrom@example.org");
        assertThat(view.phone()).isEqualTo("+41446681800");
        assertThat(view.address()).isEqualTo(new PostalAddress("1 Main Street", null, "8001", "Zürich", null, "CH"));
        assertThat(view.dateOfBirth()).isEqualTo(LocalDate.of(1990, 12, 10));
        assertThat(view.gender()).isEqualTo(Gender.FEMALE);
        assertThat(view.source()).isEqualTo(CustomerSource.REFERRAL);
        assertThat(view.externalReference()).isEqualTo("host-7");
        assertThat(view.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(view.version()).isZero();
        assertThat(view.registeredAt()).isEqualTo(START);
        assertThat(view.marketingConsent()).isTrue();
        assertThat(view.marketingConsentAt()).isEqualTo(START);
        assertThat(view.tags()).isEmpty();
        assertThat(view.accountManager()).isNull();

        assertThat(customers.findById(SALES_MANAGER, view.id())).contains(view);
        assertThat(publisher.events()).containsExactly(new CustomerRegistered(view.id(), START));
        assertThat(auditOf(view.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("customer.register");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.actorType()).isEqualTo(ActorType.STAFF);
            assertThat(entry.actorRef()).isEqualTo(SALES_MANAGER.reference());
            assertThat(entry.at()).isEqualTo(START);
        });
    }

    @Test
    void aBirthDateOfTodayIsAccepted() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(customers.register(CRM_MANAGER, aRegistration().bornOn(today).command()).dateOfBirth())
                .isEqualTo(today);
    }

    @Test
    void anAnonymousVisitorMayNotRegisterWithoutProvingTheirEmailAndACustomerSeesOnlyTheirOwnRecord() {
        assertThatThrownBy(() -> customers.register(Actor.anonymous(), aRegistration().named("Vera", "Visitor")
                .email("vera@example.org").command())).isInstanceOf(AccessDeniedException.class);
        assertThat(customers.search(CRM_MANAGER, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10)).items())
                .as("nothing registered").isEmpty();

        CustomerView me = customers.register(CRM_MANAGER, aRegistration().named("Vera", "Visitor").command());
        CustomerView someoneElse = customers.register(CRM_MANAGER, aRegistration().command());
        Actor vera = Actor.customer(me.id());
        assertThat(customers.findById(vera, me.id())).contains(me);
        assertThatThrownBy(() -> customers.findById(vera, someoneElse.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnknownIdIsAnEmptyResultNotAnError() {
        assertThat(customers.findById(CRM_MANAGER, CustomerId.next(clock))).isEmpty();
    }

    // ---- changes ----------------------------------------------------------------------------------------------

    @Test
    void anUpdateNeedsTheVersionReadAndReturnsTheNewVersion() {
        CustomerView read = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .email("ada@example.org").command());
        clock.advance(Duration.ofHours(1));

        CustomerView first = customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(read)
                .named("Augusta Ada", "King").email("ADA.KING@example.org").phone("0044 20 7946 0958")
                .address(address("SW1A 1AA", "London", "GB")).command());

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.firstName()).isEqualTo("Augusta Ada");
        assertThat(first.lastName()).isEqualTo("King");
        assertThat(first.email()).isEqualTo("ada.king@example.org");
        assertThat(first.phone()).isEqualTo("+442079460958");
        assertThat(first.address().countryCode()).isEqualTo("GB");
        assertThat(first.registeredAt()).as("registration time stays").isEqualTo(START);
        assertThat(customers.findById(CRM_MANAGER, read.id())).contains(first);

        CustomerView second = customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(first).phone(null).command());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.phone()).isNull();

        assertThatThrownBy(() -> customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(first).command()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(publisher.events()).containsExactly(new CustomerRegistered(read.id(), START),
                new CustomerContactChanged(read.id(), START.plus(Duration.ofHours(1))),
                new CustomerContactChanged(read.id(), START.plus(Duration.ofHours(1))));
    }

    @Test
    void aPartialUpdateChangesWhatItNamesKeepsTheRestAndRemovesWhatItNamesAsNull() {
        CustomerView read = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .email("ada@example.org").phone("+41446681800").address(address("8001", "Zürich", "CH"))
                .command());

        CustomerView renamed = customers.updateContactDetails(CRM_MANAGER,
                UpdateContactDetailsCommand.of(read.id(), read.version()).lastName("King").build());
        assertThat(renamed.firstName()).isEqualTo("Ada");
        assertThat(renamed.lastName()).isEqualTo("King");
        assertThat(renamed.email()).isEqualTo("ada@example.org");
        assertThat(renamed.phone()).isEqualTo("+41446681800");
        assertThat(renamed.address()).isEqualTo(read.address());

        CustomerView withoutPhone = customers.updateContactDetails(CRM_MANAGER,
                UpdateContactDetailsCommand.of(renamed.id(), renamed.version()).phone(null)
                        .dateOfBirth(LocalDate.of(1815, 12, 10)).build());
        assertThat(withoutPhone.phone()).isNull();
        assertThat(withoutPhone.dateOfBirth()).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(withoutPhone.address()).as("not named, so kept").isEqualTo(read.address());
        assertThat(withoutPhone.lastName()).isEqualTo("King");
    }

    @Test
    void aPartialUpdateNamesEveryBadDetailAtOnceAndChangesNothing() {
        CustomerView read = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .email("ada@example.org").command());

        assertThatThrownBy(() -> customers.updateContactDetails(CRM_MANAGER,
                UpdateContactDetailsCommand.of(read.id(), read.version()).firstName(" ").email("not-an-email")
                        .phone("call me").address(AddressData.builder().line1("1 Main St").city("Springfield")
                                .countryCode("Nowhere").build())
                        .dateOfBirth(START.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1)).build()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.fields())
                        .containsExactly("address.countryCode", "dateOfBirth", "email", "firstName", "phone"));
        assertThat(customers.findById(CRM_MANAGER, read.id())).contains(read);
    }

    @Test
    void aCustomersOwnNewEmailTakesEffectWhenTheyConfirmTheTokenSentToIt() {
        CustomerView me = customers.register(CRM_MANAGER, aRegistration().email("me@example.org").command());
        CustomerView requested = customers.updateContactDetails(Actor.customer(me.id()),
                ContactUpdate.of(me).email("me.too@example.org").command());
        assertThat(requested.email()).as("not before its owner proves it").isEqualTo("me@example.org");
        assertThat(requested.version()).as("nothing else changed, nothing written").isZero();
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.address()).isEqualTo("me.too@example.org"));

        customers.confirmContact(outbox.get(0).token());

        CustomerView confirmed = customers.findById(Actor.customer(me.id()), me.id()).orElseThrow();
        assertThat(confirmed.email()).isEqualTo("me.too@example.org");
        assertThat(confirmed.version()).isEqualTo(1);
        assertThat(auditOf(me.id())).extracting(AuditEntry::action, AuditEntry::actorRef)
                .endsWith(tuple("customer.confirm_contact", me.id().value().toString()));
    }

    @Test
    void keepingOnesOwnEmailAndPhoneIsNoConflict() {
        CustomerView ada = customers.register(CRM_MANAGER, aRegistration().email("ada@example.org")
                .phone("+41446681800").command());
        CustomerView updated = customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(ada).email("ADA@example.org")
                .phone("0041 44 668 18 00").named("Ada", "King").command());
        assertThat(updated.lastName()).isEqualTo("King");
        assertThat(updated.email()).isEqualTo("ada@example.org");
    }

    @Test
    void aCustomerIsDeactivatedAndReactivated() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().command());
        Instant later = clock.advance(Duration.ofDays(1));

        CustomerView inactive = customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(c.id(), 0L));
        assertThat(inactive.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(inactive.version()).isEqualTo(1);

        CustomerView active = customers.reactivate(CRM_MANAGER, new CustomerStatusCommand(c.id(), null));
        assertThat(active.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(active.version()).isEqualTo(2);

        assertThat(publisher.events()).containsSubsequence(
                new CustomerStatusChanged(c.id(), CustomerStatus.INACTIVE, later),
                new CustomerStatusChanged(c.id(), CustomerStatus.ACTIVE, later));
        assertThat(auditOf(c.id())).extracting(AuditEntry::action)
                .containsExactly("customer.register", "customer.deactivate", "customer.reactivate");
    }

    @Test
    void anAccountManagerIsAssigned() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().command());
        StaffId manager = StaffId.next(clock);
        TestStaff.enrol(crm, manager, Role.SALES_REP);
        CustomerView managed = customers.assignAccountManager(CRM_MANAGER,
                new AssignAccountManagerCommand(c.id(), manager, 0L));
        assertThat(managed.accountManager()).isEqualTo(manager);
        assertThat(managed.version()).isEqualTo(1);
        assertThat(publisher.events()).contains(new AccountManagerAssigned(c.id(), manager, START));
    }

    @Test
    void tagsAreNormalizedAddedOnceAndRemoved() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().command());

        CustomerView tagged = customers.addTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "  VIP ", null));
        tagged = customers.addTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "newsletter-2026", null));
        assertThat(tagged.tags()).containsExactly("newsletter-2026", "vip");
        assertThat(tagged.version()).isEqualTo(2);

        long audited = store.auditLog().count();
        CustomerView again = customers.addTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "vip", 2L));
        assertThat(again.version()).as("adding a present tag changes nothing").isEqualTo(2);
        assertThat(store.auditLog().count()).isEqualTo(audited);

        CustomerView untagged = customers.removeTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "VIP", 2L));
        assertThat(untagged.tags()).containsExactly("newsletter-2026");
        assertThat(untagged.version()).isEqualTo(3);

        CustomerView unchanged = customers.removeTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "absent", null));
        assertThat(unchanged.version()).isEqualTo(3);
        assertThat(publisher.events()).filteredOn(CustomerTagsChanged.class::isInstance).hasSize(3);
    }

    @Test
    void theFiftyFirstTagBreaksARule() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().command());
        for (int i = 0; i < 50; i++) {
            customers.addTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "tag-" + i, null));
        }
        assertThatThrownBy(() -> customers.addTag(SALES_MANAGER, new CustomerTagCommand(c.id(), "one-too-many", null)))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("customer_too_many_tags"));
        assertThat(customers.findById(SALES_MANAGER, c.id()).orElseThrow().tags()).hasSize(50).doesNotContain("one-too-many");
    }

    @Test
    void marketingConsentKeepsTheTimeOfTheClockWhenGivenAndWithdrawn() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().marketingConsent(false).command());
        assertThat(c.marketingConsent()).isFalse();
        assertThat(c.marketingConsentAt()).isNull();

        Instant given = clock.advance(Duration.ofDays(3));
        CustomerView withConsent = customers.changeMarketingConsent(Actor.customer(c.id()),
                new MarketingConsentCommand(c.id(), true, 0L));
        assertThat(withConsent.marketingConsent()).isTrue();
        assertThat(withConsent.marketingConsentAt()).isEqualTo(given);

        clock.advance(Duration.ofDays(1));
        CustomerView repeated = customers.changeMarketingConsent(CRM_MANAGER, new MarketingConsentCommand(c.id(), true, null));
        assertThat(repeated.marketingConsentAt()).as("giving it again keeps the first time").isEqualTo(given);
        assertThat(repeated.version()).isEqualTo(1);

        Instant withdrawn = clock.advance(Duration.ofDays(30));
        CustomerView without = customers.changeMarketingConsent(CRM_MANAGER, new MarketingConsentCommand(c.id(), false, 1L));
        assertThat(without.marketingConsent()).isFalse();
        assertThat(without.marketingConsentAt()).isEqualTo(withdrawn);
        assertThat(publisher.events()).containsSubsequence(new MarketingConsentChanged(c.id(), true, given),
                new MarketingConsentChanged(c.id(), false, withdrawn));
    }

    // ---- search -----------------------------------------------------------------------------------------------

    @Test
    void searchAppliesEachFilter() {
        StaffId manager = StaffId.next(clock);
        TestStaff.enrol(crm, manager, Role.SALES_REP);
        Instant t1 = clock.advance(Duration.ofMinutes(1));
        CustomerView alice = customers.register(CRM_MANAGER, aRegistration().named("Alice", "Adams")
                .email("alice@example.org").address(address("8001", "Zürich", "CH")).command());
        customers.addTag(CRM_MANAGER, new CustomerTagCommand(alice.id(), "vip", null));
        customers.assignAccountManager(CRM_MANAGER, new AssignAccountManagerCommand(alice.id(), manager, null));
        Instant t2 = clock.advance(Duration.ofMinutes(1));
        CustomerView bob = customers.register(CRM_MANAGER, aRegistration().named("Bob", "Brown")
                .email("bob@example.org").address(address("75001", "Paris", "FR")).command());
        customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(bob.id(), null));
        Instant t3 = clock.advance(Duration.ofMinutes(1));
        CustomerView carol = customers.register(CRM_MANAGER, aRegistration().named("Carol", "Adler")
                .email("zed@example.org").command());
        customers.addTag(CRM_MANAGER, new CustomerTagCommand(carol.id(), "vip", null));
        clock.advance(Duration.ofMinutes(1));
        CustomerView dave = customers.register(CRM_MANAGER, aRegistration().named("Dave", "Adcock")
                .email("dave@example.org").command());
        customers.erase(CRM_MANAGER, dave.id());

        assertThat(ids(filter().text("ad"))).containsExactly(alice.id(), carol.id());
        assertThat(ids(filter().text("ALI"))).containsExactly(alice.id());
        assertThat(ids(filter().text("zed@"))).containsExactly(carol.id());
        assertThat(ids(filter().text("brown b"))).containsExactly(bob.id());
        assertThat(ids(filter().status(CustomerStatus.INACTIVE))).containsExactly(bob.id());
        assertThat(ids(filter().status(CustomerStatus.ACTIVE))).containsExactly(alice.id(), carol.id());
        assertThat(ids(filter().status(CustomerStatus.ERASED))).containsExactly(dave.id());
        assertThat(ids(filter().tag(" VIP"))).containsExactly(alice.id(), carol.id());
        assertThat(ids(filter().country("fr"))).containsExactly(bob.id());
        assertThat(ids(filter().country("CH"))).containsExactly(alice.id());
        assertThat(ids(filter().manager(manager))).containsExactly(alice.id());
        assertThat(ids(filter().from(t2))).as("from is inclusive; erased customers are left out unless asked for")
                .containsExactly(carol.id(), bob.id());
        assertThat(ids(filter().from(t2).status(CustomerStatus.ERASED))).containsExactly(dave.id());
        assertThat(ids(filter().before(t2))).as("before is exclusive").containsExactly(alice.id());
        assertThat(ids(filter().from(t2).before(t3))).containsExactly(bob.id());
        assertThat(ids(filter().from(t1).tag("vip").status(CustomerStatus.ACTIVE).text("car")))
                .containsExactly(carol.id());
    }

    @Test
    void searchSortsByNameAndByRegistrationBothWays() {
        CustomerView zed = register("Zed", "Able");
        CustomerView amy = register("Amy", "baker");
        CustomerView bea = register("Bea", "Baker");
        CustomerView emile = register("Émile", "Zola");

        assertThat(ids(filter().sort(CustomerSort.NAME_ASC))).containsExactly(zed.id(), amy.id(), bea.id(), emile.id());
        assertThat(ids(filter().sort(CustomerSort.NAME_DESC))).containsExactly(emile.id(), bea.id(), amy.id(), zed.id());
        assertThat(ids(filter().sort(CustomerSort.REGISTERED_ASC)))
                .containsExactly(zed.id(), amy.id(), bea.id(), emile.id());
        assertThat(ids(filter().sort(CustomerSort.REGISTERED_DESC)))
                .containsExactly(emile.id(), bea.id(), amy.id(), zed.id());
    }

    @Test
    void keysetPagingByNameReturnsEveryCustomerOnceWhileOthersRegisterBetweenPages() {
        List<CustomerId> originals = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            originals.add(register("First", String.format("Middle%02d", i * 7 % 23)).id());
        }
        List<CustomerId> before = new ArrayList<>();
        List<CustomerId> after = new ArrayList<>();
        List<CustomerView> seen = readAllPages(CustomerSearchQuery.all(CustomerSort.NAME_ASC, 4), pageNumber -> {
            before.add(register("First", String.format("Aaron%02d", pageNumber)).id());
            after.add(register("First", String.format("Zz%02d", pageNumber)).id());
        });

        List<CustomerId> seenIds = seen.stream().map(CustomerView::id).toList();
        assertThat(seenIds).doesNotHaveDuplicates().containsAll(originals).containsAll(after)
                .doesNotContainAnyElementsOf(before);
        assertThat(seen).extracting(CustomerView::lastName).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void keysetPagingByRegistrationReturnsEveryCustomerOnceWhileOthersRegisterBetweenPages() {
        List<CustomerId> originals = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            originals.add(register("Customer", "Number" + i).id());
        }
        List<CustomerId> newcomers = new ArrayList<>();
        List<CustomerView> ascending = readAllPages(CustomerSearchQuery.all(CustomerSort.REGISTERED_ASC, 5),
                page -> newcomers.add(register("Newcomer", "Ascending" + page).id()));
        assertThat(ascending).extracting(CustomerView::id).doesNotHaveDuplicates()
                .startsWith(originals.toArray(CustomerId[]::new)).containsAll(newcomers);

        List<CustomerId> everyoneSoFar = ascending.stream().map(CustomerView::id).toList();
        List<CustomerId> later = new ArrayList<>();
        List<CustomerView> descending = readAllPages(CustomerSearchQuery.all(CustomerSort.REGISTERED_DESC, 5),
                page -> later.add(register("Newcomer", "Descending" + page).id()));
        assertThat(descending).extracting(CustomerView::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(everyoneSoFar).doesNotContainAnyElementsOf(later);
        assertThat(descending).extracting(CustomerView::registeredAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aCursorStaysValidForTheSameQueryWithAnotherPageSize() {
        for (int i = 0; i < 6; i++) {
            register("Same", "Name");
        }
        CustomerSearchQuery query = CustomerSearchQuery.all(CustomerSort.NAME_ASC, 2);
        Page<CustomerView> first = customers.search(CRM_MANAGER, query);
        Page<CustomerView> rest = customers.search(CRM_MANAGER,
                query.withPage(new PageRequest(10, first.nextCursor().orElseThrow())));
        assertThat(rest.items()).hasSize(4);
        assertThat(rest.hasNext()).isFalse();
        Set<CustomerId> all = new HashSet<>();
        first.items().forEach(v -> all.add(v.id()));
        rest.items().forEach(v -> all.add(v.id()));
        assertThat(all).hasSize(6);
    }

    // ---- duplicates -------------------------------------------------------------------------------------------

    @Test
    void possibleDuplicatesAreTheSameNameWithTheSamePostalCode() {
        CustomerView ada = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .phone("+41446681800").address(address("8001", "Zürich", "CH")).command());
        CustomerView sameNameOtherCase = customers.register(CRM_MANAGER, aRegistration().named(" ADA ", "lovelace")
                .address(new AddressData("2 Other Street", null, "8001", "Zürich", null, "CH")).command());
        customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace").address(address("8002", "Zürich", "CH"))
                .command());
        customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace").command());
        customers.register(CRM_MANAGER, aRegistration().named("Ada", "Byron").address(address("8001", "Zürich", "CH"))
                .command());
        CustomerView erasedTwin = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .address(address("8001", "Zürich", "CH")).command());
        customers.erase(CRM_MANAGER, erasedTwin.id());

        List<DuplicateCandidate> candidates = customers.findPossibleDuplicates(SALES_MANAGER, ada.id());

        assertThat(candidates).singleElement().satisfies(candidate -> {
            assertThat(candidate.customer().id()).isEqualTo(sameNameOtherCase.id());
            assertThat(candidate.reasons()).containsExactly(DuplicateReason.SAME_NAME_AND_POSTAL_CODE);
        });
        assertThat(customers.findPossibleDuplicates(SALES_MANAGER, sameNameOtherCase.id()))
                .extracting(candidate -> candidate.customer().id()).containsExactly(ada.id());
    }

    @Test
    void sameEmailAndSamePhoneCannotAriseBecauseRegistrationRefusesThem() {
        CustomerView ada = customers.register(CRM_MANAGER, aRegistration().email("ada@example.org")
                .phone("+41446681800").address(address("8001", "Zürich", "CH")).command());
        assertThatThrownBy(() -> customers.register(CRM_MANAGER, aRegistration().email("ADA@example.org").command()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> customers.register(CRM_MANAGER, aRegistration().phone("0041 44 668 18 00").command()))
                .isInstanceOf(ConflictException.class);
        CustomerView other = customers.register(CRM_MANAGER, aRegistration().command());
        assertThatThrownBy(() -> customers.updateContactDetails(CRM_MANAGER,
                ContactUpdate.of(other).phone("+41 44 668 18 00").command())).isInstanceOf(ConflictException.class);

        assertThat(customers.findPossibleDuplicates(CRM_MANAGER, ada.id())).isEmpty();
        assertThat(customers.findPossibleDuplicates(CRM_MANAGER, other.id())).isEmpty();
    }

    @Test
    void anErasedCustomerHasNoDuplicates() {
        CustomerView ada = customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace")
                .address(address("8001", "Zürich", "CH")).command());
        customers.register(CRM_MANAGER, aRegistration().named("Ada", "Lovelace").address(address("8001", "Zürich", "CH"))
                .command());
        customers.erase(CRM_MANAGER, ada.id());
        assertThat(customers.findPossibleDuplicates(CRM_MANAGER, ada.id())).isEmpty();
    }

    // ---- GDPR -------------------------------------------------------------------------------------------------

    @Test
    void anExportHoldsTheProfileAndTheAuditTrailOfTheRecord() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().email("me@example.org").command());
        Instant updatedAt = clock.advance(Duration.ofMinutes(5));
        CustomerView updated = customers.updateContactDetails(Actor.customer(c.id()),
                ContactUpdate.of(c).named("Mia", "Meier").command());
        clock.advance(Duration.ofMinutes(5));
        customers.addTag(CRM_MANAGER, new CustomerTagCommand(c.id(), "vip", null));
        clock.advance(Duration.ofMinutes(5));
        CustomerView stranger = customers.register(CRM_MANAGER, aRegistration().command());
        assertThatThrownBy(() -> customers.findById(Actor.customer(stranger.id()), c.id()))
                .isInstanceOf(AccessDeniedException.class);
        Instant exportedAt = clock.advance(Duration.ofMinutes(5));

        PersonalDataExport export = customers.exportPersonalData(Actor.customer(c.id()), c.id());

        assertThat(export.customerId()).isEqualTo(c.id());
        assertThat(export.generatedAt()).isEqualTo(exportedAt);
        assertThat(export.profile()).isEqualTo(customers.findById(CRM_MANAGER, c.id()).orElseThrow());
        assertThat(export.profile().firstName()).isEqualTo("Mia");
        assertThat(export.activity()).extracting(ActivityRecord::action, ActivityRecord::actorType, ActivityRecord::outcome)
                .containsExactly(
                        tuple("customer.register", "STAFF", "SUCCESS"),
                        tuple("customer.update_contact", "CUSTOMER", "SUCCESS"),
                        tuple("customer.add_tag", "STAFF", "SUCCESS"),
                        tuple("customer.view", "CUSTOMER", "DENIED"));
        assertThat(export.activity().get(1).at()).isEqualTo(updatedAt);
        assertThat(export.sections()).as("the other areas' sections, empty for a customer who bought nothing")
                .extracting(PersonalDataSection::name, section -> section.records().size())
                .containsExactly(tuple("purchases", 0), tuple("loyalty_account", 0), tuple("loyalty_ledger", 0));
        assertThat(updated.version()).isEqualTo(1);

        PersonalDataExport second = customers.exportPersonalData(CRM_MANAGER, c.id());
        assertThat(second.activity()).last().extracting(ActivityRecord::action).isEqualTo("customer.export");
    }

    @Test
    void erasureReplacesPersonalDataKeepsTheIdAndFreesTheEmail() {
        StaffId manager = StaffId.next(clock);
        TestStaff.enrol(crm, manager, Role.SALES_REP);
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().named("Erin", "Erased")
                .email("erin@example.org").phone("+41 79 123 45 67").address(address("3000", "Bern", "CH"))
                .bornOn(LocalDate.of(1980, 1, 2)).gender(Gender.DIVERSE).externalReference("erin-1")
                .marketingConsent(true).command());
        customers.addTag(CRM_MANAGER, new CustomerTagCommand(c.id(), "vip", null));
        customers.assignAccountManager(CRM_MANAGER, new AssignAccountManagerCommand(c.id(), manager, null));
        Instant erasedAt = clock.advance(Duration.ofDays(10));
        publisher.clear();

        customers.erase(CRM_MANAGER, c.id());

        CustomerView erased = customers.findById(CRM_MANAGER, c.id()).orElseThrow();
        assertThat(erased.id()).isEqualTo(c.id());
        assertThat(erased.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(erased.registeredAt()).isEqualTo(c.registeredAt());
        assertThat(erased.source()).isEqualTo(c.source());
        assertThat(erased.firstName()).isNull();
        assertThat(erased.lastName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.address()).isNull();
        assertThat(erased.dateOfBirth()).isNull();
        assertThat(erased.gender()).isNull();
        assertThat(erased.externalReference()).isNull();
        assertThat(erased.accountManager()).isNull();
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.marketingConsent()).isFalse();
        assertThat(erased.marketingConsentAt()).isNull();
        assertThat(publisher.events()).containsExactly(new CustomerErased(c.id(), erasedAt));
        assertThat(auditOf(c.id())).last().extracting(AuditEntry::action).isEqualTo("customer.erase");
        assertThat(ids(filter().text("erin"))).isEmpty();

        CustomerView again = customers.register(CRM_MANAGER, aRegistration().named("Erin", "Again")
                .email("erin@example.org").phone("+41791234567").externalReference("erin-1").command());
        assertThat(again.id()).isNotEqualTo(c.id());
        assertThat(again.email()).isEqualTo("erin@example.org");

        assertThatThrownBy(() -> customers.erase(CRM_MANAGER, c.id()))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("customer_erased"));
        assertThat(customers.exportPersonalData(CRM_MANAGER, c.id()).profile().email()).isNull();
    }

    // ---- events and audit -------------------------------------------------------------------------------------

    @Test
    void eventsArePublishedAfterCommitWhenTheChangeIsAlreadyVisible() {
        List<Optional<CustomerView>> storedWhenPublished = new ArrayList<>();
        publisher.onPublish(event -> {
            if (event instanceof CustomerRegistered registered) {
                storedWhenPublished.add(customers.findById(SYSTEM, registered.customerId()));
            }
        });
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().command());
        customers.deactivate(CRM_MANAGER, new CustomerStatusCommand(c.id(), null));

        assertThat(publisher.events()).hasSize(2);
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(storedWhenPublished).containsExactly(Optional.of(c));
    }

    @Test
    void noEventIsPublishedWhenAUseCaseFails() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().email("taken@example.org").command());
        publisher.clear();

        assertThatThrownBy(() -> customers.register(CRM_MANAGER, aRegistration().email("taken@example.org").command()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> customers.reactivate(CRM_MANAGER, new CustomerStatusCommand(c.id(), null)))
                .isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> customers.addTag(CRM_MANAGER, new CustomerTagCommand(c.id(), "vip", 9L)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> customers.erase(Actor.customer(c.id()), c.id()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(publisher.events()).isEmpty();
        assertThat(customers.findById(CRM_MANAGER, c.id())).contains(c);
    }

    @Test
    void insideAHostTransactionEventsWaitForItsCommitAndARollbackDropsEverything() {
        long audited = store.auditLog().count();
        IllegalStateException hostFailure = new IllegalStateException("host failed later in the same transaction");
        List<CustomerId> registered = new ArrayList<>();
        assertThatThrownBy(() -> store.unitOfWork().inTransaction(() -> {
            registered.add(customers.register(CRM_MANAGER, aRegistration().email("rolled@example.org").command()).id());
            throw hostFailure;
        })).isSameAs(hostFailure);
        assertThat(publisher.events()).isEmpty();
        assertThat(customers.findById(CRM_MANAGER, registered.get(0))).isEmpty();
        assertThat(store.auditLog().count()).isEqualTo(audited);

        CustomerView kept = store.unitOfWork().inTransaction(() -> {
            CustomerView view = customers.register(CRM_MANAGER, aRegistration().email("rolled@example.org").command());
            assertThat(publisher.events()).as("not before the host's commit").isEmpty();
            return view;
        });
        assertThat(publisher.events()).containsExactly(new CustomerRegistered(kept.id(), START));
    }

    @Test
    void aFailingPublisherDoesNotUndoTheCommittedWork() {
        AreaPorts failingStore = new AreaPorts(InMemoryCrmPersistence.create());
        Crm failing = Crm.builder().persistence(failingStore).clock(clock).eventPublisher(event -> {
            throw new IllegalStateException("message bus down");
        }).build();
        TestStaff.enrol(failing, CRM_MANAGER);
        CustomerView c = failing.customers().register(CRM_MANAGER, aRegistration().command());
        assertThat(failing.customers().findById(CRM_MANAGER, c.id())).contains(c);
        assertThat(failingStore.auditLog().count()).isEqualTo(1);
    }

    @Test
    void auditEntriesEventsAndErrorsHoldNoPersonalData() {
        CustomerView c = customers.register(CRM_MANAGER, aRegistration().named("Grace", "Hopper")
                .email("grace.hopper@navy.example").phone("+1 613 555 0100")
                .address(new AddressData("24 Sussex Drive", "Suite K", "K1M 1M4", "Ottawa", "Ontario", "CA"))
                .bornOn(LocalDate.of(1906, 12, 9)).externalReference("ext-grace-7").command());
        CustomerView updated = customers.updateContactDetails(CRM_MANAGER, ContactUpdate.of(c)
                .named("Rear Admiral", "Hopperton").email("amazing.grace@navy.example").phone("+1 613 555 0199")
                .command());
        customers.changeMarketingConsent(Actor.customer(c.id()), new MarketingConsentCommand(c.id(), true, null));
        List<String> messages = new ArrayList<>();
        for (Runnable failing : List.<Runnable>of(
                () -> customers.register(CRM_MANAGER, aRegistration().email("AMAZING.grace@navy.example").command()),
                () -> customers.register(SALES_MANAGER, aRegistration().phone("+1 (613) 555-0199").command()),
                () -> customers.register(CRM_MANAGER, aRegistration().email("grace@navy").command()),
                () -> customers.updateContactDetails(SALES_MANAGER, ContactUpdate.of(updated).command()))) {
            try {
                failing.run();
            } catch (RuntimeException e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).hasSize(4);

        // values chosen so that none can occur by chance in a UUID or a timestamp (letters beyond f, a '+')
        Set<String> personal = new LinkedHashSet<>(List.of("Grace", "Hopper", "grace.hopper@navy.example",
                "+16135550100", "24 Sussex Drive", "Suite K", "K1M 1M4", "Ottawa", "Ontario", "1906-12-09",
                "ext-grace-7", "Rear Admiral", "Hopperton", "amazing.grace", "+16135550199", "navy.example",
                "grace@navy"));
        List<String> texts = new ArrayList<>(messages);
        auditOf(c.id()).forEach(entry -> texts.add(entry.toString()));
        publisher.events().forEach(event -> texts.add(event.toString()));
        assertThat(auditOf(c.id())).hasSizeGreaterThanOrEqualTo(3);
        for (String text : texts) {
            for (String value : personal) {
                assertThat(text).as("personal value %s", value).doesNotContainIgnoringCase(value);
            }
        }
    }

    @Test
    void allFieldsOfAnInvalidRegistrationAreNamedButTheirValuesAreNot() {
        assertThatThrownBy(() -> customers.register(CRM_MANAGER, aRegistration().named("Secret", " ")
                .email("secret-mail@@example.org").command()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.fields()).containsExactly("email", "lastName");
                    assertThat(e.getMessage()).doesNotContain("secret-mail").doesNotContain("Secret");
                });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private CustomerView register(String first, String last) {
        clock.advance(Duration.ofSeconds(1));
        return customers.register(CRM_MANAGER, aRegistration().named(first, last).command());
    }

    private List<AuditEntry> auditOf(CustomerId id) {
        return store.auditLog().findByTarget("customer", id.value());
    }

    /** Reads every page of a query, running {@code betweenPages} (with the page number) after each page. */
    private List<CustomerView> readAllPages(CustomerSearchQuery first, IntConsumer betweenPages) {
        List<CustomerView> all = new ArrayList<>();
        CustomerSearchQuery query = first;
        int pages = 0;
        while (true) {
            Page<CustomerView> page = customers.search(SALES_MANAGER, query);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(first.page().size());
            all.addAll(page.items());
            pages++;
            if (!page.hasNext()) {
                break;
            }
            betweenPages.accept(pages);
            query = query.withPage(query.page().next(page.nextCursor().orElseThrow()));
        }
        assertThat(pages).as("pages read").isGreaterThan(2);
        return all;
    }

    private List<CustomerId> ids(Filter filter) {
        return customers.search(SALES_MANAGER, filter.query()).items().stream().map(CustomerView::id).toList();
    }

    private static Filter filter() {
        return new Filter();
    }

    /** A search query built one filter at a time; name order unless told otherwise. */
    private static final class Filter {
        private String text;
        private CustomerStatus status;
        private String tag;
        private String country;
        private StaffId manager;
        private Instant from;
        private Instant before;
        private CustomerSort sort = CustomerSort.NAME_ASC;

        Filter text(String value) {
            text = value;
            return this;
        }

        Filter status(CustomerStatus value) {
            status = value;
            return this;
        }

        Filter tag(String value) {
            tag = value;
            return this;
        }

        Filter country(String value) {
            country = value;
            return this;
        }

        Filter manager(StaffId value) {
            manager = value;
            return this;
        }

        Filter from(Instant value) {
            from = value;
            return this;
        }

        Filter before(Instant value) {
            before = value;
            return this;
        }

        Filter sort(CustomerSort value) {
            sort = value;
            return this;
        }

        CustomerSearchQuery query() {
            return new CustomerSearchQuery(text, status, tag, country, manager, from, before, sort,
                    PageRequest.first(PageRequest.MAX_SIZE));
        }
    }

}
