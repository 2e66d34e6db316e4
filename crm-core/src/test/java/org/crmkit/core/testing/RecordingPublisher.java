package org.crmkit.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.shared.UnitOfWork;

/**
 * Keeps every published event and notes whether a transaction of the watched unit of work was still open when it
 * arrived (probed with {@link UnitOfWork#afterCommit}, which is refused outside a transaction).
 */
public final class RecordingPublisher implements EventPublisher {
    private final List<DomainEvent> events = new ArrayList<>();
    private final List<Boolean> insideTransaction = new ArrayList<>();
    private UnitOfWork watched;
    private Consumer<DomainEvent> onPublish = event -> { };

    /** @param unitOfWork the unit of work whose transactions are probed on every event */
    public void watch(UnitOfWork unitOfWork) {
        this.watched = unitOfWork;
    }

    /** @param action also run for every event, after it is recorded (to look at the store as it is then) */
    public void onPublish(Consumer<DomainEvent> action) {
        this.onPublish = action;
    }

    @Override
    public synchronized void publish(DomainEvent event) {
        events.add(event);
        insideTransaction.add(watched != null && transactionOpen());
        onPublish.accept(event);
    }

    private boolean transactionOpen() {
        try {
            watched.afterCommit(() -> { });
            return true;
        } catch (IllegalStateException outside) {
            return false;
        }
    }

    public synchronized List<DomainEvent> events() {
        return List.copyOf(events);
    }

    /** @return for every event, whether it arrived while a transaction was open */
    public synchronized List<Boolean> insideTransaction() {
        return List.copyOf(insideTransaction);
    }

    public synchronized void clear() {
        events.clear();
        insideTransaction.clear();
    }
}
