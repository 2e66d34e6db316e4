package org.crmkit.spring.boot;

import java.util.Objects;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands crmkit's domain events to Spring as application events (the event record itself is the payload, so an
 * {@code @EventListener} method takes {@code CustomerRegistered} or {@code DomainEvent}), after the Spring transaction
 * commits. With host-managed transactions crmkit publishes when its call returns, inside the application's
 * transaction; this publisher holds each event in a transaction synchronization until that transaction has
 * committed and drops it on rollback. Outside a transaction it publishes at once. A listener's exception is logged
 * and does not reach the committed caller, as crmkit's {@link EventPublisher} contract says.
 */
public final class SpringEventPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SpringEventPublisher.class);

    private final ApplicationEventPublisher publisher;

    /** @param publisher the application context's publisher */
    public SpringEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void publish(DomainEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publishNow(event);
                }
            });
        } else {
            publishNow(event);
        }
    }

    private void publishNow(DomainEvent event) {
        try {
            publisher.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("a listener of {} failed ({}); the committed work stands", event.getClass().getSimpleName(),
                    e.getClass().getName());
        }
    }
}
