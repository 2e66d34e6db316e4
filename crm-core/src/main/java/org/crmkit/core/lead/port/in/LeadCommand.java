package org.crmkit.core.lead.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.lead.LeadId;

/**
 * Names a lead for a use case that needs nothing else (reopen, convert, erase).
 *
 * @param leadId          the lead
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record LeadCommand(@NotNull LeadId leadId, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param leadId the lead
     */
    public LeadCommand(LeadId leadId) {
        this(leadId, null);
    }
}
