package org.crmkit.core.quote.port.in;

import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.quote.QuoteId;

/**
 * Quotes ({@code crm.quotes()}): a customer, or a sales rep for a customer they manage, requests one; sales staff
 * answer it with prices, a validity and terms; the customer (or staff for them) accepts it, which records its purchase
 * through the sales area exactly once, or rejects it; a batch expires offers nobody decided on in time. A customer
 * sees only their own quotes; a sales rep those of the customers they manage; sales managers and administrators all.
 * See {@code docs/authorization.md}, section "Quotes".
 */
public interface Quotes {

    /**
     * Requests a quote for products that exist and are active. Needs {@code QUOTE_REQUEST}.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the quote the first call requested;
     * without a key a retry may request a second quote.
     *
     * @param actor   the caller
     * @param command the customer, currency, lines and message
     * @return the requested quote
     * @throws org.crmkit.core.shared.InvalidCommandException naming every bad field at once:
     *                                                        {@code lines[i].productId} for an unknown or retired
     *                                                        product, {@code lines[i].quantity} out of 1 to
     *                                                        1,000,000, {@code currency}, {@code message}
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code customer_erased}
     */
    QuoteView request(Actor actor, RequestQuoteCommand command);

    /**
     * Prices every line, sets the validity and the terms; while quoted, answering again revises the offer (the
     * customer then accepts the revision). Needs {@code QUOTE_ANSWER}.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is stored again as a revision with the same offer (a new version,
     * answer time, audit entry and {@code QuoteAnswered} event), after which an acceptance naming the earlier version
     * fails with {@code stale_version}.
     *
     * @param actor   the caller
     * @param command the prices, validity and terms
     * @return the quoted quote
     * @throws org.crmkit.core.shared.InvalidCommandException naming every bad field at once: {@code currency} (also
     *                                                        when not the quote's), {@code prices[i].unitPrice},
     *                                                        {@code prices[i].lineNumber} (no such line, named
     *                                                        twice, or its product retired), {@code prices} (a line
     *                                                        left out that has no list price in the quote's
     *                                                        currency, or whose product is retired),
     *                                                        {@code validUntil}, {@code terms}
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code quote_closed} once decided or expired,
     *                                                               {@code customer_erased}
     */
    QuoteView answer(Actor actor, AnswerQuoteCommand command);

    /**
     * Accepts the offer before its validity ends and records its purchase (source {@code "quote"}, reference the
     * quote's id) with the quoted prices, in the same transaction; loyalty points are earned as for any purchase.
     * Needs {@code QUOTE_DECIDE}.
     *
     * <p>Retry: safe: accepting an accepted quote again returns it unchanged, whatever version the command names, and
     * records no second purchase.
     *
     * @param actor   the caller
     * @param command the quote
     * @return the accepted quote, naming its purchase
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code quote_not_answered}, {@code quote_expired},
     *                                                               {@code quote_closed} (rejected), and the sales
     *                                                               area's refusals ({@code product_retired},
     *                                                               {@code customer_erased})
     * @throws org.crmkit.core.shared.ConflictException {@code stale_version} when the offer was revised after the
     *                                                  version named; {@code quote_purchase_reference_taken} when
     *                                                  another purchase already holds source {@code "quote"} and
     *                                                  this quote's id (hosts must not record purchases under
     *                                                  source {@code "quote"} themselves)
     */
    QuoteView accept(Actor actor, AcceptQuoteCommand command);

    /**
     * Declines the offer. Needs {@code QUOTE_DECIDE}.
     *
     * <p>Retry: safe: rejecting a rejected quote again returns it unchanged, whatever version the command names.
     *
     * @param actor   the caller
     * @param command the quote and the reason
     * @return the rejected quote
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code quote_not_answered}, {@code quote_expired},
     *                                                               {@code quote_closed} (accepted)
     */
    QuoteView reject(Actor actor, RejectQuoteCommand command);

    /**
     * Reads a quote.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param quoteId the quote
     * @return it, if it exists (needs {@code QUOTE_VIEW})
     */
    Optional<QuoteView> findById(Actor actor, QuoteId quoteId);

    /**
     * A customer's quotes.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the customer and page
     * @return the customer's quotes, newest request first (needs {@code QUOTE_VIEW} on the customer)
     */
    Page<QuoteView> customerQuotes(Actor actor, CustomerQuotesQuery query);

    /**
     * Searches quotes by status and customer, for staff ({@code QUOTE_SEARCH}); a sales rep's search covers only the
     * customers they manage.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query filters, sort and page
     * @return one page
     */
    Page<QuoteView> search(Actor actor, QuoteSearchQuery query);

    /**
     * Expires every quoted offer valid until {@code asOf} or earlier, in pages, one transaction per quote; an offer
     * accepted or rejected meanwhile stays as it is, and one whose change collides with a concurrent transaction is
     * counted as skipped (the run goes on; the next run sees it again). Needs {@code QUOTE_BATCH}.
     *
     * <p>Retry: safe to run again: each quote is expired once, in a transaction of its own, so a run again expires
     * nothing twice and takes up the quotes a failed run left or a conflict skipped.
     *
     * @param actor   the caller (a host's scheduled job as {@code Actor.system(...)})
     * @param command the instant, not in the future
     * @return how many quotes it looked at and expired
     */
    ExpiryResult expireQuotes(Actor actor, ExpireQuotesCommand command);
}
