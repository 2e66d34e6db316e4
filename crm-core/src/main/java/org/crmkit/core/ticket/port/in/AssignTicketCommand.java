package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;

/**
 * A support manager puts a ticket with an agent, a department queue, or both. With an agent and no department the
 * ticket goes to the agent's department queue.
 *
 * @param ticketId        the ticket
 * @param assignee        an active staff user, or {@code null}
 * @param departmentId    an active department, or {@code null}
 * @param reason          why, up to 500 characters, or {@code null}
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record AssignTicketCommand(@NotNull TicketId ticketId, StaffId assignee, DepartmentId departmentId,
                                  @Size(max = 500) String reason, Long expectedVersion) {

    /** @return whether an agent or a department is named (reported on {@code assignee}) */
    @AssertTrue(message = "name an agent, a department or both")
    public boolean isAssignee() {
        return assignee != null || departmentId != null;
    }
}
