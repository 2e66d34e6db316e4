package org.crmkit.core.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.crmkit.core.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional unit of work for in-memory stores. Transactions run one at a time (a fair lock: the in-memory
 * adapter favours being obviously correct over throughput); every write registers how to undo itself, and a
 * transaction that throws is undone in reverse order. After-commit actions run once the lock is released.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryUnitOfWork.class);

    private final ReentrantLock lock = new ReentrantLock(true);
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    private static final class Transaction {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transaction tx = new Transaction();
        T result;
        lock.lock();
        try {
            current.set(tx);
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                while (!tx.undo.isEmpty()) {
                    tx.undo.pop().run();
                }
                throw e;
            }
        } finally {
            current.remove();
            lock.unlock();
        }
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed; the committed work stands", e);
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        tx.afterCommit.add(action);
    }

    /**
     * Registers how to undo a write of the current transaction. Stores call it for every change.
     *
     * @param undo restores the state before the write
     */
    void onRollback(Runnable undo) {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("write outside a transaction");
        }
        tx.undo.push(undo);
    }
}
