package org.crmkit.core.quote.internal.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.quote.domain.Quote;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.domain.QuoteSnapshot;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.ExpiryResult;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.quote.port.in.RejectQuoteCommand;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.internal.Texts;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.quote.QuotePermission;

// Over 300 lines, knowingly for now: the quote life cycle's use cases share the load-authorize-change steps; issue
// 16's god-class slice (ADR 0011, "How it lands" 5) splits it. This session only moved it and replaced its
// system-actor look-ups and purchase recording with internal ports.
/**
 * The quote use cases. Every change locks the quote row first, so an acceptance, a rejection, a revision and the
 * expiry batch on one quote queue up; access follows the customer (they themself, and their account manager).
 * Customers, products and purchases are reached only through their areas' use cases.
 */
final class QuoteService implements Quotes {
    static final String TYPE = "quote";
    private static final Logger LOG = LoggerFactory.getLogger(QuoteService.class);
    /** The source of the purchases acceptances record; the external reference is the quote's id. */
    static final String PURCHASE_SOURCE = "quote";
    /**
     * Who records an accepted quote's purchase. The caller was authorized for the acceptance (QUOTE_DECIDE); the
     * purchase is its consequence, which a customer could not record as themself (they hold no SALES_RECORD).
     */
    /**
     * Quotes read per expiry page (by end of validity and id, the expiry index's order: a quote skipped after a
     * conflict is not read again in the same run); each is then expired in a transaction of its own.
     */
    private static final int BATCH = 200;

    private final UseCaseSupport support;
    private final QuoteRepository quotes;
    private final ProductCatalog products;
    private final CustomerDirectory directory;
    private final PurchaseRecorder sales;

    QuoteService(UseCaseSupport support, QuoteRepository quotes, CustomerDirectory directory,
                 ProductCatalog products, PurchaseRecorder sales) {
        this.support = support;
        this.quotes = quotes;
        this.directory = directory;
        this.products = products;
        this.sales = sales;
    }

    @Override
    public QuoteView request(Actor actor, RequestQuoteCommand command) {
        Request input = support.validate(actor, command, checks -> requestInput(command));
        CustomerId customer = command.customerId();
        Quote quote = UseCaseSupport.commandField(() -> Quote.request(QuoteId.next(support.clock()), customer,
                input.currency(), input.lines(), command.message(), support.now()));
        return support.transaction(() -> {
            support.authorize(actor, QuotePermission.QUOTE_REQUEST, targetOf(customer), "quote.request", TYPE, null);
            requireNotErased(customer);
            quotes.add(quote);
            support.audit(actor, "quote.request", TYPE, quote.id().value());
            support.publishAfterCommit(quote.pullEvents());
            return QuoteView.of(quote);
        });
    }

