package org.crmkit.core.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every aggregate root shares: its version for optimistic locking and the events it recorded since it was
 * loaded. A repository stores an aggregate only if the stored version is still the one it was loaded at, then calls
 * {@link #recordStored()}; a use case publishes {@link #pullEvents()} after commit.
 */
public abstract class AggregateRoot {
    private final String type;
    private long version;
    private final List<DomainEvent> events = new ArrayList<>();

    /**
     * @param type    the kind of aggregate, as named in errors ({@code "staff"}, {@code "department"}, ...)
     * @param version the stored version it was loaded at, 0 when new
     */
    protected AggregateRoot(String type, long version) {
        this.type = Objects.requireNonNull(type, "type");
        this.version = version;
    }

    /** @return the aggregate's id, as named in errors */
    protected abstract Object identity();

    /**
     * Fails unless the caller read the current version.
     *
     * @param expected the version the caller read
     * @throws ConflictException ({@code stale_version}) when it is not the current one
     */
    public final void requireVersion(long expected) {
        if (expected != version) {
            throw ConflictException.staleVersion(type, identity(), expected);
        }
    }

    /**
     * @return the conflict a repository raises when the stored version is no longer the one this object was loaded
     *         at
     */
    public final ConflictException staleVersion() {
        return ConflictException.staleVersion(type, identity(), version);
    }

    /** Called by a repository once a change is stored: the version moves on by one. */
    public final void recordStored() {
        version++;
    }

    /** @return the stored version this object was loaded at (or 0 when new) */
    public final long version() {
        return version;
    }

    /** @param event an event of a change just made */
    protected final void record(DomainEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    /** @return the events recorded since the last call, and forgets them */
    public final List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }
}
