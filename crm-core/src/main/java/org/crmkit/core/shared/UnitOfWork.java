package org.crmkit.core.shared;

import java.util.function.Supplier;

/**
 * Runs work as one transaction: everything written inside is kept when the work returns and nothing is kept when it
 * throws. Calls nest: an inner call joins the outer transaction. Actions registered with {@link #afterCommit} run
 * once the outermost transaction has committed, and never after a rollback.
 */
public interface UnitOfWork {

    /**
     * @param work the work; its exception rolls the transaction back and is rethrown (persistence errors as
     *             {@link PersistenceFailureException} or {@link ConflictException})
     * @param <T>  the result type
     * @return what the work returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * @param work work without a result
     */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * @param action run after the current transaction commits; dropped if it rolls back
     * @throws IllegalStateException outside a transaction
     */
    void afterCommit(Runnable action);
}
