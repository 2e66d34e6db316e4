package org.crmkit.core.lead;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;

/** The events of the lead area: ids and enum values only. */
public final class LeadEvents {
    private LeadEvents() {
    }

    /** @param leadId the lead @param source how it came in @param occurredAt when */
    public record LeadCreated(LeadId leadId, LeadSource source, Instant occurredAt) implements DomainEvent {
    }

    /** @param leadId the lead @param occurredAt when its details (contact, source, value, notes) changed */
    public record LeadDetailsChanged(LeadId leadId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param leadId     the lead
     * @param from       the stage before
     * @param to         the stage after
     * @param occurredAt when
     */
    public record LeadStageChanged(LeadId leadId, LeadStage from, LeadStage to, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param leadId the lead @param owner its new owner @param occurredAt when */
    public record LeadAssigned(LeadId leadId, StaffId owner, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param leadId         the lead
     * @param customerId     the customer it became or was linked to
     * @param linkedExisting whether that customer existed before (found by the duplicate check)
     * @param occurredAt     when
     */
    public record LeadConverted(LeadId leadId, CustomerId customerId, boolean linkedExisting, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * A lead that never became a customer lost its personal data (GDPR); ids only.
     *
     * @param leadId     the lead
     * @param occurredAt when
     */
    public record LeadErased(LeadId leadId, Instant occurredAt) implements DomainEvent {
    }
}
