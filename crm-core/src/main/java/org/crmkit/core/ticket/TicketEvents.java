package org.crmkit.core.ticket;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;

/** The events of the ticket area: ids, states and instants only, never a subject or comment text. */
public final class TicketEvents {
    private TicketEvents() {
    }

    /**
     * @param ticketId   the ticket
     * @param customerId whose
     * @param priority   its priority
     * @param occurredAt when
     */
    public record TicketSubmitted(TicketId ticketId, CustomerId customerId, TicketPriority priority,
                                  Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param ticketId   the ticket
     * @param from       the former status
     * @param to         the new status
     * @param occurredAt when
     */
    public record TicketStatusChanged(TicketId ticketId, TicketStatus from, TicketStatus to, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param ticketId   the ticket
     * @param assignee   the agent, or {@code null} for the department's queue
     * @param department the department queue, or {@code null}
     * @param occurredAt when
     */
    public record TicketAssigned(TicketId ticketId, StaffId assignee, DepartmentId department, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param ticketId   the ticket
     * @param from       the former priority
     * @param to         the raised priority
     * @param occurredAt when
     */
    public record TicketEscalated(TicketId ticketId, TicketPriority from, TicketPriority to, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param ticketId   the ticket
     * @param commentId  the comment
     * @param internal   whether only staff see it
     * @param occurredAt when
     */
    public record TicketCommented(TicketId ticketId, UUID commentId, boolean internal, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param ticketId   the ticket
     * @param target     the target missed
     * @param dueAt      when it was due
     * @param occurredAt when the breach was noticed
     */
    public record SlaBreached(TicketId ticketId, SlaTarget target, Instant dueAt, Instant occurredAt)
            implements DomainEvent {
    }
}
