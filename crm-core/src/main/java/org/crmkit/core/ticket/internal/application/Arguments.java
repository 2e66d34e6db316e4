package org.crmkit.core.ticket.internal.application;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.crmkit.core.ticket.TicketId;

/** The arguments of use cases that take no command record, as records Jakarta Validation can check. */
final class Arguments {
    private Arguments() {
    }

    /** @param ticketId the ticket */
    record TicketIdQuery(@NotNull TicketId ticketId) {
    }

    /** @param now the instant breaches are judged at */
    record CheckSlaArguments(@NotNull Instant now) {
    }
}
