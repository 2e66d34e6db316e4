package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.lead.port.out.LeadSearchCriteria.SeekPosition;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;

/**
 * Keyset paging of lead searches: the cursor holds the sort key and id of the last lead returned, bound to the
 * query's sort and filters.
 */
final class LeadSearch {
    /** An owner no lead has: the nil UUID is never a UUIDv7. */
    private static final StaffId NOBODY = new StaffId(new java.util.UUID(0, 0));

    private final LeadStore leads;

    LeadSearch(LeadStore leads) {
        this.leads = leads;
    }

    record Plan(LeadSearchCriteria criteria, String scope, int size) {
        /** @return this plan narrowed to the leads {@code owner} owns (nothing if it asked for another owner) */
        Plan ownedBy(StaffId owner) {
            StaffId only = criteria.owner() == null || criteria.owner().equals(owner) ? owner : NOBODY;
            return new Plan(criteria.ownedBy(only), scope, size);
        }
    }

    Plan plan(LeadSearchQuery query) {
        String folded = query.text() == null ? "" : PersonName.fold(query.text().strip());
        String text = folded.isEmpty() ? null : folded;
        Instant from = StoredTime.bound("createdFrom", query.createdFrom());
        Instant before = StoredTime.bound("createdBefore", query.createdBefore());
        StoredTime.requireOrdered("createdFrom", from, "createdBefore", before);
        if (query.minScore() != null && query.maxScore() != null && query.minScore() > query.maxScore()) {
            throw new InvalidValueException("minScore", "must not be above maxScore");
        }
        String scope = Cursor.scope("lead.search/" + query.sort().name(), text, query.stage(), query.owner(),
                query.source(), query.minScore(), query.maxScore(), from, before);
        String cursor = query.page().cursor();
        SeekPosition after = cursor == null ? null : decode(cursor, scope, query.sort());
        return new Plan(new LeadSearchCriteria(text, query.stage(), query.owner(), query.source(), query.minScore(),
                query.maxScore(), from, before, query.sort(), after), scope, query.page().size());
    }

    Page<LeadView> run(Plan plan) {
        return Page.slice(leads.search(plan.criteria(), plan.size() + 1), plan.size(),
                l -> LeadView.of(l.snapshot()), l -> encode(l, plan.scope(), plan.criteria().sort()));
    }

    private static String encode(Lead lead, String scope, LeadSort sort) {
        LeadSnapshot s = lead.snapshot();
        String key = sort == LeadSort.SCORE_DESC ? Integer.toString(s.score().points()) : s.createdAt().toString();
        return Cursor.encode(scope, List.of(key, s.id().toString()));
    }

    private static SeekPosition decode(String cursor, String scope, LeadSort sort) {
        List<String> values = Cursor.decode(cursor, scope, 2);
        try {
            LeadId id = LeadId.parse(values.get(1));
            return sort == LeadSort.SCORE_DESC ? new SeekPosition(null, Integer.parseInt(values.get(0)), id)
                    : new SeekPosition(Instant.parse(values.get(0)), null, id);
        } catch (InvalidValueException | NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("page.cursor", "is not a cursor of this query");
        }
    }
}
