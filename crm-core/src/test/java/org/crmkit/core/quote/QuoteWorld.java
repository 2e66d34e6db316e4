package org.crmkit.core.quote;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import org.crmkit.core.quote.internal.store.QuoteStore;
import org.crmkit.core.internal.AreaPorts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;

/**
 * A small shop for the quote tests, on the in-memory adapter: a shirt (19.90 EUR), a mug (7.50 EUR) and a hat priced
 * in USD; Alice and Bob, both managed by the sales rep; Carol, managed by nobody; a sales manager.
 */
final class QuoteWorld {
    static final Actor SYSTEM = Actor.system("quote-test");
    static final Instant START = Instant.parse("2026-04-01T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingPublisher publisher = new RecordingPublisher();
    final Crm crm;
    final AreaPorts store;
    final Quotes quotes;
    final StaffId repId;
    final Actor rep;
    final Actor manager;
    final ProductView shirt;
    final ProductView mug;
    final ProductView hat;
    final CustomerId alice;
    final CustomerId bob;
    final CustomerId carol;

    QuoteWorld() {
        this(InMemoryCrmPersistence.create());
    }

    /** @param persistence the store to run on (a test may wrap the in-memory one) */
    QuoteWorld(CrmPersistence persistence) {
        store = new AreaPorts(persistence);
        crm = Crm.builder().clock(clock).eventPublisher(publisher).persistence(persistence).build();
        quotes = crm.quotes();
        repId = StaffId.next(clock);
        rep = TestStaff.enrol(crm, repId, Role.SALES_REP);
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        shirt = product("SHIRT-1", "19.90", "EUR");
        mug = product("MUG-1", "7.50", "EUR");
        hat = product("HAT-1", "12.00", "USD");
        alice = customer("Alice", repId);
        bob = customer("Bob", repId);
        carol = customer("Carol", null);
    }

    private ProductView product(String sku, String price, String currency) {
        return crm.products().create(SYSTEM, new CreateProductCommand(sku, sku.toLowerCase(java.util.Locale.ROOT),
                null, null, new BigDecimal(price), currency));
    }

    private CustomerId customer(String name, StaffId manager) {
        CustomerId id = crm.customers().register(SYSTEM, new RegisterCustomerCommand(name, "Example",
                name.toLowerCase(java.util.Locale.ROOT) + "@example.org", null, null, null, null,
                CustomerSource.REFERRAL, null, false)).id();
        if (manager != null) {
            crm.customers().assignAccountManager(SYSTEM, new AssignAccountManagerCommand(id, manager, null));
        }
        return id;
    }

    static RequestQuoteCommand.Line line(ProductView product, int quantity) {
        return new RequestQuoteCommand.Line(product.id(), quantity);
    }

    RequestQuoteCommand request(CustomerId customer, RequestQuoteCommand.Line... lines) {
        return new RequestQuoteCommand(customer, "EUR", List.of(lines), "Please quote");
    }

    /** @return 3 shirts and 2 mugs for the customer, requested by the customer themself */
    QuoteView requested(CustomerId customer) {
        return quotes.request(Actor.customer(customer), request(customer, line(shirt, 3), line(mug, 2)));
    }

    /** @param q a requested quote @return the rep's answer: shirts at 18.00, mugs at list price, valid 14 days */
    AnswerQuoteCommand answer(QuoteView q) {
        return new AnswerQuoteCommand(q.id(), q.version(), "EUR",
                List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("18.00"))),
                clock.instant().plus(Duration.ofDays(14)), "Delivery in 5 days");
    }

    /** @return a quote of 3 shirts and 2 mugs for the customer, answered by the sales manager */
    QuoteView quoted(CustomerId customer) {
        return quotes.answer(manager, answer(requested(customer)));
    }

    /** @return every stored quote and every purchase of the three customers, and Alice's loyalty account */
    Object storedState() {
        List<Object> state = new ArrayList<>();
        new QuoteStore(store.quotes()).search(new QuoteSearchCriteria(null, null, QuoteSort.REQUESTED_ASC, null),
                10_000).forEach(q -> state.add(q.snapshot()));
        for (CustomerId c : List.of(alice, bob, carol)) {
            new PurchaseStore(store.purchases()).findByCustomer(c, null, 10_000)
                    .forEach(p -> state.add(p.snapshot()));
            state.add(store.loyalty().find(c));
        }
        return state;
    }

    /** @param q a quote @return its stored state */
    QuoteSnapshot stored(QuoteView q) {
        return store.unitOfWork().inTransaction(() -> new QuoteStore(store.quotes()).findById(q.id()))
                .orElseThrow().snapshot();
    }

    /** @param customer a customer @return their purchases, newest first */
    List<PurchaseSnapshot> purchasesOf(CustomerId customer) {
        return store.unitOfWork().inTransaction(() -> store.purchases()
                .findByCustomer(customer, null, 100));
    }
}
