package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel writers on MySQL: exactly the right ones succeed, the others fail loudly, nothing is lost. */
class ConcurrencyIT {
    private static final int THREADS = 8;
    private final Actor staff = Actor.staff(StaffId.next(java.time.Clock.systemUTC()), Set.of(Role.CRM_MANAGER));
    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence()).build();
        TestStaff.enrol(crm, staff);
    }

    @Test
    void ofParallelUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        CustomerView c = crm.customers().register(staff, register("race@example.org", "Race"));
        List<Outcome> outcomes = runTogether(i -> () -> crm.customers().updateContactDetails(staff,
                UpdateContactDetailsCommand.of(c.id(), c.version()).firstName("Writer" + i)
                        .lastName("Race").email("race@example.org").build()));
        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.conflictCode()).isEqualTo("stale_version"));
        CustomerView stored = crm.customers().findById(staff, c.id()).orElseThrow();
        String winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().view().firstName();
        assertThat(stored.firstName()).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(c.version() + 1);
    }

    @Test
    void ofParallelRegistrationsOfOneEmailExactlyOneSucceeds() throws Exception {
        List<Outcome> outcomes = runTogether(i -> () -> crm.customers().register(staff,
                register(" Same@Example.org ".toUpperCase(java.util.Locale.ROOT).strip(), "Twin" + i)));
        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.conflictCode()).isIn("duplicate", "concurrent_write"));
        String winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().view().id().toString();
        assertThat(outcomes.stream().filter(o -> "duplicate".equals(o.conflictCode())))
                .as("every duplicate names the winner, also when the unique index caught the race")
                .allSatisfy(o -> assertThat(o.existingId()).isEqualTo(winner));
        assertThat(crm.customers().search(staff, new CustomerSearchQuery("same@", null, null, null, null, null, null,
                CustomerSort.NAME_ASC, org.crmkit.core.shared.PageRequest.first(50))).items()).hasSize(1);
    }

    @Test
    void parallelTagWritersThatRetryOnConflictLoseNoTag() throws Exception {
        CustomerView c = crm.customers().register(staff, register("tags@example.org", "Tags"));
        runTogether(i -> () -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    return crm.customers().addTag(staff, new CustomerTagCommand(c.id(), "t" + i, null));
                } catch (ConflictException e) {
                    // someone else stored a change first: reload and try again
                }
            }
            throw new AssertionError("no success in 100 attempts");
        });
        assertThat(crm.customers().findById(staff, c.id()).orElseThrow().tags())
                .containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7");
    }

    private static RegisterCustomerCommand register(String email, String first) {
        return new RegisterCustomerCommand(first, "Tester", email, null, null, null, null, CustomerSource.OTHER, null,
                false);
    }

    private record Outcome(CustomerView view, String conflictCode, String existingId) {
        boolean succeeded() {
            return view != null;
        }
    }

    private interface Task {
        Callable<CustomerView> of(int index);
    }

    private static List<Outcome> runTogether(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<CustomerView> work = task.of(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new Outcome(work.call(), null, null);
                    } catch (ConflictException e) {
                        return new Outcome(null, e.code(), e.existingId().orElse(null));
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
