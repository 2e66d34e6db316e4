package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.LeadError;
import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.lead.LeadPermission;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.port.StaffDirectory;

/**
 * Who may own a lead (an active staff user whom the policy lets work on leads), and whose turn it is in a
 * department's round robin.
 */
final class LeadOwners {
    private final UseCaseSupport support;
    private final LeadStore leads;
    private final StaffDirectory staff;

    LeadOwners(UseCaseSupport support, LeadStore leads, StaffDirectory staff) {
        this.support = support;
        this.leads = leads;
        this.staff = staff;
    }

    /** An owner must be an active staff user whom the policy lets work on leads (not a support agent, say). */
    void requireSalesOwner(StaffId owner) {
        boolean sales = support.resolve(new Actor.Staff(owner, Set.of()))
                .map(resolved -> support.scopeOf(resolved, LeadPermission.LEAD_VIEW) != AccessScope.NONE)
                .orElse(false);
        if (!sales) {
            throw new BusinessRuleViolationException(LeadError.OWNER_NOT_SALES, "staff user " + owner
                    + " is not an active staff user who may work on leads", Map.of("field", "owner"));
        }
    }

    /** The department's active sales rep whose latest assignment is the oldest; one without any first; ties by id. */
    StaffId nextInTurn(DepartmentId department) {
        List<StaffId> reps = new ArrayList<>();
        staff.activeWithRole(department, Role.SALES_REP).forEach(v -> reps.add(v.id()));
        if (reps.isEmpty()) {
            throw new BusinessRuleViolationException(LeadError.NO_SALES_REP, "department " + department
                    + " has no active sales rep", Map.of("field", "departmentId"));
        }
        Map<StaffId, Instant> latest = leads.latestAssignments(reps);
        return reps.stream().min(Comparator.comparing((StaffId s) -> latest.getOrDefault(s, Instant.MIN))
                .thenComparing((a, b) -> UuidV7.compareBytes(a.value(), b.value()))).orElseThrow();
    }
}
