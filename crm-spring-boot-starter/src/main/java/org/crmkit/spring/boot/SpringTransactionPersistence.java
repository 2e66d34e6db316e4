package org.crmkit.spring.boot;

import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The adapter built with {@code hostManagedTransactions()} on a {@code TransactionAwareDataSourceProxy}, plus one
 * guarantee that mode leaves to the host: a crmkit transaction begun while no Spring transaction is active runs in
 * one of its own (propagation REQUIRED), so a call from code without {@code @Transactional}, such as a scheduled
 * job, is still atomic. Inside the application's transaction crmkit simply joins it and never marks it
 * rollback-only, so a host may commit after catching crmkit's exception (as it must after
 * {@code AuthenticationFailedException}). When the transaction is crmkit's own, a failed commit reaches the caller
 * under crmkit's codes ({@code outcome_unknown} for a lost connection, {@code concurrent_write} for a deadlock or a
 * refused certification), not as Spring's exception; a failed commit of the application's own transaction is the
 * application's, and {@code MyBatisCrmPersistence.translateCommitFailure} translates it the same way.
 */
final class SpringTransactionPersistence implements CrmPersistence {
    private final CrmPersistence adapter;
    private final UnitOfWork unitOfWork;

    SpringTransactionPersistence(CrmPersistence adapter, TransactionTemplate transactions) {
        this.adapter = adapter;
        this.unitOfWork = new SpringUnitOfWork(adapter.unitOfWork(), transactions);
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return adapter.port(type);
    }

    private record SpringUnitOfWork(UnitOfWork adapter, TransactionTemplate transactions) implements UnitOfWork {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return adapter.inTransaction(work);
            }
            try {
                return transactions.execute(status -> adapter.inTransaction(work));
            } catch (CannotCreateTransactionException e) {
                throw new PersistenceFailureException("could not begin a transaction (" + e.getClass().getSimpleName()
                        + "); nothing was written", null);
            } catch (TransactionException | DataAccessException e) {
                // what Spring's commit threw: crmkit's codes, as crmkit's own commit gives them
                throw MyBatisCrmPersistence.translateCommitFailure(e);
            }
        }

        /**
         * Inside the application's transaction a report reads there (it may have written what the report must
         * show); otherwise as the adapter reads reports, in a Spring transaction as every other crmkit call.
         */
        @Override
        public <T> T inStaleTolerantRead(Supplier<T> work) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return adapter.inTransaction(work);
            }
            return transactions.execute(status -> adapter.inStaleTolerantRead(work));
        }

        @Override
        public boolean startsOwnTransaction() {
            return adapter.startsOwnTransaction();
        }

        @Override
        public <T> T inSeries(Supplier<T> work) {
            return adapter.inSeries(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            adapter.afterCommit(action);
        }
    }
}
