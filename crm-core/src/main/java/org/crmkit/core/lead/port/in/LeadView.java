package org.crmkit.core.lead.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.ScoreReason;
import org.crmkit.core.lead.StageChange;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.StaffId;

/**
 * A lead as hosts see it.
 *
 * @param id             the id
 * @param version        the version to send back with changes
 * @param firstName      given name
 * @param lastName       family name
 * @param company        or {@code null}
 * @param email          normalized email, or {@code null}
 * @param phone          E.164 phone, or {@code null}
 * @param source         how it came in
 * @param estimatedValue or {@code null}
 * @param notes          or {@code null}
 * @param owner          or {@code null} while unassigned
 * @param stage          where it stands
 * @param lostReason     why it was lost, while lost
 * @param score          its score
 * @param scoreReasons   the rules that produced the score
 * @param interactions   how many interactions were logged against it
 * @param createdAt      creation time
 * @param lastActivityAt last activity
 * @param convertedTo    the customer it became, or {@code null}
 * @param history        every stage change, oldest first
 */
public record LeadView(LeadId id, long version, String firstName, String lastName, String company, String email,
                       String phone, LeadSource source, Money estimatedValue, String notes, StaffId owner,
                       LeadStage stage, String lostReason, int score, List<ScoreReason> scoreReasons,
                       int interactions, Instant createdAt, Instant lastActivityAt, CustomerId convertedTo,
                       List<StageChange> history) {

    /** Copies the lists. */
    public LeadView {
        scoreReasons = List.copyOf(scoreReasons);
        history = List.copyOf(history);
    }

    /** @param s a snapshot @return its view */
    public static LeadView of(LeadSnapshot s) {
        return new LeadView(s.id(), s.version(), s.contact().name().first(), s.contact().name().last(),
                s.contact().company(), s.contact().email() == null ? null : s.contact().email().value(),
                s.contact().phone() == null ? null : s.contact().phone().value(), s.source(), s.estimatedValue(),
                s.notes(), s.owner(), s.stage(), s.lostReason(), s.score().points(), s.score().reasons(),
                s.interactions(), s.createdAt(), s.lastActivityAt(), s.convertedTo(), s.history());
    }

    /** @return whether the lead was converted into a customer and is still won (it takes no more interactions) */
    public boolean isConverted() {
        return convertedTo != null && stage == LeadStage.WON;
    }
}
