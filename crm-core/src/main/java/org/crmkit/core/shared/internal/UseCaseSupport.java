package org.crmkit.core.shared.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Over 300 lines: the one object every service takes. What could move out has (validation, authorization,
// idempotency keys, the refusals' audit: each a class of its own behind a thin delegate); the rest is one mechanism
// that must stay together, the transaction, the report's read after its authorization and the events after commit,
// plus the delegates' javadoc, which is most of the length.
/**
 * The mechanics every use case shares, so that each service reads top to bottom: validate the command, authorize
 * the actor, run in one transaction, audit in that transaction, publish events after commit. A refused call is
 * audited as {@link AuditOutcome#DENIED} in a transaction of its own (the refused work itself is rolled back).
 *
 * <p>The one object a service takes for all of them. The validation is {@link CommandValidation}'s, the
 * authorization {@link Authorization}'s and the idempotency keys {@link IdempotentCalls}', reached through thin
 * delegates here. The transaction, the audit trail and
 * the publishing after commit stay here together, as one mechanism: a refusal's audit needs the
 * transaction's rollback, a change's audit and events its commit.
 *
 * <p>Internal to crmkit's services; hosts do not need it.
 */
public final class UseCaseSupport {
    private static final Logger LOG = LoggerFactory.getLogger(UseCaseSupport.class);

    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final EventPublisher publisher;
    private final CommandValidation validation;
    private final Authorization authorization;
    private final IdempotentCalls idempotentCalls;
    private final RefusalAudit refusals;

    /**
     * @param clock      the injected time source
     * @param validator  checks commands
     * @param policy     decides access
     * @param unitOfWork runs transactions
     * @param auditLog   receives audit entries
     * @param publisher  receives committed events
     * @param resolver   turns the host's actor into the stored one (roles, department, active)
     * @param keys       the idempotency keys of creating use cases
     */
    public UseCaseSupport(Clock clock, CommandValidator validator, AccessPolicy policy, UnitOfWork unitOfWork,
                          AuditLog auditLog, EventPublisher publisher, ActorResolver resolver,
                          IdempotencyKeys keys) {
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
        this.publisher = publisher;
        this.validation = new CommandValidation(validator);
        this.authorization = new Authorization(policy, resolver);
        this.idempotentCalls = new IdempotentCalls(keys);
        this.refusals = new RefusalAudit(clock, unitOfWork, auditLog);
    }

    /** @return the injected clock */
    public Clock clock() {
        return clock;
    }

    /**
     * @return whether a use case called now runs in a transaction of its own (see
     *         {@link UnitOfWork#startsOwnTransaction})
     */
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

    /** Refuses a null caller and checks the command with Jakarta Validation ({@link CommandValidation}). */
    public void validate(Actor actor, Object command) {
        validation.validate(actor, command);
    }

    /**
     * Validates a command and converts and checks its fields, naming every bad field of both steps at once:
     * {@link CommandValidation#validate(Actor, Object, Function)}.
     *
     * @return the conversion's result, when nothing was refused
     * @throws InvalidCommandException naming every bad field
     */
    public <T> T validate(Actor actor, Object command, Function<FieldChecks, T> conversion) {
        return validation.validate(actor, command, conversion);
    }

    /** Converts one field of a command, a refusal naming it as a bad field ({@link CommandValidation}). */
    public static <T> T commandField(Supplier<T> conversion) {
        return CommandValidation.commandField(conversion);
    }

    /**
     * Runs a use case in one transaction and audits a refusal after its rollback ({@link RefusalAudit}: refusals of
     * anonymous callers up to {@value RefusalAudit#PER_MINUTE} per action and minute).
     *
     * @param work the use case body
     * @param <T>  result type
     * @return the result
     */
    @SuppressWarnings("unchecked")
    public <T> T transaction(Supplier<T> work) {
        try {
            return unitOfWork.inTransaction(work);
        } catch (IdempotentCalls.Replay replay) {
            // the key's first call committed: its result is read in a transaction of its own, whose snapshot (under
            // REPEATABLE READ) is younger than that commit
            return (T) unitOfWork.inTransaction(replay.read());
        } catch (AccessDeniedException denied) {
            refusals.record(denied);
            throw denied;
        }
    }

    /**
     * Runs a report (figures that tolerate data a little behind the latest commits, see ADR 14): the caller is
     * authorized in a {@link #transaction} of its own, on the primary store, so a revoked role or a deactivated user
     * is refused at once and the refusal audited; then the report's reads run in
     * {@link UnitOfWork#inStaleTolerantRead}, possibly on a read replica, where nothing may be written. Inside a
     * transaction both simply run in it.
     *
     * @param authorization authorizes the caller and checks what the report names; its result is handed on
     * @param reads         the report's reads
     * @param <A>           what the authorization hands on (a grant, a resolved actor)
     * @param <T>           the report's type
     * @return the report
     */
    public <A, T> T report(Supplier<A> authorization, Function<A, T> reads) {
        A granted = transaction(authorization);
        return unitOfWork.inStaleTolerantRead(() -> reads.apply(granted));
    }

    /**
     * Runs a creating use case's work at most once per use case, caller and idempotency key:
     * {@link IdempotentCalls#once}. Call inside {@link #transaction}, once the caller is authorized and before
     * anything is written; a replay of the first call's result is returned by {@link #transaction}.
     */
    public <T> T once(Actor actor, String operation, String key, Record command, Supplier<T> work,
                      Function<T, UUID> idOf, Function<UUID, T> replay) {
        return idempotentCalls.once(actor, operation, key, command, now(), work, idOf, replay);
    }

    /** @return the refusal of a key sent again with another request: {@link IdempotentCalls#keyReused} */
    public static ConflictException keyReused() {
        return IdempotentCalls.keyReused();
    }

    /**
     * Resolves the actor and asks the policy about one record: {@link Authorization#authorize}. Call inside
     * {@link #transaction}.
     *
     * @return the resolved actor
     * @throws AccessDeniedException when the policy refuses
     */
    public Actor authorize(Actor actor, Permission permission, AccessTarget target, String action,
                           String targetType, UUID targetId) {
        return authorization.authorize(actor, permission, target, action, targetType, targetId);
    }

    /**
     * Like {@link #authorize}, for a record with several owners, allowed on any one of them:
     * {@link Authorization#authorizeAny}. Call inside {@link #transaction}.
     *
     * @return the resolved actor
     * @throws AccessDeniedException when the policy refuses every target
     */
    public Actor authorizeAny(Actor actor, Permission permission, List<AccessTarget> targets, String action,
                              String targetType, UUID targetId) {
        return authorization.authorizeAny(actor, permission, targets, action, targetType, targetId);
    }

    /**
     * Resolves the actor and asks how far a grant reaches, for use cases over many records:
     * {@link Authorization#authorizeScope}. Call inside {@link #transaction}.
     *
     * @return the resolved actor and a scope other than {@link AccessScope#NONE}
     * @throws AccessDeniedException when the policy grants nothing
     */
    public Grant authorizeScope(Actor actor, Permission permission, String action, String targetType) {
        return authorization.authorizeScope(actor, permission, action, targetType);
    }

    /** @return whether a staff user exists and is active ({@link Authorization#isActiveStaff}) */
    public boolean isActiveStaff(StaffId staff) {
        return authorization.isActiveStaff(staff);
    }

    /** @return the actor crmkit would let act now, or empty when it would refuse it ({@link Authorization#resolve}) */
    public Optional<Actor> resolve(Actor claimed) {
        return authorization.resolve(claimed);
    }

    /** @return whether the caller may use a permission on a record, asked without auditing ({@link Authorization#permits}) */
    public boolean permits(Actor claimed, Permission permission, AccessTarget target) {
        return authorization.permits(claimed, permission, target);
    }

    /** @return how far the policy grants a permission to a resolved actor ({@link Authorization#scopeOf}) */
    public AccessScope scopeOf(Actor resolved, Permission permission) {
        return authorization.scopeOf(resolved, permission);
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
                // the class only: a host callback's message may quote personal data (an SMTP error names the address)
                LOG.warn("{} failed after commit ({}); the committed work stands", what, e.getClass().getName());
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
                                                      Consumer<A> domainCall, Consumer<A> store) {
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
                LOG.warn("event publisher failed on {} ({}); the committed work stands",
                        event.getClass().getSimpleName(), e.getClass().getName());
            }
        }));
    }
}
