package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.staff.internal.domain.StaffUser;

/**
 * Resolves staff actors against the stored users: the stored roles and department count, whatever the host's actor
 * says, and an unknown or deactivated user is refused. Other actors pass as they are.
 */
final class StaffActorResolver implements ActorResolver {
    private final StaffStore staff;

    StaffActorResolver(StaffStore staff) {
        this.staff = staff;
    }

    @Override
    public Optional<Actor> resolve(Actor claimed) {
        if (claimed instanceof Actor.Staff s) {
            return staff.findById(s.id()).filter(StaffUser::isActive).map(StaffUser::asActor);
        }
        return Optional.ofNullable(claimed);
    }
}
