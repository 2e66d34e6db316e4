package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.customer.domain.Customer;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.junit.jupiter.api.Test;

/** What every {@link org.crmkit.core.shared.UnitOfWork} must do: commit keeps, rollback leaves nothing. */
public abstract class UnitOfWorkContract extends PortContract {
    @Test
    void commitKeepsEveryWriteAndRunsAfterCommitActions() {
        Customer customer = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        persistence.unitOfWork().inTransaction(() -> {
            persistence.customers().add(customer);
            persistence.auditLog().append(entry(customer));
            persistence.unitOfWork().afterCommit(() -> published.add("event"));
            assertThat(published).as("not before commit").isEmpty();
        });
        assertThat(published).containsExactly("event");
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.customers().findById(customer.id())))
                .isPresent();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(1);
    }

    @Test
    void anExceptionRollsBackEveryWriteAndPublishesNothing() {
        Customer customer = CustomerFixtures.aCustomer().build();
        List<String> published = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            persistence.customers().add(customer);
            persistence.auditLog().append(entry(customer));
            persistence.unitOfWork().afterCommit(() -> published.add("event"));
            throw failure;
        })).isSameAs(failure);
        assertThat(published).isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.customers().findById(customer.id())))
                .isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isZero();
    }

    @Test
    void aNestedCallJoinsTheOuterTransaction() {
        Customer customer = CustomerFixtures.aCustomer().build();
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            persistence.unitOfWork().inTransaction(() -> persistence.customers().add(customer));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.customers().findById(customer.id())))
                .isEmpty();
    }

    @Test
    void anUpdateUndoneByRollbackLeavesTheStoredState() {
        Customer customer = CustomerFixtures.aCustomer().build();
        persistence.unitOfWork().inTransaction(() -> persistence.customers().add(customer));
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            Customer loaded = persistence.customers().findById(customer.id()).orElseThrow();
            loaded.deactivate(CustomerFixtures.T0);
            persistence.customers().update(loaded);
            throw new IllegalStateException("after update");
        })).isInstanceOf(IllegalStateException.class);
        Customer stored = persistence.unitOfWork().inTransaction(() -> persistence.customers().findById(customer.id()))
                .orElseThrow();
        assertThat(stored.snapshot()).isEqualTo(customer.snapshot());
    }

    @Test
    void aCheckedExceptionThrownSneakilyRollsBackToo() {
        Customer customer = CustomerFixtures.aCustomer().build();
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            persistence.customers().add(customer);
            throw UnitOfWorkContract.<RuntimeException>sneaky(new java.io.IOException("checked"));
        })).isInstanceOf(java.io.IOException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.customers().findById(customer.id())))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
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
