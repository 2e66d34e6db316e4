package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.ticket.internal.domain.Ticket;

/**
 * Where an assignment or an escalation puts a ticket: the agent and the department queue a command names, checked
 * through {@link TicketLinks}, with the halves it leaves out filled in.
 */
final class TicketRouting {
    private final TicketLinks links;

    TicketRouting(TicketLinks links) {
        this.links = links;
    }

    /** An agent and a queue to put a ticket with; either may be {@code null}. */
    record Assignment(StaffId agent, DepartmentId queue) {
    }

    /**
     * An agent and queue to assign: the agent must be active staff, the queue an active department (both named when
     * both are bad); without a queue, the agent's department.
     */
    Assignment assignment(StaffId agent, DepartmentId queue) {
        FieldChecks checks = new FieldChecks();
        StaffView staff = agent == null ? null
                : checks.attempt(() -> links.requireActiveStaff(agent, "assignee"));
        if (queue != null) {
            checks.attempt(() -> links.requireActiveDepartment(queue, "departmentId"));
        }
        checks.throwIfAny();
        DepartmentId department = queue != null ? queue
                : staff == null ? null : staff.department();
        return new Assignment(agent, department);
    }

    /**
     * Where an escalation hands the ticket: what the command names, checked like an assignment; a half it leaves
     * out ({@code null}) is kept from the ticket (a ticket in no queue goes to the new agent's department).
     */
    Assignment handedOn(Ticket ticket, StaffId agent, DepartmentId queue) {
        Assignment named = assignment(agent, queue);
        return new Assignment(agent != null ? agent : ticket.assignee(),
                queue != null ? queue : ticket.department() != null ? ticket.department() : named.queue());
    }
}
