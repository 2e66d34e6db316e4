package org.crmkit.core.lead.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.LeadId;

/**
 * Moves a lead to another stage.
 *
 * @param leadId          the lead
 * @param stage           the new stage
 * @param reason          why the lead is lost: required for {@code LOST}, up to 2,000 characters
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record ChangeLeadStageCommand(@NotNull LeadId leadId, @NotNull LeadStage stage,
                                     @Size(max = 4000) String reason, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param leadId the lead
     * @param stage  the new stage
     * @param reason why the lead is lost: required for {@code LOST}, up to 2,000 characters
     */
    public ChangeLeadStageCommand(LeadId leadId, LeadStage stage, String reason) {
        this(leadId, stage, reason, null);
    }

    /**
     * Moves a lead to a stage that needs no reason, checking the version the caller read.
     *
     * @param leadId          the lead
     * @param stage           the new stage (not {@code LOST}, which needs a reason: {@link #lost})
     * @param expectedVersion the version the caller read
     * @return the command
     */
    public static ChangeLeadStageCommand to(LeadId leadId, LeadStage stage, long expectedVersion) {
        return new ChangeLeadStageCommand(leadId, stage, null, expectedVersion);
    }

    /**
     * Marks a lead lost, checking the version the caller read.
     *
     * @param leadId          the lead
     * @param reason          why, up to 2,000 characters
     * @param expectedVersion the version the caller read
     * @return the command
     */
    public static ChangeLeadStageCommand lost(LeadId leadId, String reason, long expectedVersion) {
        return new ChangeLeadStageCommand(leadId, LeadStage.LOST, reason, expectedVersion);
    }
}
