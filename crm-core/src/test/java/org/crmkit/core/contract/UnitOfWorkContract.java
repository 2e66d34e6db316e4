package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UnitOfWork} must do: commit keeps, rollback leaves nothing, the transactions of a series
 * ({@link UnitOfWork#inSeries}) are transactions of their own, and a stale-tolerant read
 * ({@link UnitOfWork#inStaleTolerantRead}) reads inside a transaction and never writes.
 */
public abstract class UnitOfWorkContract extends PortContract {
    @Test
    void commitKeepsEveryWriteAndRunsAfterCommitActions() {
        Customer customer = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        persistence.unitOfWork().inTransaction(() -> {
            new CustomerStore(persistence.customers()).add(customer);
            persistence.auditLog().append(entry(customer));
            persistence.unitOfWork().afterCommit(() -> published.add("event"));
            assertThat(published).as("not before commit").isEmpty();
        });
        assertThat(published).containsExactly("event");
        assertThat(persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).findById(customer.id())))
                .isPresent();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(1);
    }

    @Test
    void anExceptionRollsBackEveryWriteAndPublishesNothing() {
        Customer customer = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            new CustomerStore(persistence.customers()).add(customer);
            persistence.auditLog().append(entry(customer));
            persistence.unitOfWork().afterCommit(() -> published.add("event"));
            throw failure;
        })).isSameAs(failure);
        assertThat(published).isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).findById(customer.id())))
                .isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isZero();
    }

    @Test
    void aNestedCallJoinsTheOuterTransaction() {
        Customer customer = CustomerFixtures.aCustomer().build();
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).findById(customer.id())))
                .isEmpty();
    }

    @Test
    void anUpdateUndoneByRollbackLeavesTheStoredState() {
        Customer customer = CustomerFixtures.aCustomer().build();
        persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            Customer loaded = new CustomerStore(persistence.customers()).findById(customer.id()).orElseThrow();
            loaded.deactivate(CustomerFixtures.T0);
            new CustomerStore(persistence.customers()).update(loaded);
            throw new IllegalStateException("after update");
        })).isInstanceOf(IllegalStateException.class);
        Customer stored = persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).findById(customer.id()))
                .orElseThrow();
        assertThat(stored.snapshot()).isEqualTo(customer.snapshot());
    }

    @Test
    void aCheckedExceptionThrownSneakilyRollsBackToo() {
        Customer customer = CustomerFixtures.aCustomer().build();
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            new CustomerStore(persistence.customers()).add(customer);
            throw UnitOfWorkContract.<RuntimeException>sneaky(new java.io.IOException("checked"));
        })).isInstanceOf(java.io.IOException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).findById(customer.id())))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void theTransactionsOfASeriesCommitAndRollBackEachOnItsOwn() {
        Customer first = CustomerFixtures.aCustomer().build();
        Customer failed = CustomerFixtures.aCustomer().build();
        Customer last = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        UnitOfWork unitOfWork = persistence.unitOfWork();
        unitOfWork.inSeries(() -> {
            assertThat(unitOfWork.startsOwnTransaction()).as("a series is no transaction").isTrue();
            unitOfWork.inTransaction(() -> {
                new CustomerStore(persistence.customers()).add(first);
                unitOfWork.afterCommit(() -> published.add("first"));
            });
            assertThat(published).as("after its own commit, not the series' end").containsExactly("first");
            assertThat(readElsewhere(first)).as("committed: another thread sees it while the series goes on")
                    .isPresent();
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
                new CustomerStore(persistence.customers()).add(failed);
                unitOfWork.afterCommit(() -> published.add("failed"));
                throw new IllegalStateException("this batch fails");
            })).hasMessage("this batch fails");
            unitOfWork.inTransaction(() -> {
                assertThat(new CustomerStore(persistence.customers()).findById(failed.id())).as("rolled back").isEmpty();
                new CustomerStore(persistence.customers()).add(last);
                unitOfWork.afterCommit(() -> published.add("last"));
            });
            return null;
        });
        assertThat(published).containsExactly("first", "last");
        assertThat(readElsewhere(first)).isPresent();
        assertThat(readElsewhere(failed)).isEmpty();
        assertThat(readElsewhere(last)).isPresent();
    }

    @Test
    void aSeriesInsideATransactionRunsInIt() {
        Customer customer = CustomerFixtures.aCustomer().build();
        UnitOfWork unitOfWork = persistence.unitOfWork();
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            unitOfWork.inSeries(() -> {
                unitOfWork.inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
                return null;
            });
            assertThat(unitOfWork.startsOwnTransaction()).isFalse();
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(readElsewhere(customer)).as("joined the outer transaction, rolled back with it").isEmpty();
    }

    @Test
    void aSeriesWhoseWorkThrowsKeepsWhatItsTransactionsCommitted() {
        Customer customer = CustomerFixtures.aCustomer().build();
        UnitOfWork unitOfWork = persistence.unitOfWork();
        assertThatThrownBy(() -> unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
            throw new IllegalStateException("between transactions");
        })).hasMessage("between transactions");
        assertThat(readElsewhere(customer)).isPresent();
        assertThat(unitOfWork.inTransaction(() -> persistence.auditLog().count()))
                .as("the unit of work goes on after the series").isZero();
    }

    /** Reads a customer in a transaction of another thread. */
    private Optional<Customer> readElsewhere(Customer customer) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> persistence.unitOfWork().inTransaction(
                    () -> new CustomerStore(persistence.customers()).findById(customer.id()))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aStaleTolerantReadSeesWhatWasCommitted() {
        Customer customer = CustomerFixtures.aCustomer().build();
        persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
        assertThat(persistence.unitOfWork().inStaleTolerantRead(
                () -> new CustomerStore(persistence.customers()).findById(customer.id())))
                .as("one store, no replica: nothing to lag behind").isPresent();
    }

    @Test
    void aStaleTolerantReadInsideATransactionReadsThatTransaction() {
        Customer customer = CustomerFixtures.aCustomer().build();
        UnitOfWork unitOfWork = persistence.unitOfWork();
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            new CustomerStore(persistence.customers()).add(customer);
            assertThat(unitOfWork.inStaleTolerantRead(
                    () -> new CustomerStore(persistence.customers()).findById(customer.id())))
                    .as("a read inside a write sees the write's own, uncommitted row").isPresent();
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(readElsewhere(customer)).isEmpty();
    }

    @Test
    void aWriteInsideAStaleTolerantReadIsRefusedAndLeavesNothing() {
        Customer customer = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        assertThatThrownBy(() -> persistence.unitOfWork().inStaleTolerantRead(() -> {
            persistence.unitOfWork().afterCommit(() -> published.add("event"));
            new CustomerStore(persistence.customers()).add(customer);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("stale-tolerant read");
        assertThat(readElsewhere(customer)).isEmpty();
        assertThat(published).isEmpty();
        assertThatThrownBy(() -> persistence.unitOfWork().inStaleTolerantRead(() -> {
            persistence.auditLog().append(entry(customer));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isZero();
    }

    @Test
    void afterCommitOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> persistence.unitOfWork().afterCommit(() -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static AuditEntry entry(Customer customer) {
        UUID id = customer.id().value();
        return AuditEntry.of(Clock.systemUTC(), Actor.system("test"), "customer.register", "customer", id,
                AuditOutcome.SUCCESS);
    }
}
