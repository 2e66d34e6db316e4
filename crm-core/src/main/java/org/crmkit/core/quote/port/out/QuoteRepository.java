package org.crmkit.core.quote.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.shared.StaffId;

/**
 * Quotes with their lines. Every change of a quote goes through {@link #lock(QuoteId)} (a row lock held to the end
 * of the transaction, reading the latest committed state) and {@link #update(QuoteSnapshot)} (which stores only if the
 * version is still the one read), so an acceptance, a rejection, a revision and the expiry batch on one quote queue
 * up and never both win.
 */
public interface QuoteRepository {

    /** @param quote a new quote with its lines */
    void add(QuoteSnapshot quote);

    /**
     * Stores a changed quote (status, prices, validity, terms, decision) if its stored version is still the quote's,
     * then moves the version on.
     *
     * @param quote a changed quote
     * @throws org.crmkit.core.shared.ConflictException {@code stale_version} when another change came first
     */
    void update(QuoteSnapshot quote);

    /** @param id a quote @return it with its lines */
    Optional<QuoteSnapshot> findById(QuoteId id);

    /**
     * @param id a quote
     * @return it with its lines, as last committed, locked until the transaction ends
     */
    Optional<QuoteSnapshot> lock(QuoteId id);

    /**
     * @param criteria filters, order and position
     * @param limit    most quotes
     * @return the matching quotes with their lines, in the criteria's order after its position
     */
    List<QuoteSnapshot> search(QuoteSearchCriteria criteria, int limit);

    /**
     * A search narrowed to the quotes of the customers a staff user is account manager of, as a sales rep's search
     * is: the store joins the quotes to their customers' account manager itself (on MySQL, the account-manager index
     * of {@code crm_customer}), so neither the caller nor the statement lists the staff user's customers, however
     * many they manage. An erased customer has no account manager, so their quotes are never among them.
     *
     * @param accountManager the staff user whose customers' quotes are searched
     * @param criteria       filters, order and position, as {@link #search} applies them ({@code customers} narrows
     *                       further)
     * @param limit          most quotes
     * @return the matching quotes with their lines, in the criteria's order after its position
     */
    List<QuoteSnapshot> searchManagedBy(StaffId accountManager, QuoteSearchCriteria criteria, int limit);

    /**
     * @param asOf  an instant
     * @param after the last quote of the previous page, or {@code null}
     * @param limit most quotes
     * @return quotes still quoted whose validity ends at or before {@code asOf}, by end of validity, then by id (the
     *         order of the expiry index)
     */
    List<Due> quotedValidUntil(Instant asOf, Due after, int limit);

    /**
     * A quoted offer the expiry batch is due to look at, and where its next page resumes.
     *
     * @param id         the quote
     * @param validUntil the end of its validity
     */
    record Due(QuoteId id, Instant validUntil) {
        /** Checks presence. */
        public Due {
            java.util.Objects.requireNonNull(id, "id");
            java.util.Objects.requireNonNull(validUntil, "validUntil");
        }
    }
}
