package org.crmkit.core.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics every use case shares, so that each service reads top to bottom: validate the command, authorize
 * the actor, run in one transaction, audit in that transaction, publish events after commit. A refused call is
 * audited as {@link AuditOutcome#DENIED} in a transaction of its own (the refused work itself is rolled back).
 *
 * <p>Internal to crmkit's services; hosts do not need it.
 */
public final class UseCaseSupport {
    private static final Logger LOG = LoggerFactory.getLogger(UseCaseSupport.class);

    private final Clock clock;
    private final CommandValidator validator;
    private final AccessPolicy policy;
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final EventPublisher publisher;

    /**
     * @param clock      the injected time source
     * @param validator  checks commands
     * @param policy     decides access
     * @param unitOfWork runs transactions
     * @param auditLog   receives audit entries
     * @param publisher  receives committed events
     */
    public UseCaseSupport(Clock clock, CommandValidator validator, AccessPolicy policy, UnitOfWork unitOfWork,
                          AuditLog auditLog, EventPublisher publisher) {
        this.clock = clock;
        this.validator = validator;
        this.policy = policy;
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.publisher = publisher;
    }

    /** @return the injected clock */
    public Clock clock() {
        return clock;
    }

    /** @return the current instant, truncated to microseconds (what the storage keeps) */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param actor   the caller; must not be null
     * @param command the command; checked with Jakarta Validation
     * @throws InvalidCommandException naming every bad field
     */
    public void validate(Actor actor, Object command) {
        if (actor == null) {
            throw new InvalidCommandException(List.of(new FieldError("actor", "must not be null")));
        }
        validator.check(command);
    }

    /**
     * Runs a use case in one transaction and audits a refusal after its rollback.
     *
     * @param work the use case body
     * @param <T>  result type
     * @return the result
     */
    public <T> T transaction(Supplier<T> work) {
        try {
            return unitOfWork.inTransaction(work);
        } catch (AccessDeniedException denied) {
            unitOfWork.inTransaction(() -> auditLog.append(AuditEntry.of(clock, denied.actor(), denied.action(),
                    denied.targetType(), denied.targetId(), AuditOutcome.DENIED)));
            LOG.info("denied {} to {} on {} {}", denied.action(), denied.actor().describe(), denied.targetType(),
                    denied.targetId());
            throw denied;
        }
    }

    /**
     * @param actor      the caller
     * @param permission what the use case needs
     * @param owner      the customer the target belongs to, if any
     * @param action     the audited action name
     * @param targetType the kind of target
     * @param targetId   the target's id, or {@code null}
     * @throws AccessDeniedException when the policy refuses
     */
    public void authorize(Actor actor, Permission permission, Optional<CustomerId> owner, String action,
                          String targetType, UUID targetId) {
        if (!policy.permits(actor, permission, owner)) {
            throw new AccessDeniedException(actor, permission, action, targetType, targetId);
        }
    }

    /**
     * Appends a success entry to the audit trail, inside the current transaction.
     *
     * @param actor      the caller
     * @param action     the action name
     * @param targetType the kind of target
     * @param targetId   the target's id
     */
    public void audit(Actor actor, String action, String targetType, UUID targetId) {
        auditLog.append(AuditEntry.of(clock, actor, action, targetType, targetId, AuditOutcome.SUCCESS));
    }

    /**
     * Hands events to the publisher once the current transaction has committed; never after a rollback.
     *
     * @param events the events an aggregate recorded
     */
    public void publishAfterCommit(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEvent> copy = List.copyOf(events);
        unitOfWork.afterCommit(() -> copy.forEach(event -> {
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                LOG.warn("event publisher failed on {}; the committed work stands", event.getClass().getSimpleName(), e);
            }
        }));
    }
}
