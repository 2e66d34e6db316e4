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

    /**
     * Required: {@code ticketId}, {@code priority} and {@code reason}; the use case names every missing or bad field at
     * once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link EscalateTicketCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private TicketId ticketId;
        private TicketPriority priority;
        private String reason;
        private StaffId assignee;
        private DepartmentId departmentId;

        private Builder() {
        }

        /** @param ticketId the ticket @return this builder */
        public Builder ticketId(TicketId ticketId) {
            this.ticketId = ticketId;
            return this;
        }

        /** @param priority a priority above the current one @return this builder */
        public Builder priority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        /** @param reason why, 1 to 500 characters once stripped @return this builder */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** @param assignee the agent to hand it to, or {@code null} to keep the assignee @return this builder */
        public Builder assignee(StaffId assignee) {
            this.assignee = assignee;
            return this;
        }

        /** @param departmentId the department queue to move it to, or {@code null} to keep it @return this builder */
        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public EscalateTicketCommand build() {
            return new EscalateTicketCommand(ticketId, priority, reason, assignee, departmentId);
        }
    }
}
