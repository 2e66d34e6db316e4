package org.crmkit.core.ticket.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;

/**
 * Filters of a ticket search, all optional and combined with AND; results come newest first (submission time, then
 * id), a page at a time.
 *
 * @param statuses      any of these statuses ({@code null} or empty: any)
 * @param priority      this priority
 * @param assignee      assigned to this agent
 * @param departmentId  in this department's queue
 * @param customerId    of this customer
 * @param category      of this category (exact), up to 64 characters (the longest a ticket's category is)
 * @param breachedAsOf  only tickets with an SLA target missed as of this instant: due strictly before it and not
 *                      met by its due instant (met late, before or after this instant, or not at all)
 * @param createdFrom   submitted at or after
 * @param createdBefore submitted before
 * @param text          the subject contains this, ignoring case; up to 200 characters
 * @param page          size and cursor
 */
public record TicketSearchQuery(Set<@NotNull TicketStatus> statuses, TicketPriority priority, StaffId assignee,
                                DepartmentId departmentId, CustomerId customerId, @Size(max = 64) String category,
                                Instant breachedAsOf, Instant createdFrom, Instant createdBefore,
                                @Size(max = 200) String text, @NotNull @Valid PageRequest page) {

    /** Reads a missing set of statuses as "any status". */
    public TicketSearchQuery {
        statuses = statuses == null ? Set.of() : statuses;
    }

    /** @param size the page size @return a query without filters */
    public static TicketSearchQuery all(int size) {
        return new TicketSearchQuery(Set.of(), null, null, null, null, null, null, null, null, null,
                PageRequest.first(size));
    }

    /** @param asOf the instant @param size the page size @return the tickets with a target missed as of then */
    public static TicketSearchQuery breached(Instant asOf, int size) {
        return new TicketSearchQuery(Set.of(), null, null, null, null, null, asOf, null, null, null,
                PageRequest.first(size));
    }

    /**
     * @param previous a page this query returned
     * @return the same query for the page after it
     * @throws IllegalStateException when {@code previous} was the last page
     */
    public TicketSearchQuery next(Page<?> previous) {
        return new TicketSearchQuery(statuses, priority, assignee, departmentId, customerId, category, breachedAsOf,
                createdFrom, createdBefore, text,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }

    /**
     * Required: {@code page}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TicketSearchQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private Set<TicketStatus> statuses;
        private TicketPriority priority;
        private StaffId assignee;
        private DepartmentId departmentId;
        private CustomerId customerId;
        private String category;
        private Instant breachedAsOf;
        private Instant createdFrom;
        private Instant createdBefore;
        private String text;
        private PageRequest page;

        private Builder() {
        }

        /** @param statuses any of these statuses ({@code null} or empty: any) @return this builder */
        public Builder statuses(Set<TicketStatus> statuses) {
            this.statuses = statuses;
            return this;
        }

        /** @param priority this priority @return this builder */
        public Builder priority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        /** @param assignee assigned to this agent @return this builder */
        public Builder assignee(StaffId assignee) {
            this.assignee = assignee;
            return this;
        }

        /** @param departmentId in this department's queue @return this builder */
        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        /** @param customerId of this customer @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param category of this category (exact) @return this builder */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * @param breachedAsOf only tickets with an SLA target missed as of this instant: due strictly before it and not
         *        met by its due instant (met late, before or after this instant, or not at all)
         * @return this builder
         */
        public Builder breachedAsOf(Instant breachedAsOf) {
            this.breachedAsOf = breachedAsOf;
            return this;
        }

        /** @param createdFrom submitted at or after @return this builder */
        public Builder createdFrom(Instant createdFrom) {
            this.createdFrom = createdFrom;
            return this;
        }

        /** @param createdBefore submitted before @return this builder */
        public Builder createdBefore(Instant createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        /** @param text the subject contains this, ignoring case; up to 200 characters @return this builder */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** @param page size and cursor @return this builder */
        public Builder page(PageRequest page) {
            this.page = page;
            return this;
        }

        /** @return the query (the use case checks it, naming every bad or missing field at once) */
        public TicketSearchQuery build() {
            return new TicketSearchQuery(statuses, priority, assignee, departmentId, customerId, category, breachedAsOf, createdFrom, createdBefore, text, page);
        }
    }
}
