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

    /**
     * Required: {@code ticketId}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AssignTicketCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private TicketId ticketId;
        private StaffId assignee;
        private DepartmentId departmentId;
        private String reason;
        private Long expectedVersion;

        private Builder() {
        }

        /** @param ticketId the ticket @return this builder */
        public Builder ticketId(TicketId ticketId) {
            this.ticketId = ticketId;
            return this;
        }

        /** @param assignee an active staff user, or {@code null} @return this builder */
        public Builder assignee(StaffId assignee) {
            this.assignee = assignee;
            return this;
        }

        /** @param departmentId an active department, or {@code null} @return this builder */
        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        /** @param reason why, up to 500 characters, or {@code null} @return this builder */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * @param expectedVersion the version the caller read, or {@code null} to skip the check
         * @return this builder
         */
        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public AssignTicketCommand build() {
            return new AssignTicketCommand(ticketId, assignee, departmentId, reason, expectedVersion);
        }
    }
}
