package org.crmkit.core.interaction.port.in;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;

/**
 * An interaction as hosts see it.
 *
 * @param id         the id
 * @param type       its kind
 * @param customerId its customer, or {@code null}
 * @param leadId     the lead it was logged against, or {@code null}
 * @param occurredAt when it happened
 * @param duration   how long, or {@code null}
 * @param direction  inbound or outbound, or {@code null}
 * @param subject    what about
 * @param summary    or {@code null}
 * @param staffId    who had it
 * @param outcome    or {@code null}
 * @param loggedAt   when it was logged
 */
public record InteractionView(InteractionId id, InteractionType type, CustomerId customerId, LeadId leadId,
                              Instant occurredAt, Duration duration, Direction direction, String subject,
                              String summary, StaffId staffId, String outcome, Instant loggedAt) {

    /** @param s a snapshot @return its view */
    public static InteractionView of(InteractionSnapshot s) {
        return new InteractionView(s.id(), s.type(), s.customer(), s.lead(), s.occurredAt(), s.duration(),
                s.direction(), s.subject(), s.summary(), s.staff(), s.outcome(), s.loggedAt());
    }
}
