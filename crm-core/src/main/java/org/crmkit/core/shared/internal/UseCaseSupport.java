package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UnitOfWork;
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
    private final ActorResolver resolver;

    /**
     * @param clock      the injected time source
     * @param validator  checks commands
     * @param policy     decides access
     * @param unitOfWork runs transactions
     * @param auditLog   receives audit entries
     * @param publisher  receives committed events
     * @param resolver   turns the host's actor into the stored one (roles, department, active)
     */
    public UseCaseSupport(Clock clock, CommandValidator validator, AccessPolicy policy, UnitOfWork unitOfWork,
                          AuditLog auditLog, EventPublisher publisher, ActorResolver resolver) {
        this.clock = clock;
        this.validator = validator;
        this.policy = policy;
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.publisher = publisher;
        this.resolver = resolver;
    }

    /** @return the injected clock */
    public Clock clock() {
        return clock;
    }

    /** @return whether a use case called now runs in a transaction of its own (see {@link UnitOfWork#startsOwnTransaction}) */
    public boolean startsOwnTransaction() {
        return unitOfWork.startsOwnTransaction();
    }

    /**
     * @param work a series of transactions (see {@link UnitOfWork#inSeries})
     * @param <T>  the result type
     * @return what the work returned
     */
    public <T> T series(Supplier<T> work) {
        return unitOfWork.inSeries(work);
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
     * Validates a command like {@link #validate(Actor, Object)} and converts and checks its fields (into value objects,
     * rules between fields, lookups), naming every bad field of both steps in one {@link InvalidCommandException} (a
     * field refused by both is named once). A missing actor or command is refused at once. The conversion runs even
     * when the validation failed, so it must accept the {@code null}s of refused fields; it takes each field through
     * {@link FieldChecks#attempt} to go on after a refusal, or throws {@link InvalidValueException} (one field) or
     * {@link InvalidCommandException} (several) to stop.
     *
     * @param actor      the caller
     * @param command    the command
     * @param conversion converts and checks the command's fields
     * @param <T>        what the conversion returns
     * @return the conversion's result, when nothing was refused
     * @throws InvalidCommandException naming every bad field
     */
    public <T> T validate(Actor actor, Object command, java.util.function.Function<FieldChecks, T> conversion) {
        List<FieldError> errors = new java.util.ArrayList<>();
        try {
            validate(actor, command);
        } catch (InvalidCommandException invalid) {
            if (actor == null || command == null) {
                throw invalid;
            }
            errors.addAll(invalid.errors());
        }
        FieldChecks checks = new FieldChecks();
        T value = checks.attempt(() -> conversion.apply(checks));
        java.util.Set<String> named = new java.util.HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        checks.errors().stream().filter(e -> named.add(e.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return value;
    }

    /**
     * Converts one field of a command through its value object, reporting a refusal like every other bad field of a
     * command: as an {@link InvalidCommandException} naming the field.
     *
     * @param conversion builds the value object
     * @param <T>        its type
     * @return the value
     */
    public static <T> T commandField(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            throw new InvalidCommandException(List.of(new FieldError(e.field(), e.reason())));
        }
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
     * Resolves the actor (a staff user's stored roles and department; unknown or deactivated staff are refused) and
     * asks the policy about one record. Call inside {@link #transaction}.
     *
     * @param actor      the caller
     * @param permission what the use case needs
     * @param target     whose record it is ({@link AccessTarget#none()} for creations)
     * @param action     the audited action name
     * @param targetType the kind of target
     * @param targetId   the target's id, or {@code null}
     * @return the resolved actor
     * @throws AccessDeniedException when the policy refuses
     */
    public Actor authorize(Actor actor, Permission permission, AccessTarget target, String action,
                           String targetType, UUID targetId) {
        Actor resolved = resolve(actor, permission, action, targetType, targetId);
        if (!policy.permits(resolved, permission, target)) {
            throw new AccessDeniedException(actor, permission, action, targetType, targetId);
        }
        return resolved;
    }

    /**
     * Like {@link #authorize}, for a record with several owners (a task belongs to its assignee and to its creator):
     * allowed when the policy permits the call on any one of the targets. Call inside {@link #transaction}.
     *
     * @param actor      the caller
     * @param permission what the use case needs
     * @param targets    the record seen as each of its owners' record; at least one
     * @param action     the audited action name
     * @param targetType the kind of target
     * @param targetId   the target's id, or {@code null}
     * @return the resolved actor
     * @throws AccessDeniedException when the policy refuses every target
     */
    public Actor authorizeAny(Actor actor, Permission permission, List<AccessTarget> targets, String action,
                              String targetType, UUID targetId) {
        Actor resolved = resolve(actor, permission, action, targetType, targetId);
        if (targets.stream().noneMatch(target -> policy.permits(resolved, permission, target))) {
            throw new AccessDeniedException(actor, permission, action, targetType, targetId);
        }
        return resolved;
    }

    /**
     * Resolves the actor and asks the policy how far a grant reaches, for use cases over many records (searches,
     * lists) that narrow their results by it. Call inside {@link #transaction}.
     *
     * @param actor      the caller
     * @param permission what the use case needs
     * @param action     the audited action name
     * @param targetType the kind of records
     * @return the resolved actor and a scope other than {@link AccessScope#NONE}
     * @throws AccessDeniedException when the policy grants nothing
     */
    public Grant authorizeScope(Actor actor, Permission permission, String action, String targetType) {
        Actor resolved = resolve(actor, permission, action, targetType, null);
        AccessScope scope = policy.scope(resolved, permission);
        if (scope == null || scope == AccessScope.NONE) {
            throw new AccessDeniedException(actor, permission, action, targetType, null);
        }
        return new Grant(resolved, scope);
    }

    /**
     * Whether a staff user exists and is active, for use cases that name one as an owner (an account manager, an
     * assignee). Asks the same {@link ActorResolver} that admits staff actors.
     *
     * @param staff the staff user
     * @return whether crmkit would let them act now
     */
    public boolean isActiveStaff(StaffId staff) {
        return resolve(new Actor.Staff(staff, java.util.Set.of())).isPresent();
    }

    /**
     * @param claimed an actor as a host or a stored account names it
     * @return the actor crmkit would let act now (stored roles and department), or empty when it would refuse it
     */
    public Optional<Actor> resolve(Actor claimed) {
        return resolver.resolve(claimed);
    }

    /**
     * @param resolved   an actor returned by {@link #authorize} or {@link #authorizeScope}
     * @param permission a permission
     * @return how far the policy grants it to that actor
     */
    public AccessScope scopeOf(Actor resolved, Permission permission) {
        return policy.scope(resolved, permission);
    }

    private Actor resolve(Actor actor, Permission permission, String action, String targetType, UUID targetId) {
        return resolver.resolve(actor)
                .orElseThrow(() -> new AccessDeniedException(actor, permission, action, targetType, targetId));
    }

    /**
     * What {@link #authorizeScope} found.
     *
     * @param actor the resolved actor
     * @param scope how far the grant reaches
     */
    public record Grant(Actor actor, AccessScope scope) {
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
     * A success entry for the audit trail, made now but appended later with {@link #audit(List)}: for bulk use cases
     * that append a transaction's entries together.
     *
     * @param actor      the caller
     * @param action     the action name
     * @param targetType the kind of target
     * @param targetId   the target's id
     * @return the entry
     */
    public AuditEntry auditEntry(Actor actor, String action, String targetType, UUID targetId) {
        return AuditEntry.of(clock, actor, action, targetType, targetId, AuditOutcome.SUCCESS);
    }

    /**
     * Appends entries made with {@link #auditEntry} to the audit trail together, inside the current transaction.
     *
     * @param entries the entries, in their order
     */
    public void audit(List<AuditEntry> entries) {
        if (!entries.isEmpty()) {
            auditLog.appendAll(entries);
        }
    }

    /**
     * Runs an action once the current transaction has committed (a notification that must not go out for work that
     * was rolled back). A failing action is logged; the committed work stands.
     *
     * @param what   what the action is, for the log (no personal data)
     * @param action the action
     */
    public void afterCommit(String what, Runnable action) {
        unitOfWork.afterCommit(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed after commit; the committed work stands", what, e);
            }
        });
    }

    /**
     * The middle of every state change, inside its transaction once the aggregate is loaded and the caller
     * authorized: check the version the caller read, apply the domain call, and when it changed anything, store the
     * aggregate, audit the change and publish its events after commit. A call that changes nothing writes nothing.
     *
     * @param actor           the caller
     * @param action          the audited action name
     * @param targetType      the kind of aggregate
     * @param targetId        its id
     * @param aggregate       the loaded aggregate
     * @param expectedVersion the version the caller read, or {@code null} to skip the check
     * @param domainCall      the change
     * @param store           stores the changed aggregate (the repository's optimistic update)
     * @param <A>             the aggregate type
     */
    public <A extends AggregateRoot> void applyChange(Actor actor, String action, String targetType, UUID targetId,
                                                      A aggregate, Long expectedVersion,
                                                      java.util.function.Consumer<A> domainCall,
                                                      java.util.function.Consumer<A> store) {
        if (expectedVersion != null) {
            aggregate.requireVersion(expectedVersion);
        }
        domainCall.accept(aggregate);
        List<DomainEvent> events = aggregate.pullEvents();
        if (!events.isEmpty()) {
            store.accept(aggregate);
            audit(actor, action, targetType, targetId);
            publishAfterCommit(events);
        }
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
