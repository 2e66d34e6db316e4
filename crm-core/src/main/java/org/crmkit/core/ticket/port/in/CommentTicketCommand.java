package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.Pattern;
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
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record CommentTicketCommand(@NotNull TicketId ticketId, boolean internal, @NotBlank String body,
                                   @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                            message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param ticketId the ticket
     * @param internal whether only staff see it (a customer cannot write one)
     * @param body 1 to 10,000 characters once stripped
     */
    public CommentTicketCommand(TicketId ticketId, boolean internal, String body) {
        this(ticketId, internal, body, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public CommentTicketCommand withIdempotencyKey(String idempotencyKey) {
        return new CommentTicketCommand(ticketId, internal, body, idempotencyKey);
    }

    /** @return whether the stripped body has at most 10,000 characters (reported on {@code body}) */
    @AssertTrue(message = "size must be between 1 and 10000")
    public boolean isBody() {
        return body == null || body.strip().length() <= 10_000;
    }
}
