package org.crmkit.core.quote.application;

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
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.quote.domain.Quote;
import org.crmkit.core.quote.domain.QuoteLine;
import org.crmkit.core.quote.domain.QuoteSnapshot;
import org.crmkit.core.quote.domain.QuoteStatus;
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
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.PurchaseId;
import org.crmkit.core.shared.QuoteId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.StoredTime;
import org.crmkit.core.shared.UseCaseSupport;

/**
 * The quote use cases. Every change locks the quote row first, so an acceptance, a rejection, a revision and the
 * expiry batch on one quote queue up; access follows the customer (they themself, and their account manager).
 * Customers, products and purchases are reached only through their areas' use cases.
 */
final class QuoteService implements Quotes {
    static final String TYPE = "quote";
    /** The source of the purchases acceptances record; the external reference is the quote's id. */
    static final String PURCHASE_SOURCE = "quote";
    private static final Actor LOOKUP = Actor.system("crmkit.quote");
    /**
     * Who records an accepted quote's purchase. The caller was authorized for the acceptance (QUOTE_DECIDE); the
     * purchase is its consequence, which a customer could not record as themself (they hold no SALES_RECORD).
     */
    private static final Actor ACCEPTANCE = Actor.system("crmkit.quote-acceptance");
    /** Quotes read per expiry page; each is then expired in a transaction of its own. */
    private static final int BATCH = 200;

    private final UseCaseSupport support;
    private final QuoteRepository quotes;
    private final Customers customers;
    private final Products products;
    private final Sales sales;

    QuoteService(UseCaseSupport support, QuoteRepository quotes, Customers customers, Products products,
                 Sales sales) {
        this.support = support;
        this.quotes = quotes;
        this.customers = customers;
        this.products = products;
        this.sales = sales;
    }

    @Override
    public QuoteView request(Actor actor, RequestQuoteCommand command) {
        support.validate(actor, command);
        Currency currency = UseCaseSupport.commandField(() -> Money.currency("currency", command.currency()));
        List<QuoteLine> lines = requestedLines(command);
        CustomerId customer = command.customerId();
        Quote quote = UseCaseSupport.commandField(() -> Quote.request(QuoteId.next(support.clock()), customer,
                currency, lines, command.message(), support.now()));
        return support.transaction(() -> {
            support.authorize(actor, Permission.QUOTE_REQUEST, targetOf(customer), "quote.request", TYPE, null);
            customers.findById(LOOKUP, customer).orElseThrow(() -> new NotFoundException("customer", customer))
                    .requireNotErased();
            requireActiveProducts(command);
            quotes.add(quote);
            support.audit(actor, "quote.request", TYPE, quote.id().value());
            support.publishAfterCommit(quote.pullEvents());
            return QuoteView.of(quote);
        });
    }

