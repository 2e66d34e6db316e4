package org.crmkit.core.interaction.port.in;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * Logs an interaction against exactly one of a customer and a lead.
 *
 * @param type            call, email, meeting or note
 * @param customerId      the customer, or {@code null}
 * @param leadId          the lead, or {@code null}
 * @param occurredAt      when it happened; at most a day ahead of the clock
 * @param durationSeconds how long it took, 0 to 7 days in seconds, or {@code null}
 * @param direction       inbound or outbound; required for calls and emails
 * @param subject         1 to 200 characters
 * @param summary         optional, up to 4,000 characters
 * @param staffId         the staff member who had it; a staff caller who names none had it themself
 * @param outcome         optional, up to 200 characters
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record LogInteractionCommand(
        @NotNull InteractionType type,
        CustomerId customerId,
        LeadId leadId,
        @NotNull Instant occurredAt,
        @PositiveOrZero @Max(604_800) Long durationSeconds,
        Direction direction,
        @NotBlank @Size(max = 400) String subject,
        @Size(max = 8000) String summary,
        StaffId staffId,
        @Size(max = 400) String outcome,
        @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                 message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param type call, email, meeting or note
     * @param customerId the customer, or {@code null}
     * @param leadId the lead, or {@code null}
     * @param occurredAt when it happened; at most a day ahead of the clock
     * @param durationSeconds how long it took, 0 to 7 days in seconds, or {@code null}
     * @param direction inbound or outbound; required for calls and emails
     * @param subject 1 to 200 characters
     * @param summary optional, up to 4,000 characters
     * @param staffId the staff member who had it; a staff caller who names none had it themself
     * @param outcome optional, up to 200 characters
     */
    public LogInteractionCommand(InteractionType type, CustomerId customerId, LeadId leadId, Instant occurredAt,
                                 Long durationSeconds, Direction direction, String subject, String summary,
                                 StaffId staffId, String outcome) {
        this(type, customerId, leadId, occurredAt, durationSeconds, direction, subject, summary, staffId, outcome,
                null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public LogInteractionCommand withIdempotencyKey(String idempotencyKey) {
        return new LogInteractionCommand(type, customerId, leadId, occurredAt, durationSeconds, direction, subject,
                summary, staffId, outcome, idempotencyKey);
    }

    /**
     * @param leadId     the lead
     * @param type       its kind
     * @param direction  inbound or outbound
     * @param occurredAt when
     * @param subject    what about
     * @return a command against a lead with only these
     */
    public static LogInteractionCommand onLead(LeadId leadId, InteractionType type, Direction direction,
                                               Instant occurredAt, String subject) {
        return new LogInteractionCommand(type, null, leadId, occurredAt, null, direction, subject, null, null, null);
    }

    /**
     * @param customerId the customer
     * @param type       its kind
     * @param direction  inbound or outbound
     * @param occurredAt when
     * @param subject    what about
     * @return a command against a customer with only these
     */
    public static LogInteractionCommand onCustomer(CustomerId customerId, InteractionType type, Direction direction,
                                                   Instant occurredAt, String subject) {
        return new LogInteractionCommand(type, customerId, null, occurredAt, null, direction, subject, null, null,
                null);
    }

    /**
     * Required: {@code type}, {@code occurredAt} and {@code subject}; the use case names every missing or bad field at
     * once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LogInteractionCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private InteractionType type;
        private CustomerId customerId;
        private LeadId leadId;
        private Instant occurredAt;
        private Long durationSeconds;
        private Direction direction;
        private String subject;
        private String summary;
        private StaffId staffId;
        private String outcome;

        private Builder() {
        }

        /** @param type call, email, meeting or note @return this builder */
        public Builder type(InteractionType type) {
            this.type = type;
            return this;
        }

        /** @param customerId the customer, or {@code null} @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param leadId the lead, or {@code null} @return this builder */
        public Builder leadId(LeadId leadId) {
            this.leadId = leadId;
            return this;
        }

        /** @param occurredAt when it happened; at most a day ahead of the clock @return this builder */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** @param durationSeconds how long it took, 0 to 7 days in seconds, or {@code null} @return this builder */
        public Builder durationSeconds(Long durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        /** @param direction inbound or outbound; required for calls and emails @return this builder */
        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        /** @param subject 1 to 200 characters @return this builder */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** @param summary optional, up to 4,000 characters @return this builder */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * @param staffId the staff member who had it; a staff caller who names none had it themself
         * @return this builder
         */
        public Builder staffId(StaffId staffId) {
            this.staffId = staffId;
            return this;
        }

        /** @param outcome optional, up to 200 characters @return this builder */
        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public LogInteractionCommand build() {
            return new LogInteractionCommand(type, customerId, leadId, occurredAt, durationSeconds, direction, subject, summary, staffId, outcome);
        }
    }
}
