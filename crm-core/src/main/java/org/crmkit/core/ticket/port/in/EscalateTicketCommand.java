package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPriority;

/**
 * Raises a ticket's priority, with a reason, and optionally hands it on.
 *
 * @param ticketId     the ticket
 * @param priority     a priority above the current one
 * @param reason       why, 1 to 500 characters once stripped
 * @param assignee     the agent to hand it to, or {@code null} to keep the assignee
 * @param departmentId the department queue to move it to, or {@code null} to keep it
 */
public record EscalateTicketCommand(@NotNull TicketId ticketId, @NotNull TicketPriority priority,
                                    @NotBlank String reason, StaffId assignee, DepartmentId departmentId) {

    /** @return whether the stripped reason has at most 500 characters (reported on {@code reason}) */
    @AssertTrue(message = "size must be between 1 and 500")
    public boolean isReason() {
        return reason == null || reason.strip().length() <= 500;
    }
}
