package org.crmkit.core.interaction;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;

/**
 * An interaction was logged.
 *
 * @param interactionId the interaction
 * @param type          its kind
 * @param customerId    its customer, or {@code null}
 * @param leadId        its lead, or {@code null}
 * @param occurredAt    when it was logged
 */
public record InteractionLogged(InteractionId interactionId, InteractionType type, CustomerId customerId,
                                LeadId leadId, Instant occurredAt) implements DomainEvent {
}
