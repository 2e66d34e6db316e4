package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.PersistenceFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction crmkit began through Spring whose commit fails: the caller gets crmkit's codes, never Spring's or the
 * driver's exception, and never the driver's message.
 */
class SpringCommitFailureTest {

    @Test
    void aConnectionLostDuringTheCommitIsOutcomeUnknown() {
        SQLException lost = new SQLException("Communications link failure near 'ada@example.com'", "08S01");
        CrmException e = failedCommit(new TransactionSystemException("Could not commit JDBC transaction", lost));

        assertThat(e).isInstanceOf(PersistenceFailureException.class);
        assertThat(e.code()).isEqualTo("outcome_unknown");
        assertThat(e).hasStackTraceContaining("message withheld").satisfies(
                thrown -> assertThat(thrown.toString() + thrown.getCause()).doesNotContain("ada@example.com"));
    }

    @Test
    void aDeadlockAtCommitIsAConcurrentWriteARetryMayResolve() {
        SQLException deadlock = new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        CrmException e = failedCommit(new CannotAcquireLockException("JDBC commit", deadlock));

        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.code()).isEqualTo("concurrent_write");
    }

    @Test
    void aTransactionThatCouldNotBeginSaysNothingWasWritten() {
        AtomicBoolean ran = new AtomicBoolean();
        PlatformTransactionManager noConnection = new FailingManager(null) {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection",
                        new SQLException("Connection refused", "08001"));
            }
        };
        SpringTransactionPersistence persistence = new SpringTransactionPersistence(Crm.inMemoryPersistence(),
                new TransactionTemplate(noConnection));

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> ran.getAndSet(true)))
                .isInstanceOf(PersistenceFailureException.class)
                .hasMessageContaining("nothing was written")
                .satisfies(thrown -> assertThat(((CrmException) thrown).code()).isEqualTo("persistence_failure"));
        assertThat(ran).as("the work never ran").isFalse();
    }

    @Test
    void crmkitsOwnExceptionFromTheWorkPassesUnchanged() {
        ConflictException own = ConflictException.concurrentWrite("customer 1");
        SpringTransactionPersistence persistence = new SpringTransactionPersistence(Crm.inMemoryPersistence(),
                new TransactionTemplate(new FailingManager(null)));

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            throw own;
        })).isSameAs(own);
    }

    private static CrmException failedCommit(RuntimeException commitFailure) {
        SpringTransactionPersistence persistence = new SpringTransactionPersistence(Crm.inMemoryPersistence(),
                new TransactionTemplate(new FailingManager(commitFailure)));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> persistence.unitOfWork().inTransaction(() -> "work done"));
        assertThat(thrown).isInstanceOf(CrmException.class);
        return (CrmException) thrown;
    }

    /** A transaction manager whose commit throws what it was given (nothing when {@code null}). */
    private static class FailingManager implements PlatformTransactionManager {
        private final RuntimeException onCommit;

        FailingManager(RuntimeException onCommit) {
            this.onCommit = onCommit;
        }

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            if (onCommit != null) {
                throw onCommit;
            }
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
