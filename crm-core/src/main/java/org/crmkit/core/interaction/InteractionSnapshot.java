package org.crmkit.core.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;

/**
 * An interaction's stored state.
 *
 * @param id         the interaction
 * @param version    the stored version (moves when a conversion moves it to a customer)
 * @param type       call, email, meeting or note
 * @param customer   the customer it belongs to, or {@code null} while it belongs to a lead only
 * @param lead       the lead it was logged against, or {@code null}; kept after a conversion, as its origin
 * @param occurredAt when it happened
 * @param duration   how long it took, or {@code null}
 * @param direction  inbound or outbound, or {@code null} (meetings and notes may have none)
 * @param subject    what it was about
 * @param summary    what was said, or {@code null}
 * @param staff      the staff member who had it
 * @param outcome    what came of it, or {@code null}
 * @param loggedAt   when it was logged
 */
public record InteractionSnapshot(InteractionId id, long version, InteractionType type, CustomerId customer,
                                  LeadId lead, Instant occurredAt, Duration duration, Direction direction,
                                  String subject, String summary, StaffId staff, String outcome, Instant loggedAt) {
    /** The subject of an interaction whose words a customer's erasure removed. */
    public static final String ERASED = "[erased]";

    /** Checks the required parts. */
    public InteractionSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(loggedAt, "loggedAt");
        if (customer == null && lead == null) {
            throw new IllegalArgumentException("an interaction belongs to a customer or a lead");
        }
    }

    /** @param newVersion the version to carry @return this state at another version */
    public InteractionSnapshot withVersion(long newVersion) {
        return new InteractionSnapshot(id, newVersion, type, customer, lead, occurredAt, duration, direction, subject,
                summary, staff, outcome, loggedAt);
    }

    /** @param newCustomer the customer @param newVersion its version @return this state moved to a customer */
    public InteractionSnapshot movedTo(CustomerId newCustomer, long newVersion) {
        return new InteractionSnapshot(id, newVersion, type, newCustomer, lead, occurredAt, duration, direction,
                subject, summary, staff, outcome, loggedAt);
    }

    /**
     * @param newVersion the version after the erasure
     * @return this interaction with its words erased for a GDPR erasure: the subject becomes
     *         {@link InteractionSnapshot#ERASED}, summary and outcome are cleared; type, times, links and staff stay
     */
    public InteractionSnapshot erased(long newVersion) {
        return new InteractionSnapshot(id, newVersion, type, customer, lead, occurredAt, duration, direction,
                InteractionSnapshot.ERASED, null, staff, null, loggedAt);
    }

    /** @return whether the words are erased already */
    public boolean isErased() {
        return InteractionSnapshot.ERASED.equals(subject) && summary == null && outcome == null;
    }
}
