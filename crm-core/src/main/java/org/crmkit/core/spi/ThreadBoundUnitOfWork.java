package org.crmkit.core.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics every {@link UnitOfWork} of crmkit shares, for adapters to extend: one transaction bound to the
 * calling thread, begun by the outermost {@link #inTransaction} and joined by nested calls; committed when the work
 * returns, rolled back when it (or the commit) throws, its state always ended; after-commit actions run once the
 * transaction has committed (and its state ended, outside a series) and never after a rollback, a failing action
 * being logged without undoing the committed work.
 *
 * <p>An adapter whose state can carry one transaction after another (a session on one connection) says so with
 * {@link #keepsStateBetweenTransactions}; then the transactions of an {@link #inSeries} share one state, begun with
 * the first of them and ended with the series, with a rollback (the next transaction begins a fresh one, so nothing
 * of a failed transaction is carried on), or when it was kept idle longer than {@link #maxIdleBetweenTransactions}
 * (the work between two transactions took long: a slow reader, a slow callback; a connection left idle that long
 * is handed back rather than trusted).
 *
 * <p>{@link #inStaleTolerantRead} begins its transaction with {@link #beginStaleTolerantRead} (an adapter with a
 * read replica opens it there) and marks it read-only: the adapter refuses writes while
 * {@link #inStaleTolerantReadNow} holds. Inside any transaction it joins that transaction instead, so the reads of a
 * write never leave the write's own transaction.
 *
 * @param <S> the adapter's transaction state (a session, an undo log)
 */
public abstract class ThreadBoundUnitOfWork<S> implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBoundUnitOfWork.class);

    private final ThreadLocal<Transaction<S>> current = new ThreadLocal<>();
    /** The state an {@link #inSeries} keeps between its transactions; absent outside a series. */
    private final ThreadLocal<Series<S>> series = new ThreadLocal<>();

    /** For an adapter's subclass. */
    protected ThreadBoundUnitOfWork() {
    }

    private static final class Series<S> {
        /** The state of the series' last committed transaction while no transaction uses it, else {@code null}. */
        private S kept;
        /** When it was kept ({@link System#nanoTime}). */
        private long keptAt;
    }

    private static final class Transaction<S> {
        private final S state;
        /** Begun by {@link #inStaleTolerantRead}: read-only, possibly on a replica. */
        private final boolean staleTolerantRead;
        private final List<Runnable> afterCommit = new ArrayList<>();

        private Transaction(S state, boolean staleTolerantRead) {
            this.state = state;
            this.staleTolerantRead = staleTolerantRead;
        }
    }

    /** @return the state of a new transaction; once this returns, {@link #end} is called exactly once */
    protected abstract S begin();

    /**
     * @return the state of a new read-only transaction begun by {@link #inStaleTolerantRead}, which may lag behind
     *         the latest commits (a session on a read replica); committed, rolled back and ended as any other. The
     *         default is {@link #begin()}: the reads see what an ordinary transaction would
     */
    protected S beginStaleTolerantRead() {
        return begin();
    }

    /**
     * @return whether the current thread's transaction was begun by {@link #inStaleTolerantRead}, where the adapter
     *         must refuse to write (a nested {@link #inTransaction} joins such a transaction)
     * @throws IllegalStateException outside a transaction
     */
    protected final boolean inStaleTolerantReadNow() {
        Transaction<S> tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return tx.staleTolerantRead;
    }

    /** @param state the transaction to make durable; an exception here rolls it back */
    protected abstract void commit(S state);

    /** @param state the transaction to undo; should not throw */
    protected abstract void rollback(S state);

    /** @param state the transaction that was committed or rolled back; releases what {@link #begin} took */
    protected void end(S state) {
    }

    /**
     * @return the state of the current thread's transaction
     * @throws IllegalStateException outside a transaction
     */
    protected final S currentState() {
        Transaction<S> tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return tx.state;
    }

    @Override
    public final <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Series<S> run = series.get();
        S state = run == null ? null : run.kept;
        if (state != null) {
            run.kept = null;
            if (System.nanoTime() - run.keptAt > maxIdleBetweenTransactions().toNanos()) {
                end(state);
                state = null;
            }
        }
        if (state == null) {
            state = begin();
        }
        return run(new Transaction<>(state, false), run, work);
    }

    /**
     * Runs read-only work in a transaction of {@link #beginStaleTolerantRead}, never one kept by a series; inside a
     * transaction it runs in that one (a read inside a write reads what the write sees).
     */
    @Override
    public final <T> T inStaleTolerantRead(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return run(new Transaction<>(beginStaleTolerantRead(), true), null, work);
    }

    /** Runs the work in the begun transaction, commits or rolls back, ends or keeps its state, runs after-commits. */
    private <T> T run(Transaction<S> tx, Series<S> run, Supplier<T> work) {
        T result;
        boolean keep = false;
        try {
            current.set(tx);
            try {
                result = work.get();
                commit(tx.state);
                keep = run != null;
            } catch (Throwable e) {
                // Throwable, not only unchecked ones: a checked exception thrown sneakily must roll back too
                rollback(tx.state);
                throw e;
            }
        } finally {
            current.remove();
            if (keep) {
                run.kept = tx.state;
                run.keptAt = System.nanoTime();
            } else {
                end(tx.state);
            }
        }
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the class only: the action's message may quote personal data
                LOG.warn("after-commit action failed ({}); the committed work stands", e.getClass().getName());
            }
        }
        return result;
    }

    /**
     * Runs a series of transactions; when the adapter {@link #keepsStateBetweenTransactions keeps state}, they share
     * one state (see the class's description). Inside a transaction or another series the work just runs.
     */
    @Override
    public final <T> T inSeries(Supplier<T> work) {
        if (current.get() != null || series.get() != null || !keepsStateBetweenTransactions()) {
            return work.get();
        }
        Series<S> run = new Series<>();
        series.set(run);
        try {
            return work.get();
        } finally {
            series.remove();
            if (run.kept != null) {
                end(run.kept);
            }
        }
    }

    /**
     * @return whether a committed transaction's state can carry the next transaction of a series ({@link #commit}
     *         leaves it ready for more work); the default is {@code false}: every transaction begins and ends its own
     */
    protected boolean keepsStateBetweenTransactions() {
        return false;
    }

    /**
     * @return how long a series keeps a state no transaction uses; the next transaction after a longer pause begins
     *         a fresh one. Default: one second (a batch's own work between its transactions takes milliseconds)
     */
    protected Duration maxIdleBetweenTransactions() {
        return Duration.ofSeconds(1);
    }

    @Override
    public final boolean startsOwnTransaction() {
        return current.get() == null && controlsTransactions();
    }

    /**
     * @return whether {@link #commit} and {@link #rollback} really end the transaction; {@code false} when the host
     *         owns it and they only hand it back (the default is {@code true})
     */
    protected boolean controlsTransactions() {
        return true;
    }

    @Override
    public final void afterCommit(Runnable action) {
        Transaction<S> tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        tx.afterCommit.add(action);
    }
}
