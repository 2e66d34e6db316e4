package org.crmkit.core.shared;

/**
 * Hands domain events to the host (a message bus, an outbox, listeners). crmkit calls it only after the transaction
 * that produced the events has committed, never after a rollback. An exception thrown here is logged and does not
 * undo the committed work.
 */
@FunctionalInterface
public interface EventPublisher {
    /** @return a publisher that drops every event */
    static EventPublisher noop() {
        return event -> {
        };
    }

    /** @param event the committed event */
    void publish(DomainEvent event);
}
