package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.customer.Registration.aRegistration;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.RetryPolicy;
import org.crmkit.core.customer.CustomerEvents.CustomerRegistered;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy: a call that fails with a retriable error (here a registration whose insert collides, as a Galera
 * certification failure would) is made again whole when the host turned retries on, and stored once.
 */
class RetryPolicyTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor MANAGER = Actor.staff(new StaffId(UUID.fromString(
            "0190f5f0-0000-7000-8000-000000000001")), Set.of(Role.CRM_MANAGER));

    private final AtomicInteger collisionsLeft = new AtomicInteger();
    private final AtomicInteger inserts = new AtomicInteger();
    private AreaPorts store;
    private CrmPersistence colliding;
    private RecordingPublisher publisher;
    private boolean enrolled;

    @BeforeEach
    void setUp() {
        store = new AreaPorts(InMemoryCrmPersistence.create());
        CustomerRepository customers = store.customers();
        CustomerRepository collidingCustomers = delegate(CustomerRepository.class, customers, (method, args) -> {
            if (method.getName().equals("add")) {
                inserts.incrementAndGet();
                if (collisionsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw ConflictException.concurrentWrite("customer insert");
                }
            }
            return method.invoke(customers, args);
        });
        colliding = delegate(CrmPersistence.class, store, (method, args) ->
                method.getName().equals("port") && args[0] == CustomerRepository.class
                        ? Optional.of(collidingCustomers) : method.invoke(store, args));
        publisher = new RecordingPublisher();
    }

    private Crm crm(RetryPolicy policy) {
        Crm crm = Crm.builder().persistence(colliding).clock(new MutableClock(START)).eventPublisher(publisher)
                .retryPolicy(policy).build();
        if (!enrolled) {
            TestStaff.enrol(crm, MANAGER);
            enrolled = true;
        }
        return crm;
    }

    private static RetryPolicy immediate(int attempts) {
        return RetryPolicy.attempts(attempts).backoff(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void aCallThatCollidesIsMadeAgainWholeAndStoredOnceWithOneEventAndOneAuditEntry() {
        Crm crm = crm(immediate(3));
        collisionsLeft.set(2);

        CustomerView registered = crm.customers().register(MANAGER, aRegistration().command());

        assertThat(inserts).hasValue(3);
        assertThat(crm.customers().findById(MANAGER, registered.id())).contains(registered);
        assertThat(publisher.events()).containsExactly(new CustomerRegistered(registered.id(), START));
        assertThat(store.auditLog().count()).isEqualTo(1);
    }

    @Test
    void withoutAPolicyOrPastItsLastAttemptTheRetriableErrorReachesTheCallerAndNothingIsStored() {
        Crm once = crm(RetryPolicy.none());
        Crm twice = crm(immediate(2));
        collisionsLeft.set(1);
        assertThatThrownBy(() -> once.customers().register(MANAGER, aRegistration()
                .email("once@example.org").command()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("concurrent_write");
                    assertThat(e.retriable()).isTrue();
                });
        collisionsLeft.set(2);
        assertThatThrownBy(() -> twice.customers().register(MANAGER, aRegistration()
                .email("once@example.org").command())).isInstanceOf(ConflictException.class);
        assertThat(inserts).hasValue(3);
        assertThat(store.customers().findByEmail(EmailAddress.of("once@example.org"))).isEmpty();
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void anErrorThatIsNotRetriableIsNeverRetried() {
        Crm crm = crm(immediate(3));
        crm.customers().register(MANAGER, aRegistration().email("ada@example.org").command());
        assertThatThrownBy(() -> crm.customers().register(MANAGER, aRegistration().email("ada@example.org")
                .command())).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate");
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(inserts).hasValue(1);
    }

    @Test
    void aCallInsideTheHostsTransactionIsMadeOnceTheHostRunsItsTransactionAgain() {
        Crm crm = crm(immediate(3));
        collisionsLeft.set(1);
        assertThatThrownBy(() -> store.unitOfWork().inTransaction(() ->
                crm.customers().register(MANAGER, aRegistration().email("host@example.org").command())))
                .isInstanceOf(ConflictException.class);
        assertThat(inserts).hasValue(1);
        assertThat(store.customers().findByEmail(EmailAddress.of("host@example.org"))).isEmpty();
    }

    @Test
    void onlyConflictsOfConcurrentWorkAndAnUnavailableDatabaseAreRetriable() {
        assertThat(ConflictException.concurrentWrite("x").retriable()).isTrue();
        assertThat(PersistenceFailureException.unavailable("node not serving", null).retriable()).isTrue();
        for (CrmException e : new CrmException[] {ConflictException.staleVersion("customer", "c", 1),
                ConflictException.duplicate("customer", "email", null),
                new PersistenceFailureException("x", null),
                PersistenceFailureException.outcomeUnknown("x", null)}) {
            assertThat(e.retriable()).as(e.code()).isFalse();
        }
    }

    @Test
    void aPolicyIsBoundedAndSaysWhatItDoes() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.attempts(4).maxAttempts()).isEqualTo(4);
        assertThatThrownBy(() -> RetryPolicy.attempts(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.attempts(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.attempts(3).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.attempts(3)).hasToString("RetryPolicy[attempts=3, backoff=PT0.01S..PT0.2S]");
    }

    /** The handler's answer to every call of the interface, unwrapping what a reflective call throws. */
    private interface Call {
        Object answer(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T delegate(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.answer(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
