package org.crmkit.core.internal.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.crmkit.core.spi.ThreadBoundUnitOfWork;

/**
 * A transactional unit of work for in-memory stores. Transactions run one at a time (a fair lock: the in-memory
 * adapter favours being obviously correct over throughput); every write registers how to undo itself, and a
 * transaction that throws is undone in reverse order.
 */
public final class InMemoryUnitOfWork extends ThreadBoundUnitOfWork<Deque<Runnable>> {
    private final ReentrantLock lock = new ReentrantLock(true);

    @Override
    protected Deque<Runnable> begin() {
        lock.lock();
        return new ArrayDeque<>();
    }

    @Override
    protected void commit(Deque<Runnable> undo) {
        undo.clear();
    }

    @Override
    protected void rollback(Deque<Runnable> undo) {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @Override
    protected void end(Deque<Runnable> undo) {
        lock.unlock();
    }

    /**
     * Registers how to undo a write of the current transaction. Stores call it for every change.
     *
     * @param undo restores the state before the write
     */
    void onRollback(Runnable undo) {
        currentState().push(undo);
        if (inStaleTolerantReadNow()) {
            // the same store serves both, but on a database adapter this write would go to a replica: refused, and
            // undone (the stores register the undo after the write) by the rollback this exception causes
            throw new IllegalStateException("a write inside a stale-tolerant read");
        }
    }
}