    @Override
    public QuoteView answer(Actor actor, AnswerQuoteCommand command) {
        Instant now = support.now();
        Answer input = support.validate(actor, command, checks -> answerInput(command, now));
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            Actor caller = support.authorize(actor, QuotePermission.QUOTE_ANSWER, targetOf(found), "quote.answer", TYPE,
                    id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            requireNotErased(quote.customer());
            Map<Integer, Money> prices = offer(quote.snapshot(), input, command);
            StaffId answeredBy = caller instanceof Actor.Staff staff ? staff.id() : null;
            support.applyChange(actor, "quote.answer", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> UseCaseSupport.commandField(() -> {
                        q.answer(prices, input.validUntil(), command.terms(), answeredBy, now);
                        return q;
                    }), quotes::update);
            return QuoteView.of(quote);
        });
    }

    @Override
    public QuoteView accept(Actor actor, AcceptQuoteCommand command) {
        support.validate(actor, command);
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            Actor caller = support.authorize(actor, QuotePermission.QUOTE_DECIDE, targetOf(found), "quote.accept", TYPE,
                    id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            if (quote.status() == QuoteStatus.ACCEPTED) {
                // a retry, or the loser of two acceptances at once: the same answer, nothing recorded twice
                return QuoteView.of(quote);
            }
            Instant now = support.now();
            // a final or lapsed offer says so before any version check: reloading would not help the caller
            quote.requireDecidable(now);
            support.applyChange(actor, "quote.accept", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> q.accept(now, () -> recordPurchase(caller, q.snapshot(), now)), quotes::update);
            return QuoteView.of(quote);
        });
    }

    /**
     * Records the accepted quote's purchase in the current transaction, once per quote (its reference). A purchase
     * a host recorded under the quote's reference itself (source {@code "quote"}, which is the quote area's) blocks
     * the acceptance: the caller is told so without learning anything about that other purchase.
     */
    private PurchaseId recordPurchase(Actor caller, QuoteSnapshot quote, Instant now) {
        List<RecordPurchaseCommand.Line> lines = quote.lines().stream()
                .map(l -> new RecordPurchaseCommand.Line(l.number(), l.product(), l.quantity(),
                        l.unitPrice().amount())).toList();
        try {
            return sales.record(caller, RecordPurchaseCommand.otherChannel(quote.customer(), now,
                    PURCHASE_SOURCE, quote.id().toString(), quote.currency().getCurrencyCode(), lines)).id();
        } catch (ConflictException e) {
            if (!"duplicate".equals(e.code())) {
                throw e;
            }
            LOG.warn("quote {} cannot be accepted: another purchase holds its purchase reference (source \"{}\")",
                    quote.id(), PURCHASE_SOURCE);
            throw ConflictException.referenceTaken("quote_purchase_reference_taken", "quote " + quote.id()
                    + " cannot record its purchase: its reference is taken", "quoteId");
        }
    }

    @Override
    public QuoteView reject(Actor actor, RejectQuoteCommand command) {
        support.validate(actor, command, checks -> Texts.optional("reason", command.reason(), Quote.MAX_REASON, true));
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            support.authorize(actor, QuotePermission.QUOTE_DECIDE, targetOf(found), "quote.reject", TYPE, id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            if (quote.status() == QuoteStatus.REJECTED) {
                return QuoteView.of(quote);
            }
            Instant now = support.now();
            support.applyChange(actor, "quote.reject", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> q.reject(command.reason(), now), quotes::update);
            return QuoteView.of(quote);
        });
    }

    @Override
    public Optional<QuoteView> findById(Actor actor, QuoteId quoteId) {
        support.validate(actor, new Arguments.QuoteIdQuery(quoteId));
        return support.transaction(() -> {
            Optional<Quote> found = quotes.findById(quoteId);
            support.authorize(actor, QuotePermission.QUOTE_VIEW, targetOf(found), "quote.view", TYPE, quoteId.value());
            return found.map(QuoteView::of);
        });
    }

    @Override
    public Page<QuoteView> customerQuotes(Actor actor, CustomerQuotesQuery query) {
        support.validate(actor, query);
        CustomerId customer = query.customerId();
        String scope = Cursor.scope("quote.customer", customer);
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        return support.transaction(() -> {
            support.authorize(actor, QuotePermission.QUOTE_VIEW, targetOf(customer), "quote.customer_quotes", TYPE, null);
            return page(new QuoteSearchCriteria(null, Set.of(customer), QuoteSort.REQUESTED_DESC, after),
                    query.page().size(), scope);
        });
    }

    @Override
    public Page<QuoteView> search(Actor actor, QuoteSearchQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("quote.search/" + query.sort().name(), query.status(), query.customerId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, QuotePermission.QUOTE_SEARCH, "quote.search", TYPE);
            Set<CustomerId> only = query.customerId() == null ? null : Set.of(query.customerId());
            if (grant.scope() != AccessScope.ANY) {
                only = visibleCustomers(grant.actor(), query.customerId());
                if (only.isEmpty()) {
                    return Page.<QuoteView>empty();
                }
            }
            return page(new QuoteSearchCriteria(query.status(), only, query.sort(), after), query.page().size(),
                    scope);
        });
    }

    private Page<QuoteView> page(QuoteSearchCriteria criteria, int size, String scope) {
        return Page.slice(quotes.search(criteria, size + 1), size, QuoteView::of,
                q -> new EntryPosition(q.snapshot().requestedAt(), q.id().value()).toCursor(scope));
    }

    /**
     * The customers a caller with a narrower grant than "any" may see quotes of: a customer their own; a staff user
     * the customers they are account manager of (read through the customer area, a page at a time).
     */
    private Set<CustomerId> visibleCustomers(Actor resolved, CustomerId filter) {
        Set<CustomerId> visible = new HashSet<>();
        if (resolved instanceof Actor.Customer self) {
            visible.add(self.id());
        } else if (resolved instanceof Actor.Staff staff && filter != null) {
            directory.find(filter).filter(c -> staff.id().equals(c.accountManager()))
                    .ifPresent(c -> visible.add(c.id()));
        } else if (resolved instanceof Actor.Staff staff) {
            CustomerSearchQuery managed = new CustomerSearchQuery(null, null, null, null, staff.id(), null, null,
                    CustomerSort.REGISTERED_ASC, PageRequest.first(PageRequest.MAX_SIZE));
            while (true) {
                Page<CustomerView> page = directory.search(managed);
                page.items().forEach(c -> visible.add(c.id()));
                if (!page.hasNext()) {
                    break;
                }
                managed = managed.next(page);
            }
        }
        if (filter != null) {
            visible.retainAll(Set.of(filter));
        }
        return visible;
    }

    @Override
    public ExpiryResult expireQuotes(Actor actor, ExpireQuotesCommand command) {
        support.validate(actor, command);
        Instant asOf = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", command.asOf()));
        if (asOf.isAfter(support.now())) {
            // expiring early would take offers away from customers who may still accept them
            throw invalid("asOf", "must not be in the future");
        }
        support.transaction(() -> support.authorize(actor, QuotePermission.QUOTE_BATCH, AccessTarget.none(),
                "quote.expire", TYPE, null));
        long examined = 0;
        long expired = 0;
        long skipped = 0;
        QuoteRepository.Due after = null;
        while (true) {
            QuoteRepository.Due from = after;
            List<QuoteRepository.Due> page = support.transaction(() -> quotes.quotedValidUntil(asOf, from, BATCH));
            for (QuoteRepository.Due due : page) {
                QuoteId id = due.id();
                examined++;
                try {
                    expired += expire(actor, id, asOf) ? 1 : 0;
                } catch (ConflictException concurrent) {
                    // a concurrent change of this quote (a lock wait that timed out, say): the next run sees it again
                    LOG.info("quote {} skipped by the expiry run: {}", id, concurrent.code());
                    skipped++;
                }
            }
            if (page.size() < BATCH) {
                return new ExpiryResult(examined, expired, skipped);
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Expires one quote in a transaction of its own, re-checked under its lock; whether it expired now. */
    private boolean expire(Actor actor, QuoteId id, Instant asOf) {
        return support.transaction(() -> quotes.lock(id).map(quote -> {
            boolean[] changed = new boolean[1];
            support.applyChange(actor, "quote.expire", TYPE, id.value(), quote, null,
                    q -> changed[0] = q.expire(asOf, support.now()), quotes::update);
            return changed[0];
        }).orElse(false));
    }

    /** A request's checked fields. */
    private record Request(Currency currency, List<QuoteLine> lines) {
    }

    /** An answer's checked fields: the prices the command gives, by line number. */
    private record Answer(Currency currency, Map<Integer, Money> prices, Instant validUntil) {
    }

    /**
     * Checks every field of a request (the constraints have named the missing ones): the currency, each line's
     * quantity and product (which must exist and be on sale), the message.
     */
    private Request requestInput(RequestQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = command.currency() == null ? null
                : attempt(errors, "", () -> Money.currency("currency", command.currency()));
        attempt(errors, "", () -> Texts.optional("message", command.message(), Quote.MAX_MESSAGE, true));
        List<QuoteLine> lines = new ArrayList<>();
        List<RequestQuoteCommand.Line> given = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < given.size(); i++) {
            RequestQuoteCommand.Line line = given.get(i);
            if (line == null || line.productId() == null) {
                continue;
            }
            String at = "lines[" + i + "].";
            int number = i + 1;
            lines.add(attempt(errors, at, () -> QuoteLine.requested(number, line.productId(), line.quantity())));
            Optional<ProductView> product = products.find(line.productId());
            if (product.isEmpty()) {
                errors.add(new FieldError(at + "productId", "no product has this id"));
            } else if (product.get().isRetired()) {
                errors.add(new FieldError(at + "productId", "the product is retired and no longer sold"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new Request(currency, lines);
    }

    /**
     * Checks every field of an answer that needs no stored state (the constraints have named the missing ones): the
     * currency, each price (not negative, at most 4 decimals and 15 integer digits, one per line), the validity (in
     * the future) and the terms.
     */
    private static Answer answerInput(AnswerQuoteCommand command, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = command.currency() == null ? null
                : attempt(errors, "", () -> Money.currency("currency", command.currency()));
        // an amount's digits do not depend on its currency: they are checked even when the code is unknown
        Currency amounts = currency == null ? Currency.getInstance("XXX") : currency;
        Map<Integer, Money> prices = new HashMap<>();
        Set<Integer> named = new HashSet<>();
        List<AnswerQuoteCommand.LinePrice> given = command.prices() == null ? List.of() : command.prices();
        for (int i = 0; i < given.size(); i++) {
            AnswerQuoteCommand.LinePrice price = given.get(i);
            if (price == null) {
                continue;
            }
            String at = "prices[" + i + "].";
            if (!named.add(price.lineNumber())) {
                errors.add(new FieldError(at + "lineNumber", "names a line a second time"));
            }
            if (price.unitPrice() == null) {
                continue;
            }
            if (price.unitPrice().signum() < 0) {
                errors.add(new FieldError(at + "unitPrice", "must not be negative"));
                continue;
            }
            Money money = attempt(errors, "", () -> Money.of(at + "unitPrice", price.unitPrice(), amounts));
            if (money != null) {
                prices.putIfAbsent(price.lineNumber(), money);
            }
        }
        Instant validUntil = command.validUntil() == null ? null
                : attempt(errors, "", () -> StoredTime.bound("validUntil", command.validUntil()));
        if (validUntil != null && !validUntil.isAfter(now)) {
            errors.add(new FieldError("validUntil", "must be in the future"));
        }
        attempt(errors, "", () -> Texts.optional("terms", command.terms(), Quote.MAX_TERMS, true));
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new Answer(currency, prices, validUntil);
    }

    /**
     * The price of every line, checked against the stored quote: the command's currency must be the quote's, each
     * price must name one of its lines, a line left out takes its product's current list price (which must be in the
     * quote's currency), no line may name a product that is no longer sold (the offer could never be accepted), and
     * no line's total may exceed the largest amount. Every bad field is named at once: {@code prices[i].<field>} for
     * the command's price {@code i}, {@code prices} for a line the command leaves out.
     */
    private Map<Integer, Money> offer(QuoteSnapshot quote, Answer input, AnswerQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        boolean sameCurrency = input.currency().equals(quote.currency());
        if (!sameCurrency) {
            errors.add(new FieldError("currency", "must be the quote's currency "
                    + quote.currency().getCurrencyCode()));
        }
        Set<Integer> numbers = new HashSet<>();
        quote.lines().forEach(l -> numbers.add(l.number()));
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < command.prices().size(); i++) {
            int number = command.prices().get(i).lineNumber();
            if (!numbers.contains(number)) {
                errors.add(new FieldError("prices[" + i + "].lineNumber", "the quote has no such line"));
            }
            indexOf.putIfAbsent(number, i);
        }
        Map<Integer, Money> prices = new HashMap<>();
        for (QuoteLine line : quote.lines()) {
            Integer i = indexOf.get(line.number());
            String at = i == null ? null : "prices[" + i + "].";
            String which = "line " + line.number();
            ProductView product = products.find(line.product())
                    .orElseThrow(() -> new NotFoundException("product", line.product()));
            if (product.isRetired()) {
                errors.add(i == null ? new FieldError("prices", which + "'s product is retired and no longer sold")
                        : new FieldError(at + "lineNumber", which + "'s product is retired and no longer sold"));
                continue;
            }
            Money price = i == null ? product.listPrice() : input.prices().get(line.number());
            if (i == null && !price.currency().equals(quote.currency())) {
                errors.add(new FieldError("prices", which + " has no price, and its product's list price is in "
                        + price.currency().getCurrencyCode()));
                continue;
            }
            if (!sameCurrency) {
                continue;
            }
            try {
                prices.put(line.number(), line.pricedAt(price).unitPrice());
            } catch (InvalidValueException e) {
                errors.add(i == null ? new FieldError("prices", which + " at its product's list price: "
                        + e.reason()) : new FieldError(at + "unitPrice", e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return prices;
    }

    /** Refuses a change on the quotes of a customer who does not exist or was erased. */
    private void requireNotErased(CustomerId customer) {
        directory.find(customer).orElseThrow(() -> new NotFoundException("customer", customer))
                .requireNotErased();
    }

    /**
     * Runs one conversion, adding its refusal to the errors instead of throwing it; a field named {@code lines.x} is
     * reported as {@code <at>x} (the line's index in the command).
     *
     * @return the value, or {@code null} when refused
     */
    private static <T> T attempt(List<FieldError> errors, String at, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            String field = at.isEmpty() ? e.field() : e.field().replace("lines.", at);
            errors.add(new FieldError(field, e.reason()));
            return null;
        }
    }

    /** Whose quote this is: its customer's, owned by their account manager; a quote not found is nobody's. */
    private AccessTarget targetOf(Optional<Quote> quote) {
        return quote.map(q -> targetOf(q.customer())).orElse(AccessTarget.none());
    }

    private AccessTarget targetOf(CustomerId customer) {
        Optional<CustomerView> view = directory.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    private static InvalidCommandException invalid(String field, String reason) {
        return new InvalidCommandException(List.of(new FieldError(field, reason)));
    }
}
