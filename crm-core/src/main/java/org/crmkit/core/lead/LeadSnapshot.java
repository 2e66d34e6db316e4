package org.crmkit.core.lead;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;

/**
 * A lead's stored state.
 *
 * @param id             the lead
 * @param version        the stored version (optimistic locking)
 * @param contact        who the lead is
 * @param source         how it came in
 * @param estimatedValue what it may be worth, or {@code null}
 * @param notes          free notes, or {@code null}
 * @param owner          the staff user who owns it, or {@code null} while unassigned
 * @param assignedAt     when it was last assigned, or {@code null}
 * @param stage          where it stands
 * @param lostReason     why it was lost, while it is {@code LOST}
 * @param score          its score and the explanation
 * @param interactions   how many interactions were logged against it
 * @param createdAt      when it was created
 * @param lastActivityAt its last activity (creation, a change, or an interaction's time)
 * @param convertedTo    the customer it was converted into, or {@code null}
 * @param history        every stage change, oldest first
 */
public record LeadSnapshot(LeadId id, long version, LeadContact contact, LeadSource source, Money estimatedValue,
                           String notes, StaffId owner, Instant assignedAt, LeadStage stage, String lostReason,
                           LeadScore score, int interactions, Instant createdAt, Instant lastActivityAt,
                           CustomerId convertedTo, List<StageChange> history) {
    /** What replaces a lead's name parts and reasons when the customer it became is erased. */
    public static final String ERASED = "[erased]";

    /** Checks the required parts and copies the history. */
    public LeadSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        history = List.copyOf(history);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public LeadSnapshot withVersion(long newVersion) {
        return new LeadSnapshot(id, newVersion, contact, source, estimatedValue, notes, owner, assignedAt, stage,
                lostReason, score, interactions, createdAt, lastActivityAt, convertedTo, history);
    }

    /**
     * @param newVersion the version after the erasure
     * @return this lead with the personal data a GDPR erasure of the customer it became removes: both name parts
     *         become {@link LeadSnapshot#ERASED}; company, email, phone and notes are cleared; a lost reason, and every
     *         reason in the stage history, becomes {@link LeadSnapshot#ERASED}. Stage, owner, source, value, score,
     *         counts, times and the history's stages stay.
     */
    public LeadSnapshot erased(long newVersion) {
        List<StageChange> blanked = history.stream().map(h -> h.reason() == null ? h
                : new StageChange(h.sequence(), h.from(), h.to(), h.at(), h.actorType(), h.actorRef(),
                        LeadSnapshot.ERASED)).toList();
        return new LeadSnapshot(id, newVersion, new LeadContact(new PersonName(LeadSnapshot.ERASED, LeadSnapshot.ERASED), null, null,
                null), source, estimatedValue, null, owner, assignedAt, stage,
                lostReason == null ? null : LeadSnapshot.ERASED, score, interactions, createdAt, lastActivityAt, convertedTo,
                blanked);
    }

    /** @return whether the personal data is {@linkplain #erased erased} already */
    public boolean isErased() {
        return equals(erased(version));
    }
}
