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
     * @return whether a call of {@link #inTransaction} made now would begin a transaction of its own, which this unit
     *         of work commits or rolls back by itself: not inside another transaction on this thread (the call would
     *         join it), and not when the host manages the transactions. A use case that must roll back part of its
     *         work and carry on (a bulk import's failed batch) refuses to run otherwise. Default: {@code true}.
     */
    default boolean startsOwnTransaction() {
        return true;
    }

    /**
     * Runs work that makes a series of transactions (a bulk import's batches) on what the adapter can keep between
     * them: a database adapter keeps one connection, its session settings and its prepared statements, where every
     * transaction would otherwise borrow a connection of its own. Each {@link #inTransaction} inside is still a
     * transaction of its own, committed or rolled back when it ends, its after-commit actions run after its own
     * commit. What is kept is held while the work runs between two transactions (so that work should be short: a
     * database adapter hands back a connection left idle for long, see {@code ThreadBoundUnitOfWork}). Calls nest
     * (an inner call joins the outer series), and inside a transaction the work simply runs in it. Default: the work
     * runs as it is.
     *
     * @param work the work
     * @param <T>  the result type
     * @return what the work returned
     */
    default <T> T inSeries(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs read-only work that tolerates data a little behind the latest commits (a report, a dashboard's figures):
     * an adapter may run it on a read replica, so it may miss what was committed in the last moments (how long
     * depends on the replica's lag, see {@code docs/scaling.md}). Inside a transaction it simply runs in that
     * transaction, so a read inside a write always sees the write's own data. Work that writes must not run here:
     * crmkit's adapters refuse a write inside it with an {@link IllegalStateException}, whether or not a replica is
     * configured. Nested {@link #inTransaction} calls join it (they read). Default: an ordinary transaction.
     *
     * @param work read-only work
     * @param <T>  the result type
     * @return what the work returned
     */
    default <T> T inStaleTolerantRead(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * @param action run after the current transaction commits; dropped if it rolls back
     * @throws IllegalStateException outside a transaction
     */
    void afterCommit(Runnable action);
}
