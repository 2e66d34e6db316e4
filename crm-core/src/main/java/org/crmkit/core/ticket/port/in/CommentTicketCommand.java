package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.ticket.TicketId;

/**
 * A comment on a ticket.
 *
 * @param ticketId the ticket
 * @param internal whether only staff see it (a customer cannot write one)
 * @param body     1 to 10,000 characters once stripped
 */
public record CommentTicketCommand(@NotNull TicketId ticketId, boolean internal, @NotBlank String body) {

    /** @return whether the stripped body has at most 10,000 characters (reported on {@code body}) */
    @AssertTrue(message = "size must be between 1 and 10000")
    public boolean isBody() {
        return body == null || body.strip().length() <= 10_000;
    }
}
