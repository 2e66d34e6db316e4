package org.crmkit.core.lead.port.out;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;

/**
 * What a lead search filters, how it orders, and where it resumes. All filters are optional.
 *
 * @param textPrefix    folded ({@code PersonName.fold}) prefix of first name, last name, company or email
 * @param stage         stage filter
 * @param owner         owner filter
 * @param source        source filter
 * @param minScore      lowest score
 * @param maxScore      highest score
 * @param createdFrom   inclusive lower bound of creation time
 * @param createdBefore exclusive upper bound of creation time
 * @param sort          the order; ties broken by id in the same direction
 * @param after         resume strictly after this position, or {@code null} for the start
 */
public record LeadSearchCriteria(String textPrefix, LeadStage stage, StaffId owner, LeadSource source,
                                 Integer minScore, Integer maxScore, Instant createdFrom, Instant createdBefore,
                                 LeadSort sort, SeekPosition after) {
    /** Checks the order. */
    public LeadSearchCriteria {
        Objects.requireNonNull(sort, "sort");
    }

    /** @param newOwner the owner to narrow to @return these criteria for that owner only */
    public LeadSearchCriteria ownedBy(StaffId newOwner) {
        return new LeadSearchCriteria(textPrefix, stage, newOwner, source, minScore, maxScore, createdFrom,
                createdBefore, sort, after);
    }

    /**
     * The sort key of the last lead of the previous page.
     *
     * @param createdAt creation time (for creation orders)
     * @param score     score (for the score order)
     * @param id        the id, the tie breaker
     */
    public record SeekPosition(Instant createdAt, Integer score, LeadId id) {
        /** Checks the id. */
        public SeekPosition {
            Objects.requireNonNull(id, "id");
        }
    }
}
