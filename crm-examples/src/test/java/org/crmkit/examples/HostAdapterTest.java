package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.spi.Ports;
import org.crmkit.core.spi.ThreadBoundUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A host that wrote its own persistence adapter for the customer area alone (as it would with JPA or jOOQ) builds
 * {@code Crm} from it. The adapter implements {@link CrmPersistence#unitOfWork} and {@link CrmPersistence#port} and
 * answers the latter for {@code CustomerRepository} only, so it keeps compiling whatever areas crmkit adds; every
 * other area (the audit trail, the catalog, ...) runs in memory inside the adapter's transactions.
 */
class HostAdapterTest {
    private static final Actor IMPORT = Actor.system("host-import");
    private final HostStore store = new HostStore();
    private final Crm crm = Crm.builder().persistence(store)
            .clock(Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC)).build();

    @Test
    void customersAreStoredByTheHostsAdapterAndTheOtherAreasRunInMemory() {
        CustomerView ada = crm.customers().register(IMPORT,
                RegisterCustomerCommand.imported("Ada", "Lovelace", "ada@example.com", "HOST-1"));

        assertThat(store.customers.rows).containsOnlyKeys(ada.id());
        assertThat(crm.customers().findById(IMPORT, ada.id())).contains(ada);
        CategoryView mugs = crm.products().createCategory(IMPORT, new CreateCategoryCommand("Mugs"));
        assertThat(crm.products().categories(IMPORT)).containsExactly(mugs);
        assertThat(store.customers.rows).as("the catalog is not the host's").containsOnlyKeys(ada.id());
    }

    @Test
    void twoInstancesOnTheHostsAdapterShareWhatRunsInMemory() {
        CategoryView mugs = crm.products().createCategory(IMPORT, new CreateCategoryCommand("Mugs"));
        Crm job = Crm.builder().persistence(store).build();

        assertThat(job.products().categories(IMPORT)).containsExactly(mugs);
    }

    @Test
    void aWriteTheHostsStoreRefusesAfterStoringIsRolledBackWithTheWholeCall() {
        CustomerView ada = crm.customers().register(IMPORT,
                RegisterCustomerCommand.imported("Ada", "Lovelace", "ada@example.com", "HOST-1"));

        // the host's table stores the row, then its unique index on another column refuses it
        assertThatThrownBy(() -> crm.customers().register(IMPORT,
                RegisterCustomerCommand.imported("Ada", "Byron", HostCustomers.REFUSED, "HOST-2")))
                .isInstanceOf(ConflictException.class);

        assertThat(store.customers.rows).as("the host's rows after the rollback").containsOnlyKeys(ada.id());
        assertThat(crm.customers().register(IMPORT,
                RegisterCustomerCommand.imported("Ada", "Byron", "ada.byron@example.com", "HOST-2")).id())
                .as("the refused reference is free again").isNotNull();
    }

    /** The host's adapter: its own transactions, and the customer area's port, nothing else. */
    private static final class HostStore extends ThreadBoundUnitOfWork<Map<CustomerId, CustomerSnapshot>>
            implements CrmPersistence {
        final HostCustomers customers = new HostCustomers();
        private final Ports ports = Ports.builder().add(CustomerRepository.class, customers).build();

        @Override
        public ThreadBoundUnitOfWork<Map<CustomerId, CustomerSnapshot>> unitOfWork() {
            return this;
        }

        @Override
        public <P> Optional<P> port(Class<P> type) {
            return ports.find(type);
        }

        @Override
        protected Map<CustomerId, CustomerSnapshot> begin() {
            return new HashMap<>(customers.rows);
        }

        @Override
        protected void commit(Map<CustomerId, CustomerSnapshot> before) {
            // the rows are written in place; nothing more to make durable in this map
        }

        @Override
        protected void rollback(Map<CustomerId, CustomerSnapshot> before) {
            customers.rows.clear();
            customers.rows.putAll(before);
        }
    }

    /** A map of snapshots, as a host's table of customers would hold them; searches are not needed here. */
    private static final class HostCustomers implements CustomerRepository {
        /** An email the host's store refuses after it has stored the row. */
        static final String REFUSED = "refused-by-the-host@example.com";
        final Map<CustomerId, CustomerSnapshot> rows = new HashMap<>();

        @Override
        public void add(CustomerSnapshot s) {
            if (rows.containsKey(s.id()) || !findByEmail(s.contact().email()).isEmpty()) {
                throw ConflictException.duplicate("customer", "email", null);
            }
            rows.put(s.id(), s);
            if (s.contact().email().value().equals(REFUSED)) {
                throw ConflictException.duplicate("customer", "externalReference", null);
            }
        }

        @Override
        public void update(CustomerSnapshot s) {
            CustomerSnapshot stored = rows.get(s.id());
            if (stored == null || stored.version() != s.version()) {
                throw ConflictException.staleVersion("customer", s.id(), s.version());
            }
            rows.put(s.id(), new CustomerSnapshot(s.id(), s.version() + 1, s.contact(), s.personal(),
                    s.registeredAt(), s.status(), s.consent(), s.tags(), s.accountManager(), s.source(),
                    s.externalReference(), s.erasedAt()));
        }

        @Override
        public Optional<CustomerSnapshot> findById(CustomerId id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public List<CustomerSnapshot> findByEmail(EmailAddress email) {
            return find(s -> s.contact() != null && s.contact().email().equals(email));
        }

        @Override
        public List<CustomerSnapshot> findByPhone(PhoneNumber phone) {
            return find(s -> s.contact() != null && Objects.equals(s.contact().phone(), phone));
        }

        @Override
        public Optional<CustomerSnapshot> findByExternalReference(String reference) {
            return find(s -> reference.equals(s.externalReference())).stream().findFirst();
        }

        @Override
        public List<CustomerSnapshot> findByNameKeyAndPostalCode(String nameKey, String postalCode) {
            return find(s -> s.contact() != null && s.contact().address() != null && s.nameKey().equals(nameKey)
                    && postalCode.equals(s.contact().address().postalCode()));
        }

        @Override
        public List<CustomerSnapshot> search(CustomerSearchCriteria criteria, int limit) {
            throw new UnsupportedOperationException("not needed by this host");
        }

        private List<CustomerSnapshot> find(java.util.function.Predicate<CustomerSnapshot> test) {
            return rows.values().stream().filter(test).toList();
        }
    }
}
