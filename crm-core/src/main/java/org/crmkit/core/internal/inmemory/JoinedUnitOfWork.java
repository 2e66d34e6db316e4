package org.crmkit.core.internal.inmemory;

import java.util.Objects;
import java.util.function.Supplier;
import org.crmkit.core.shared.UnitOfWork;

/**
 * The adapter's unit of work with the in-memory one joined to it, for an adapter that leaves some areas in memory:
 * every transaction is the adapter's with the in-memory one inside it, so a failure rolls both back, and the
 * in-memory one commits just before the adapter's. If the adapter's commit itself fails, the in-memory part stays
 * committed: areas left in memory are for tests and areas a host does not use, never for data that must survive.
 */
public final class JoinedUnitOfWork implements UnitOfWork {
    private final UnitOfWork adapter;
    private final UnitOfWork memory;

    /**
     * @param adapter the adapter's unit of work, the outer one
     * @param memory  the in-memory unit of work, run inside it
     */
    public JoinedUnitOfWork(UnitOfWork adapter, UnitOfWork memory) {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return adapter.inTransaction(() -> memory.inTransaction(work));
    }

    @Override
    public <T> T inStaleTolerantRead(Supplier<T> work) {
        return adapter.inStaleTolerantRead(() -> memory.inStaleTolerantRead(work));
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
