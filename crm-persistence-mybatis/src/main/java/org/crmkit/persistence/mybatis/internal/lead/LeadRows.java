package org.crmkit.persistence.mybatis.internal.lead;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.LeadScore;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.ScoreReason;
import org.crmkit.core.lead.StageChange;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.StaffId;

/** The explicit mapping between a lead's snapshot and its rows. */
final class LeadRows {
    private LeadRows() {
    }

    static LeadRow toRow(LeadSnapshot s) {
        LeadContact c = s.contact();
        return new LeadRow(s.id().value(), s.version(), c.name().first(), c.name().last(),
                PersonName.fold(c.name().first()), PersonName.fold(c.name().last()), c.company(),
                c.company() == null ? null : PersonName.fold(c.company()),
                c.email() == null ? null : c.email().value(), c.phone() == null ? null : c.phone().value(),
                s.source().name(), s.estimatedValue() == null ? null : s.estimatedValue().amount(),
                s.estimatedValue() == null ? null : s.estimatedValue().currency().getCurrencyCode(), s.notes(),
                s.owner() == null ? null : s.owner().value(), s.assignedAt(), s.stage().name(), s.lostReason(),
                s.score().points(), s.interactions(), s.createdAt(), s.lastActivityAt(),
                s.convertedTo() == null ? null : s.convertedTo().value());
    }

    static List<StageChangeRow> historyRows(LeadSnapshot s, int after) {
        return s.history().stream().filter(h -> h.sequence() > after)
                .map(h -> new StageChangeRow(s.id().value(), h.sequence(), h.from() == null ? null : h.from().name(),
                        h.to().name(), h.at(), h.actorType().name(), h.actorRef(), h.reason()))
                .toList();
    }

    static List<ScoreReasonRow> reasonRows(LeadSnapshot s) {
        List<ScoreReasonRow> rows = new ArrayList<>();
        List<ScoreReason> reasons = s.score().reasons();
        for (int i = 0; i < reasons.size(); i++) {
            ScoreReason r = reasons.get(i);
            rows.add(new ScoreReasonRow(s.id().value(), i + 1, r.rule(), r.points(), r.detail()));
        }
        return rows;
    }

    static LeadSnapshot toSnapshot(LeadRow r, List<StageChangeRow> history, List<ScoreReasonRow> reasons) {
        LeadContact contact = new LeadContact(new PersonName(r.firstName(), r.lastName()), r.company(),
                r.email() == null ? null : new EmailAddress(r.email()),
                r.phone() == null ? null : new PhoneNumber(r.phone()));
        Money value = r.estimatedValue() == null ? null
                : new Money(r.estimatedValue(), Currency.getInstance(r.estimatedCurrency()));
        LeadScore score = new LeadScore(r.score(), reasons.stream()
                .map(x -> new ScoreReason(x.rule(), x.points(), x.detail())).toList());
        List<StageChange> changes = history.stream().map(h -> new StageChange(h.sequence(),
                h.fromStage() == null ? null : LeadStage.valueOf(h.fromStage()), LeadStage.valueOf(h.toStage()),
                h.changedAt(), ActorType.valueOf(h.actorType()), h.actorRef(), h.reason())).toList();
        return new LeadSnapshot(new LeadId(r.id()), r.version(), contact, LeadSource.valueOf(r.source()), value,
                r.notes(), r.ownerId() == null ? null : new StaffId(r.ownerId()), r.assignedAt(),
                LeadStage.valueOf(r.stage()), r.lostReason(), score, r.interactions(), r.createdAt(),
                r.lastActivityAt(), r.convertedCustomerId() == null ? null : new CustomerId(r.convertedCustomerId()),
                changes);
    }
}
