package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.internal.store.QuoteStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.quote.QuotePermission;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.ExpiryResult;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.quote.port.in.RejectQuoteCommand;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.Texts;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The quote use cases: the life cycle's changes here, the reads in {@link QuoteReads}, the expiry batch in
 * {@link QuoteExpiry}. Every change locks the quote row first, so an acceptance, a rejection, a revision and the
 * expiry batch on one quote queue up; access follows the customer (they themself, and their account manager).
 * Customers, products and purchases are reached only through their areas' internal ports.
 */
final class QuoteService implements Quotes {
    private static final String TYPE = QuoteAccess.TYPE;

    private final UseCaseSupport support;
    private final QuoteStore quotes;
    private final QuoteAccess access;
    private final QuoteCommandChecks checks;
    private final QuotePurchases purchases;
    private final QuoteReads reads;
    private final QuoteExpiry expiry;

    QuoteService(UseCaseSupport support, QuoteStore quotes, CustomerDirectory directory,
                 ProductCatalog products, PurchaseRecorder sales) {
        this.support = support;
        this.quotes = quotes;
        this.access = new QuoteAccess(directory);
        this.checks = new QuoteCommandChecks(products);
        this.purchases = new QuotePurchases(sales);
        this.reads = new QuoteReads(support, quotes, access);
        this.expiry = new QuoteExpiry(support, quotes);
    }

    @Override
    public QuoteView request(Actor actor, RequestQuoteCommand command) {
        QuoteCommandChecks.Request input = support.validate(actor, command, fields -> checks.requestInput(command));
        CustomerId customer = command.customerId();
        Quote quote = UseCaseSupport.commandField(() -> Quote.request(QuoteId.next(support.clock()), customer,
                input.currency(), input.lines(), command.message(), support.now()));
        return support.transaction(() -> {
            support.authorize(actor, QuotePermission.QUOTE_REQUEST, access.targetOf(customer), "quote.request", TYPE,
                    null);
            checks.requireProductsOnSale(command);
            access.requireNotErased(customer);
            return support.once(actor, "quote.request", command.idempotencyKey(), command, () -> {
                quotes.add(quote);
                support.audit(actor, "quote.request", TYPE, quote.id().value());
                support.publishAfterCommit(quote.pullEvents());
                return QuoteViews.of(quote);
            }, v -> v.id().value(), id -> QuoteViews.of(quotes.findById(new QuoteId(id)).orElseThrow()));
        });
    }

    @Override
    public QuoteView answer(Actor actor, AnswerQuoteCommand command) {
        Instant now = support.now();
        QuoteCommandChecks.Answer input = support.validate(actor, command,
                fields -> QuoteCommandChecks.answerInput(command, now));
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            Actor caller = support.authorize(actor, QuotePermission.QUOTE_ANSWER, access.targetOf(found),
                    "quote.answer", TYPE, id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            access.requireNotErased(quote.customer());
            Map<Integer, Money> prices = checks.offer(quote.snapshot(), input, command);
            StaffId answeredBy = caller instanceof Actor.Staff staff ? staff.id() : null;
            support.applyChange(actor, "quote.answer", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> UseCaseSupport.commandField(() -> {
                        q.answer(prices, input.validUntil(), command.terms(), answeredBy, now);
                        return q;
                    }), quotes::update);
            return QuoteViews.of(quote);
        });
    }

    @Override
    public QuoteView accept(Actor actor, AcceptQuoteCommand command) {
        support.validate(actor, command);
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            Actor caller = support.authorize(actor, QuotePermission.QUOTE_DECIDE, access.targetOf(found),
                    "quote.accept", TYPE, id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            if (quote.status() == QuoteStatus.ACCEPTED) {
                // a retry, or the loser of two acceptances at once: the same answer, nothing recorded twice
                return QuoteViews.of(quote);
            }
            Instant now = support.now();
            // a final or lapsed offer says so before any version check: reloading would not help the caller
            quote.requireDecidable(now);
            support.applyChange(actor, "quote.accept", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> q.accept(now, () -> purchases.recordPurchase(caller, q.snapshot(), now)), quotes::update);
            return QuoteViews.of(quote);
        });
    }

    @Override
    public QuoteView reject(Actor actor, RejectQuoteCommand command) {
        support.validate(actor, command, fields -> Texts.optional("reason", command.reason(), QuoteSnapshot.MAX_REASON, true));
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            support.authorize(actor, QuotePermission.QUOTE_DECIDE, access.targetOf(found), "quote.reject", TYPE,
                    id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            if (quote.status() == QuoteStatus.REJECTED) {
                return QuoteViews.of(quote);
            }
            Instant now = support.now();
            support.applyChange(actor, "quote.reject", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> q.reject(command.reason(), now), quotes::update);
            return QuoteViews.of(quote);
        });
    }

    @Override
    public Optional<QuoteView> findById(Actor actor, QuoteId quoteId) {
        return reads.findById(actor, quoteId);
    }

    @Override
    public Page<QuoteView> customerQuotes(Actor actor, CustomerQuotesQuery query) {
        return reads.customerQuotes(actor, query);
    }

    @Override
    public Page<QuoteView> search(Actor actor, QuoteSearchQuery query) {
        return reads.search(actor, query);
    }

    @Override
    public ExpiryResult expireQuotes(Actor actor, ExpireQuotesCommand command) {
        return expiry.expireQuotes(actor, command);
    }
}
