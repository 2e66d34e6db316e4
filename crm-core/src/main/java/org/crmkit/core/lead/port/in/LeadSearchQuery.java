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

    /**
     * Required: {@code sort} and {@code page}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LeadSearchQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String text;
        private LeadStage stage;
        private StaffId owner;
        private LeadSource source;
        private Integer minScore;
        private Integer maxScore;
        private Instant createdFrom;
        private Instant createdBefore;
        private LeadSort sort;
        private PageRequest page;

        private Builder() {
        }

        /**
         * @param text prefix of the first name, last name, company or email, ignoring case and accents
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** @param stage only leads in this stage @return this builder */
        public Builder stage(LeadStage stage) {
            this.stage = stage;
            return this;
        }

        /** @param owner only leads of this owner @return this builder */
        public Builder owner(StaffId owner) {
            this.owner = owner;
            return this;
        }

        /** @param source only leads of this source @return this builder */
        public Builder source(LeadSource source) {
            this.source = source;
            return this;
        }

        /** @param minScore only leads scoring at least this @return this builder */
        public Builder minScore(Integer minScore) {
            this.minScore = minScore;
            return this;
        }

        /** @param maxScore only leads scoring at most this @return this builder */
        public Builder maxScore(Integer maxScore) {
            this.maxScore = maxScore;
            return this;
        }

        /** @param createdFrom created at or after @return this builder */
        public Builder createdFrom(Instant createdFrom) {
            this.createdFrom = createdFrom;
            return this;
        }

        /** @param createdBefore created before @return this builder */
        public Builder createdBefore(Instant createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        /** @param sort the order; required @return this builder */
        public Builder sort(LeadSort sort) {
            this.sort = sort;
            return this;
        }

        /** @param page the page; required @return this builder */
        public Builder page(PageRequest page) {
            this.page = page;
            return this;
        }

        /** @return the query (the use case checks it, naming every bad or missing field at once) */
        public LeadSearchQuery build() {
            return new LeadSearchQuery(text, stage, owner, source, minScore, maxScore, createdFrom, createdBefore, sort, page);
        }
    }
}
