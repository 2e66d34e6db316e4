package org.crmkit.core.shared.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.StaffId;

/**
 * The authorization step of every use case, behind {@link UseCaseSupport}'s {@code authorize} methods: the host's
 * actor resolved into the stored one by the {@link ActorResolver} (an actor it refuses is denied), then the
 * {@link AccessPolicy} asked about one record, about any of several, or how far a grant reaches. Runs inside the use
 * case's transaction; a refusal is an {@link AccessDeniedException}, which {@link UseCaseSupport#transaction} audits.
 */
final class Authorization {
    private final AccessPolicy policy;
    private final ActorResolver resolver;

    Authorization(AccessPolicy policy, ActorResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /**
     * Resolves the actor (a staff user's stored roles and department; unknown or deactivated staff are refused) and
     * asks the policy about one record.
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
    Actor authorize(Actor actor, Permission permission, AccessTarget target, String action, String targetType,
                    UUID targetId) {
        Actor resolved = resolve(actor, permission, action, targetType, targetId);
        if (!policy.permits(resolved, permission, target)) {
            throw new AccessDeniedException(actor, permission, action, targetType, targetId);
        }
        return resolved;
    }

    /**
     * Like {@link #authorize}, for a record with several owners (a task belongs to its assignee and to its creator):
     * allowed when the policy permits the call on any one of the targets.
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
    Actor authorizeAny(Actor actor, Permission permission, List<AccessTarget> targets, String action,
                       String targetType, UUID targetId) {
        Actor resolved = resolve(actor, permission, action, targetType, targetId);
        if (targets.stream().noneMatch(target -> policy.permits(resolved, permission, target))) {
            throw new AccessDeniedException(actor, permission, action, targetType, targetId);
        }
        return resolved;
    }

    /**
     * Resolves the actor and asks the policy how far a grant reaches, for use cases over many records (searches,
     * lists) that narrow their results by it.
     *
     * @param actor      the caller
     * @param permission what the use case needs
     * @param action     the audited action name
     * @param targetType the kind of records
     * @return the resolved actor and a scope other than {@link AccessScope#NONE}
     * @throws AccessDeniedException when the policy grants nothing
     */
    UseCaseSupport.Grant authorizeScope(Actor actor, Permission permission, String action, String targetType) {
        Actor resolved = resolve(actor, permission, action, targetType, null);
        AccessScope scope = policy.scope(resolved, permission);
        if (scope == null || scope == AccessScope.NONE) {
            throw new AccessDeniedException(actor, permission, action, targetType, null);
        }
        return new UseCaseSupport.Grant(resolved, scope);
    }

    /**
     * Whether a staff user exists and is active, for use cases that name one as an owner (an account manager, an
     * assignee). Asks the same {@link ActorResolver} that admits staff actors.
     *
     * @param staff the staff user
     * @return whether crmkit would let them act now
     */
    boolean isActiveStaff(StaffId staff) {
        return resolve(new Actor.Staff(staff, Set.of())).isPresent();
    }

    /**
     * @param claimed an actor as a host or a stored account names it
     * @return the actor crmkit would let act now (stored roles and department), or empty when it would refuse it
     */
    Optional<Actor> resolve(Actor claimed) {
        return resolver.resolve(claimed);
    }

    /**
     * @param resolved   an actor returned by {@link #authorize} or {@link #authorizeScope}
     * @param permission a permission
     * @return how far the policy grants it to that actor
     */
    AccessScope scopeOf(Actor resolved, Permission permission) {
        return policy.scope(resolved, permission);
    }

    /**
     * Asks without refusing or auditing: for what a use case may tell its caller about a record it did not ask for
     * (the holder of a duplicate email, say).
     *
     * @param claimed    the caller as the host names it
     * @param permission a permission
     * @param target     the record
     * @return whether the policy would let that caller, resolved now, use the permission on the record
     */
    boolean permits(Actor claimed, Permission permission, AccessTarget target) {
        return resolver.resolve(claimed).map(resolved -> policy.permits(resolved, permission, target)).orElse(false);
    }

    private Actor resolve(Actor actor, Permission permission, String action, String targetType, UUID targetId) {
        return resolver.resolve(actor)
                .orElseThrow(() -> new AccessDeniedException(actor, permission, action, targetType, targetId));
    }
}
