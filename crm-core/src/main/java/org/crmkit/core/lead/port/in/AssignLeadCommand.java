package org.crmkit.core.lead.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;

/**
 * Gives a lead to an owner.
 *
 * @param leadId          the lead
 * @param owner           the new owner: an active staff user who may work on leads
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record AssignLeadCommand(@NotNull LeadId leadId, @NotNull StaffId owner, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param leadId the lead
     * @param owner  the new owner: an active staff user who may work on leads
     */
    public AssignLeadCommand(LeadId leadId, StaffId owner) {
        this(leadId, owner, null);
    }
}
