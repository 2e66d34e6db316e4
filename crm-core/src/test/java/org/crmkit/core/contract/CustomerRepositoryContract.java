package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria.SeekPosition;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.PostalAddress;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerRepository} must do. Subclasses hand over an empty store before each test. The port is
 * driven through the customer area's {@link CustomerStore}, as crmkit drives it: the aggregates' snapshots go in,
 * and their versions move on once stored.
 */
public abstract class CustomerRepositoryContract extends PortContract {
    private CustomerStore repo() {
        return new CustomerStore(persistence.customers());
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        UnitOfWork uow = persistence.unitOfWork();
        return uow.inTransaction(work);
    }

    private void add(Customer c) {
        tx(() -> {
            repo().add(c);
            return null;
        });
    }

    private Customer load(CustomerId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    @Test
    void returnsWhatWasSaved() {
        Customer customer = CustomerFixtures.aCustomer().named("Zoë 🦊", "Ångström").externalReference("host-1").build();
        add(customer);
        assertThat(load(customer.id()).snapshot()).isEqualTo(customer.snapshot());
    }

    @Test
    void theLongestNamesInAnyScriptRoundTrip() {
        String hangul = "가".repeat(org.crmkit.core.shared.PersonName.MAX_LENGTH);
        String emoji = "🦊".repeat(org.crmkit.core.shared.PersonName.MAX_LENGTH);
        Customer customer = CustomerFixtures.aCustomer().named(hangul, emoji).build();
        add(customer);
        assertThat(load(customer.id()).snapshot()).isEqualTo(customer.snapshot());
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(tx(() -> repo().findById(CustomerId.next(java.time.Clock.systemUTC())))).isEmpty();
    }

    @Test
    void updateStoresTheChangeAndAdvancesTheVersion() {
        Customer customer = CustomerFixtures.aCustomer().build();
        add(customer);
        Customer loaded = load(customer.id());
        loaded.addTag(new Tag("vip"), CustomerFixtures.T0);
        loaded.assignAccountManager(StaffId.next(java.time.Clock.systemUTC()), CustomerFixtures.T0);
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(load(customer.id()).snapshot()).isEqualTo(loaded.snapshot());
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Customer customer = CustomerFixtures.aCustomer().build();
        add(customer);
        Customer first = load(customer.id());
        Customer second = load(customer.id());
        first.deactivate(CustomerFixtures.T0);
        tx(() -> {
            repo().update(first);
            return null;
        });
        second.addTag(new Tag("lost"), CustomerFixtures.T0);
        assertThatThrownBy(() -> tx(() -> {
            repo().update(second);
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
        Customer stored = load(customer.id());
        assertThat(stored.status()).isEqualTo(CustomerStatus.INACTIVE);
        assertThat(stored.snapshot().tags()).isEmpty();
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void aTakenEmailIsAConflictNamingTheField() {
        Customer one = CustomerFixtures.aCustomer().email("same@example.org").build();
        add(one);
        Customer two = CustomerFixtures.aCustomer().email("same@example.org").build();
        assertThatThrownBy(() -> add(two))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(tx(() -> repo().findById(two.id()))).isEmpty();
    }

    @Test
    void aTakenPhoneOrExternalReferenceIsAConflictNamingTheField() {
        add(CustomerFixtures.aCustomer().phone("+41446681800").externalReference("ext-9").build());
        assertThatThrownBy(() -> add(CustomerFixtures.aCustomer().phone("+41446681800").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> add(CustomerFixtures.aCustomer().externalReference("ext-9").build()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("externalReference"));
    }

    @Test
    void erasureFreesEmailAndPhoneForANewCustomer() {
        Customer one = CustomerFixtures.aCustomer().email("again@example.org").phone("+41446681801").build();
        add(one);
        Customer loaded = load(one.id());
        loaded.erase(CustomerFixtures.T0);
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        Customer two = CustomerFixtures.aCustomer().email("again@example.org").phone("+41446681801").build();
        add(two);
        assertThat(tx(() -> repo().findByEmail(EmailAddress.of("again@example.org"))))
                .extracting(Customer::id).containsExactly(two.id());
        Customer erased = load(one.id());
        assertThat(erased.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(erased.contact()).isEmpty();
    }

    @Test
    void findsByEmailPhoneReferenceAndNameWithPostalCode() {
        Customer c = CustomerFixtures.aCustomer().named("Grace", "Hopper").phone("+12025550100")
                .externalReference("crm-42")
                .address(new PostalAddress("2 Navy Way", null, "20001", "Washington", "DC", "US")).build();
        add(c);
        add(CustomerFixtures.aCustomer().named("Grace", "Hopper").build());
        assertThat(tx(() -> repo().findByEmail(c.contact().orElseThrow().email()))).extracting(Customer::id)
                .containsExactly(c.id());
        assertThat(tx(() -> repo().findByPhone(PhoneNumber.parse("+1 202 555 0100")))).extracting(Customer::id)
                .containsExactly(c.id());
        assertThat(tx(() -> repo().findByExternalReference("crm-42"))).map(Customer::id).contains(c.id());
        assertThat(tx(() -> repo().findByNameKeyAndPostalCode("hopper grace", "20001"))).extracting(Customer::id)
                .containsExactly(c.id());
    }

    @Test
    void searchFiltersByTextStatusTagCountryManagerAndTime() {
        StaffId manager = StaffId.next(java.time.Clock.systemUTC());
        Customer alice = CustomerFixtures.aCustomer().named("Alice", "Adams").registeredAt(CustomerFixtures.T0).build();
        alice.addTag(new Tag("vip"), CustomerFixtures.T0);
        alice.assignAccountManager(manager, CustomerFixtures.T0);
        Customer bob = CustomerFixtures.aCustomer().named("Bob", "Brown")
                .address(new PostalAddress("3 Rue", null, "75001", "Paris", null, "FR"))
                .registeredAt(CustomerFixtures.T0.plus(1, ChronoUnit.DAYS)).build();
        Customer carol = CustomerFixtures.aCustomer().named("Carol", "Adler").email("zed@example.org")
                .registeredAt(CustomerFixtures.T0.plus(2, ChronoUnit.DAYS)).build();
        carol.deactivate(CustomerFixtures.T0);
        List.of(alice, bob, carol).forEach(this::add);

        assertThat(ids(criteria("ad", null, null, null, null, null, null))).containsExactly(alice.id(), carol.id());
        assertThat(ids(criteria("alice", null, null, null, null, null, null))).containsExactly(alice.id());
        assertThat(ids(criteria("zed@", null, null, null, null, null, null))).containsExactly(carol.id());
        assertThat(ids(criteria(null, CustomerStatus.INACTIVE, null, null, null, null, null))).containsExactly(carol.id());
        assertThat(ids(criteria(null, null, "vip", null, null, null, null))).containsExactly(alice.id());
        assertThat(ids(criteria(null, null, null, "FR", null, null, null))).containsExactly(bob.id());
        assertThat(ids(criteria(null, null, null, null, manager, null, null))).containsExactly(alice.id());
        assertThat(ids(criteria(null, null, null, null, null, CustomerFixtures.T0.plus(1, ChronoUnit.DAYS),
                CustomerFixtures.T0.plus(2, ChronoUnit.DAYS)))).containsExactly(bob.id());
    }

    @Test
    void searchOrdersByNameAndByRegistrationBothWaysAndSeeksAfterAPosition() {
        Instant t = CustomerFixtures.T0;
        Customer a = CustomerFixtures.aCustomer().named("Zed", "Able").registeredAt(t.plusSeconds(30)).build();
        Customer b = CustomerFixtures.aCustomer().named("Amy", "baker").registeredAt(t.plusSeconds(10)).build();
        Customer c = CustomerFixtures.aCustomer().named("Bea", "Baker").registeredAt(t.plusSeconds(20)).build();
        Customer d = CustomerFixtures.aCustomer().named("Émile", "Zola").registeredAt(t.plusSeconds(10)).build();
        List.of(a, b, c, d).forEach(this::add);

        List<CustomerId> byName = ids(sorted(CustomerSort.NAME_ASC, null));
        assertThat(byName).containsExactly(a.id(), b.id(), c.id(), d.id());
        assertThat(ids(sorted(CustomerSort.NAME_DESC, null))).containsExactly(d.id(), c.id(), b.id(), a.id());

        List<CustomerId> sameInstant = new ArrayList<>(List.of(b.id(), d.id()));
        sameInstant.sort((x, y) -> org.crmkit.core.shared.UuidV7.compareBytes(x.value(), y.value()));
        assertThat(ids(sorted(CustomerSort.REGISTERED_ASC, null)))
                .containsExactly(sameInstant.get(0), sameInstant.get(1), c.id(), a.id());
        assertThat(ids(sorted(CustomerSort.REGISTERED_DESC, null)))
                .containsExactly(a.id(), c.id(), sameInstant.get(1), sameInstant.get(0));

        SeekPosition afterB = new SeekPosition("baker amy", null, b.id());
        assertThat(ids(sorted(CustomerSort.NAME_ASC, afterB))).containsExactly(c.id(), d.id());
        SeekPosition afterC = new SeekPosition(null, c.snapshot().registeredAt(), c.id());
        assertThat(ids(sorted(CustomerSort.REGISTERED_DESC, afterC)))
                .containsExactly(sameInstant.get(1), sameInstant.get(0));
    }

    @Test
    void searchLeavesErasedCustomersOutUnlessAskedForThem() {
        Customer kept = CustomerFixtures.aCustomer().build();
        Customer gone = CustomerFixtures.aCustomer().build();
        gone.erase(CustomerFixtures.T0);
        List.of(kept, gone).forEach(this::add);
        assertThat(ids(sorted(CustomerSort.NAME_ASC, null))).containsExactly(kept.id());
        assertThat(ids(criteria(null, CustomerStatus.ERASED, null, null, null, null, null)))
                .containsExactly(gone.id());
    }

    @Test
    void searchHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            add(CustomerFixtures.aCustomer().build());
        }
        assertThat(tx(() -> repo().search(sorted(CustomerSort.REGISTERED_ASC, null), 3))).hasSize(3);
    }

    @Test
    void textSearchTreatsLikeWildcardsAsPlainCharacters() {
        add(CustomerFixtures.aCustomer().named("Percy", "Shelley").email("p_s@example.org").build());
        add(CustomerFixtures.aCustomer().named("Mary", "Shelley").email("pxs@example.org").build());
        assertThat(ids(criteria("p_", null, null, null, null, null, null))).hasSize(1);
        assertThat(ids(criteria("%", null, null, null, null, null, null))).isEmpty();
    }

    private CustomerSearchCriteria criteria(String text, CustomerStatus status, String tag, String country,
                                            StaffId manager, Instant from, Instant before) {
        return new CustomerSearchCriteria(text, status, tag, country, manager, from, before, CustomerSort.NAME_ASC,
                null);
    }

    private static CustomerSearchCriteria sorted(CustomerSort sort, SeekPosition after) {
        return new CustomerSearchCriteria(null, null, null, null, null, null, null, sort, after);
    }

    private List<CustomerId> ids(CustomerSearchCriteria criteria) {
        return tx(() -> repo().search(criteria, 100)).stream().map(Customer::id).toList();
    }

    @Test
    void findByExternalReferencesFindsTheCustomersHoldingThemExactly() {
        Customer one = CustomerFixtures.aCustomer().externalReference("crm-1").build();
        Customer two = CustomerFixtures.aCustomer().externalReference("CRM-2").build();
        add(one);
        add(two);
        add(CustomerFixtures.aCustomer().externalReference("crm-3").build());
        add(CustomerFixtures.aCustomer().build());

        assertThat(tx(() -> repo().findByExternalReferences(List.of("CRM-2", "crm-1", "crm-1", "crm-9"))))
                .extracting(Customer::id).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(tx(() -> repo().findByExternalReferences(List.of("crm-2", "CRM-1")))).as("matched exactly")
                .isEmpty();
        assertThat(tx(() -> repo().findByExternalReferences(List.of()))).isEmpty();
    }
}
