package org.crmkit.core.interaction.internal.domain;

import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionLogged;
import org.crmkit.core.interaction.InteractionType;
import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.Texts;

/**
 * A call, email, meeting or note, logged against a customer or a lead. Once logged it is a fact of the record and is
 * never edited; the only change it knows is moving to the customer its lead was converted into (the lead stays named
 * as its origin). Calls and emails have a direction; a duration is never negative.
 */
public final class Interaction extends AggregateRoot {
    static final String TYPE = "interaction";
    /** Most characters of a subject or an outcome. */
    public static final int MAX_SUBJECT = 200;
    /** Most characters of a summary. */
    public static final int MAX_SUMMARY = 4000;

    private final InteractionSnapshot state;

    private Interaction(InteractionSnapshot state) {
        super(TYPE, state.version());
        this.state = state;
    }

    /**
     * @param id         the new id
     * @param type       its kind
     * @param customer   the customer, or {@code null} when logged against a lead
     * @param lead       the lead, or {@code null} when logged against a customer
     * @param occurredAt when it happened
     * @param duration   how long it took (not negative), or {@code null}
     * @param direction  inbound or outbound; required for calls and emails
     * @param subject    1 to 200 characters
     * @param summary    up to 4,000 characters, or {@code null}
     * @param staff      the staff member who had it
     * @param outcome    up to 200 characters, or {@code null}
     * @param now        the current time
     * @return the interaction
     */
    public static Interaction log(InteractionId id, InteractionType type, CustomerId customer, LeadId lead,
                                  Instant occurredAt, Duration duration, Direction direction, String subject,
                                  String summary, StaffId staff, String outcome, Instant now) {
        if ((customer == null) == (lead == null)) {
            throw new InvalidValueException("customerId", "name exactly one of a customer and a lead");
        }
        if (duration != null && duration.isNegative()) {
            throw new InvalidValueException("durationSeconds", "must not be negative");
        }
        if (direction == null && (type == InteractionType.CALL || type == InteractionType.EMAIL)) {
            throw new InvalidValueException("direction", "is required for a " + type);
        }
        String text = text("subject", subject, MAX_SUBJECT);
        if (text == null) {
            throw new InvalidValueException("subject", "must not be blank");
        }
        Interaction interaction = new Interaction(new InteractionSnapshot(id, 0, type, customer, lead, occurredAt,
                duration, direction, text, text("summary", summary, MAX_SUMMARY), staff,
                text("outcome", outcome, MAX_SUBJECT), now));
        interaction.record(new InteractionLogged(id, type, customer, lead, now));
        return interaction;
    }

    /** @param snapshot a stored state @return the interaction */
    public static Interaction restore(InteractionSnapshot snapshot) {
        return new Interaction(snapshot);
    }

    /**
     * The rule for a subject, summary or outcome, for use cases that name every bad field before they call the domain.
     *
     * @param field the field, for a refusal
     * @param value the text, or {@code null}
     * @param max   most characters ({@link #MAX_SUBJECT} or {@link #MAX_SUMMARY})
     * @return the trimmed text, or {@code null} when blank
     * @throws InvalidValueException when longer
     */
    public static String text(String field, String value, int max) {
        return Texts.optional(field, value, max, true);
    }

    /** @return the id */
    public InteractionId id() {
        return state.id();
    }

    @Override
    protected Object identity() {
        return state.id();
    }

    /** @return the current state */
    public InteractionSnapshot snapshot() {
        return state.withVersion(version());
    }
}
