package org.crmkit.core.lead.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.lead.LeadId;

/**
 * Gives a lead to the next sales rep of a department in turn.
 *
 * @param leadId          the lead
 * @param departmentId    the department whose active sales reps take turns
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record AssignRoundRobinCommand(@NotNull LeadId leadId, @NotNull DepartmentId departmentId,
                                      Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param leadId       the lead
     * @param departmentId the department whose active sales reps take turns
     */
    public AssignRoundRobinCommand(LeadId leadId, DepartmentId departmentId) {
        this(leadId, departmentId, null);
    }
}
