package org.crmkit.core.lead.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;

/**
 * Filters, sort and page of a lead search. Every filter is optional; given ones all apply.
 *
 * @param text          prefix of the first name, last name, company or email, ignoring case and accents
 * @param stage         only leads in this stage
 * @param owner         only leads of this owner
 * @param source        only leads of this source
 * @param minScore      only leads scoring at least this
 * @param maxScore      only leads scoring at most this
 * @param createdFrom   created at or after
 * @param createdBefore created before
 * @param sort          the order; required
 * @param page          the page; required
 */
public record LeadSearchQuery(@Size(max = 100) String text, LeadStage stage, StaffId owner, LeadSource source,
                              @Min(0) Integer minScore, @Min(0) Integer maxScore, Instant createdFrom,
                              Instant createdBefore, @NotNull LeadSort sort, @NotNull @Valid PageRequest page) {

    /** @param sort the order @param size the page size @return a query without filters */
    public static LeadSearchQuery all(LeadSort sort, int size) {
        return new LeadSearchQuery(null, null, null, null, null, null, null, null, sort, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the same query for the page after it */
    public LeadSearchQuery next(Page<?> previous) {
        return new LeadSearchQuery(text, stage, owner, source, minScore, maxScore, createdFrom, createdBefore, sort,
                page.next(previous.nextCursor().orElseThrow()));
    }
}
