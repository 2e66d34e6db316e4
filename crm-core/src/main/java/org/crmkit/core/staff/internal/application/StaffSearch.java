package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;

/**
 * The staff search, by name: a caller granted every user sees them all, a manager their own department, anyone else
 * only themself.
 */
final class StaffSearch {
    private final UseCaseSupport support;
    private final StaffStore staff;

    StaffSearch(UseCaseSupport support, StaffStore staff) {
        this.support = support;
        this.staff = staff;
    }

    Page<StaffView> search(Actor actor, StaffSearchQuery query) {
        support.validate(actor, query);
        Role role = query.role() == null || query.role().isBlank() ? null
                : UseCaseSupport.commandField(() -> Role.parse("role", query.role()));
        String scope = Cursor.scope("staff.search", query.departmentId(), role, query.active());
        StaffSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, StaffPermission.STAFF_VIEW, "staff.search",
                    StaffService.TYPE);
            Actor.Staff caller = grant.actor() instanceof Actor.Staff s ? s : null;
            StaffSearchCriteria criteria = new StaffSearchCriteria(query.departmentId(), role, query.active(), after);
            if (grant.scope() == AccessScope.DEPARTMENT && caller != null) {
                // a manager sees their own department only
                if (caller.department() == null
                        || query.departmentId() != null && !query.departmentId().equals(caller.department())) {
                    return onlySelf(caller, criteria);
                }
                criteria = new StaffSearchCriteria(caller.department(), role, query.active(), after);
            } else if (grant.scope() != AccessScope.ANY) {
                return onlySelf(caller, criteria);
            }
            return Page.slice(staff.search(criteria, size + 1), size, u -> StaffView.of(u.snapshot()),
                    u -> Cursor.encode(scope, List.of(u.snapshot().name().sortKey(), u.id().toString())));
        });
    }

    /** The page a caller limited to their own profile sees: themself, if they pass the filters. */
    private Page<StaffView> onlySelf(Actor.Staff caller, StaffSearchCriteria criteria) {
        if (caller == null || criteria.after() != null) {
            return Page.empty();
        }
        return new Page<>(staff.findById(caller.id()).map(StaffUser::snapshot).filter(criteria::matches)
                .map(StaffView::of).stream().toList(), Optional.empty());
    }

    private static StaffSearchCriteria.Position decode(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, scope, 2);
        return new StaffSearchCriteria.Position(values.get(0), StaffId.parse(values.get(1)));
    }
}