    @Override
    public QuoteView answer(Actor actor, AnswerQuoteCommand command) {
        support.validate(actor, command);
        Currency currency = UseCaseSupport.commandField(() -> Money.currency("currency", command.currency()));
        Map<Integer, Money> given = prices(command, currency);
        Instant validUntil = UseCaseSupport.commandField(() -> StoredTime.bound("validUntil", command.validUntil()));
        Instant now = support.now();
        if (!validUntil.isAfter(now)) {
            throw invalid("validUntil", "must be in the future");
        }
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            Actor caller = support.authorize(actor, Permission.QUOTE_ANSWER, targetOf(found), "quote.answer", TYPE,
                    id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            Currency quoted = quote.snapshot().currency();
            if (!currency.equals(quoted)) {
                throw invalid("currency", "must be the quote's currency " + quoted.getCurrencyCode());
            }
            Map<Integer, Money> prices = withListPrices(quote.snapshot(), given, command);
            StaffId answeredBy = caller instanceof Actor.Staff staff ? staff.id() : null;
            support.applyChange(actor, "quote.answer", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> UseCaseSupport.commandField(() -> {
                        q.answer(prices, validUntil, command.terms(), answeredBy, now);
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
            support.authorize(actor, Permission.QUOTE_DECIDE, targetOf(found), "quote.accept", TYPE, id.value());
            Quote quote = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            if (quote.status() == QuoteStatus.ACCEPTED) {
                // a retry, or the loser of two acceptances at once: the same answer, nothing recorded twice
                return QuoteView.of(quote);
            }
            Instant now = support.now();
            support.applyChange(actor, "quote.accept", TYPE, id.value(), quote, command.expectedVersion(),
                    q -> q.accept(now, () -> recordPurchase(q.snapshot(), now)), quotes::update);
            return QuoteView.of(quote);
        });
    }

    /** Records the accepted quote's purchase in the current transaction, once per quote (its reference). */
    private PurchaseId recordPurchase(QuoteSnapshot quote, Instant now) {
        List<RecordPurchaseCommand.Line> lines = quote.lines().stream()
                .map(l -> new RecordPurchaseCommand.Line(l.number(), l.product(), l.quantity(),
                        l.unitPrice().amount())).toList();
        return sales.recordPurchase(ACCEPTANCE, RecordPurchaseCommand.otherChannel(quote.customer(), now,
                PURCHASE_SOURCE, quote.id().toString(), quote.currency().getCurrencyCode(), lines)).id();
    }

    @Override
    public QuoteView reject(Actor actor, RejectQuoteCommand command) {
        support.validate(actor, command);
        QuoteId id = command.quoteId();
        return support.transaction(() -> {
            Optional<Quote> found = quotes.lock(id);
            support.authorize(actor, Permission.QUOTE_DECIDE, targetOf(found), "quote.reject", TYPE, id.value());
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
            support.authorize(actor, Permission.QUOTE_VIEW, targetOf(found), "quote.view", TYPE, quoteId.value());
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
            support.authorize(actor, Permission.QUOTE_VIEW, targetOf(customer), "quote.customer_quotes", TYPE, null);
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
            UseCaseSupport.Grant grant = support.authorizeScope(actor, Permission.QUOTE_SEARCH, "quote.search", TYPE);
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
            customers.findById(LOOKUP, filter).filter(c -> staff.id().equals(c.accountManager()))
                    .ifPresent(c -> visible.add(c.id()));
        } else if (resolved instanceof Actor.Staff staff) {
            CustomerSearchQuery managed = new CustomerSearchQuery(null, null, null, null, staff.id(), null, null,
                    CustomerSort.REGISTERED_ASC, PageRequest.first(PageRequest.MAX_SIZE));
            while (true) {
                Page<CustomerView> page = customers.search(LOOKUP, managed);
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
        support.transaction(() -> support.authorize(actor, Permission.QUOTE_BATCH, AccessTarget.none(),
                "quote.expire", TYPE, null));
        long examined = 0;
        long expired = 0;
        QuoteId after = null;
        while (true) {
            QuoteId from = after;
            List<QuoteId> page = support.transaction(() -> quotes.quotedValidUntil(asOf, from, BATCH));
            for (QuoteId id : page) {
                boolean done = support.transaction(() -> quotes.lock(id).map(quote -> {
                    boolean[] changed = new boolean[1];
                    support.applyChange(actor, "quote.expire", TYPE, id.value(), quote, null,
                            q -> changed[0] = q.expire(asOf, support.now()), quotes::update);
                    return changed[0];
                }).orElse(false));
                examined++;
                expired += done ? 1 : 0;
            }
            if (page.size() < BATCH) {
                return new ExpiryResult(examined, expired);
            }
            after = page.get(page.size() - 1);
        }
    }

    private List<QuoteLine> requestedLines(RequestQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            RequestQuoteCommand.Line line = command.lines().get(i);
            try {
                lines.add(QuoteLine.requested(i + 1, line.productId(), line.quantity()));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field().replace("lines.", "lines[" + i + "]."), e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return lines;
    }

    /** Refuses lines naming a product the catalog does not hold or no longer sells, naming each such line. */
    private void requireActiveProducts(RequestQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            Optional<ProductView> product = products.findById(LOOKUP, command.lines().get(i).productId());
            if (product.isEmpty()) {
                errors.add(new FieldError("lines[" + i + "].productId", "no product has this id"));
            } else if (product.get().isRetired()) {
                errors.add(new FieldError("lines[" + i + "].productId", "the product is retired and no longer sold"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /** The command's prices by line number, each checked on its own before any storage is read. */
    private static Map<Integer, Money> prices(AnswerQuoteCommand command, Currency currency) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Money> prices = new HashMap<>();
        for (int i = 0; i < command.prices().size(); i++) {
            AnswerQuoteCommand.LinePrice price = command.prices().get(i);
            String at = "prices[" + i + "].";
            if (prices.containsKey(price.lineNumber())) {
                errors.add(new FieldError(at + "lineNumber", "names a line a second time"));
                continue;
            }
            if (price.unitPrice().signum() < 0) {
                errors.add(new FieldError(at + "unitPrice", "must not be negative"));
                continue;
            }
            try {
                prices.put(price.lineNumber(), Money.of(at + "unitPrice", price.unitPrice(), currency));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field(), e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return prices;
    }

    /**
     * The prices of every line: those the command gives, the product's current list price for the others (when it is
     * in the quote's currency).
     */
    private Map<Integer, Money> withListPrices(QuoteSnapshot quote, Map<Integer, Money> given,
                                               AnswerQuoteCommand command) {
        Set<Integer> numbers = new HashSet<>();
        quote.lines().forEach(l -> numbers.add(l.number()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < command.prices().size(); i++) {
            if (!numbers.contains(command.prices().get(i).lineNumber())) {
                errors.add(new FieldError("prices[" + i + "].lineNumber", "the quote has no such line"));
            }
        }
        Map<Integer, Money> prices = new HashMap<>(given);
        for (QuoteLine line : quote.lines()) {
            if (prices.containsKey(line.number())) {
                continue;
            }
            Money list = products.findById(LOOKUP, line.product())
                    .orElseThrow(() -> new NotFoundException("product", line.product())).listPrice();
            if (list.currency().equals(quote.currency())) {
                prices.put(line.number(), list);
            } else {
                errors.add(new FieldError("prices", "line " + line.number() + " has no price, and its product's "
                        + "list price is in " + list.currency().getCurrencyCode()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return prices;
    }

    /** Whose quote this is: its customer's, owned by their account manager; a quote not found is nobody's. */
    private AccessTarget targetOf(Optional<Quote> quote) {
        return quote.map(q -> targetOf(q.customer())).orElse(AccessTarget.none());
    }

    private AccessTarget targetOf(CustomerId customer) {
        Optional<CustomerView> view = customers.findById(LOOKUP, customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    private static InvalidCommandException invalid(String field, String reason) {
        return new InvalidCommandException(List.of(new FieldError(field, reason)));
    }
}
