package org.crmkit.core.quote;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.ExpiryResult;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RejectQuoteCommand;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.SalesEvents;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.spi.CrmPersistence;
import org.junit.jupiter.api.Test;

/** The quote use cases end to end on the in-memory adapter: request, answer, revise, accept, reject, expire, read. */
class QuoteUseCasesTest {
    private final QuoteWorld w = new QuoteWorld();

    @Test
    void aCustomerRequestsTheRepAnswersTheCustomerAcceptsAndThePurchaseEarnsPoints() {
        Actor alice = Actor.customer(w.alice);
        QuoteView requested = w.quotes.request(alice, w.request(w.alice, QuoteWorld.line(w.shirt, 3),
                QuoteWorld.line(w.mug, 2)));
        assertThat(requested.status()).isEqualTo(QuoteStatus.REQUESTED);
        assertThat(requested.total()).isNull();
        assertThat(requested.lines()).extracting(l -> l.number(), l -> l.quantity(), l -> l.unitPrice())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3, null),
                        org.assertj.core.groups.Tuple.tuple(2, 2, null));

        w.clock.advance(Duration.ofHours(1));
        QuoteView answered = w.quotes.answer(w.rep, w.answer(requested));
        assertThat(answered.status()).isEqualTo(QuoteStatus.QUOTED);
        assertThat(answered.lines()).extracting(l -> l.unitPrice())
                .containsExactly(Money.of("18.00", "EUR"), Money.of("7.50", "EUR")); // the mug at its list price
        assertThat(answered.total()).isEqualTo(Money.of("69.00", "EUR"));
        assertThat(answered.answeredBy()).isEqualTo(w.repId);
        assertThat(answered.terms()).isEqualTo("Delivery in 5 days");

        w.clock.advance(Duration.ofHours(1));
        QuoteView accepted = w.quotes.accept(alice, new AcceptQuoteCommand(answered.id(), answered.version()));
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(accepted.closedAt()).isEqualTo(w.clock.instant());
        assertThat(accepted.purchase()).isNotNull();

        Page<PurchaseView> history = w.crm.sales().history(alice, new PurchaseHistoryQuery(w.alice,
                PageRequest.first(10)));
        assertThat(history.items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(accepted.purchase());
            assertThat(p.source()).isEqualTo("quote");
            assertThat(p.externalReference()).isEqualTo(accepted.id().toString());
            assertThat(p.total()).isEqualTo(Money.of("69.00", "EUR"));
            assertThat(p.occurredAt()).isEqualTo(accepted.closedAt());
        });
        assertThat(w.crm.loyalty().statement(alice, new LoyaltyStatementQuery(w.alice, PageRequest.first(10)))
                .account().balance()).isEqualTo(69);

        List<Class<?>> events = w.publisher.events().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(events).containsSubsequence(QuoteEvents.QuoteRequested.class, QuoteEvents.QuoteAnswered.class,
                SalesEvents.PurchaseRecorded.class, QuoteEvents.QuoteAccepted.class);
        assertThat(w.publisher.events()).filteredOn(QuoteEvents.QuoteAccepted.class::isInstance).singleElement()
                .isEqualTo(new QuoteEvents.QuoteAccepted(accepted.id(), w.alice, accepted.purchase(),
                        accepted.closedAt()));
        assertThat(w.publisher.insideTransaction()).doesNotContain(true);

        List<AuditEntry> audit = w.crm.audit().search(QuoteWorld.SYSTEM, AuditQuery.all(50)).items();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("quote.accept");
            assertThat(e.actorRef()).isEqualTo(w.alice.toString());
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("purchase.record");
            assertThat(e.actorRef()).as("the accepting caller, not a made-up system actor")
                    .isEqualTo(w.alice.toString());
        });
    }

    @Test
    void acceptingAgainReturnsTheSameQuoteAndRecordsNoSecondPurchase() {
        QuoteView quoted = w.quoted(w.alice);
        QuoteView first = w.quotes.accept(Actor.customer(w.alice), new AcceptQuoteCommand(quoted.id(), quoted.version()));
        w.publisher.clear();
        QuoteView again = w.quotes.accept(w.rep, new AcceptQuoteCommand(quoted.id(), quoted.version()));
        assertThat(again).isEqualTo(first);
        assertThat(w.purchasesOf(w.alice)).hasSize(1);
        assertThat(w.publisher.events()).isEmpty();
    }

    @Test
    void aRevisionReplacesTheOfferAndAnAcceptanceOfTheOldOfferIsAConflict() {
        QuoteView first = w.quoted(w.alice);
        QuoteView revised = w.quotes.answer(w.rep, new AnswerQuoteCommand(first.id(), first.version(), "EUR",
                List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("17.00")),
                        new AnswerQuoteCommand.LinePrice(2, new BigDecimal("7.00"))),
                w.clock.instant().plus(Duration.ofDays(3)), null));
        assertThat(revised.total()).isEqualTo(Money.of("65.00", "EUR"));
        assertThat(revised.terms()).isNull();
        assertThat(w.publisher.events()).filteredOn(QuoteEvents.QuoteAnswered.class::isInstance)
                .extracting(e -> ((QuoteEvents.QuoteAnswered) e).revision()).containsExactly(false, true);

        assertThatThrownBy(() -> w.quotes.accept(Actor.customer(w.alice), new AcceptQuoteCommand(first.id(),
                first.version()))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(w.purchasesOf(w.alice)).isEmpty();
        QuoteView accepted = w.quotes.accept(Actor.customer(w.alice), new AcceptQuoteCommand(revised.id(),
                revised.version()));
        assertThat(w.purchasesOf(w.alice)).singleElement()
                .satisfies(p -> assertThat(p.lines()).extracting(l -> l.unitPrice())
                        .containsExactly(Money.of("17.00", "EUR"), Money.of("7.00", "EUR")));
        assertThat(accepted.total()).isEqualTo(Money.of("65.00", "EUR"));
    }

    @Test
    void aRejectedQuoteCanBeNeitherAcceptedNorAnswered() {
        QuoteView quoted = w.quoted(w.bob);
        QuoteView rejected = w.quotes.reject(Actor.customer(w.bob), new RejectQuoteCommand(quoted.id(), null,
                "  found it cheaper  "));
        assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThat(rejected.rejection()).isEqualTo("found it cheaper");
        assertThat(w.quotes.reject(w.rep, new RejectQuoteCommand(quoted.id(), null, null))).isEqualTo(rejected);
        assertThatThrownBy(() -> w.quotes.accept(Actor.customer(w.bob), new AcceptQuoteCommand(quoted.id(), quoted.version())))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("quote_closed"));
        assertThatThrownBy(() -> w.quotes.answer(w.manager, w.answer(rejected)))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("quote_closed"));
        assertThat(w.purchasesOf(w.bob)).isEmpty();
    }

    @Test
    void theExpiryBatchExpiresOffersPastTheirValidityOnceAndLeavesTheOthers() {
        QuoteView shortOne = w.quotes.answer(w.rep, new AnswerQuoteCommand(w.requested(w.alice).id(), null, "EUR",
                List.of(), w.clock.instant().plus(Duration.ofDays(1)), null));
        QuoteView longOne = w.quoted(w.bob); // 14 days
        QuoteView accepted = w.quoted(w.carol);
        w.quotes.accept(QuoteWorld.SYSTEM, new AcceptQuoteCommand(accepted.id(), accepted.version()));
        QuoteView unanswered = w.requested(w.alice);

        w.clock.advance(Duration.ofDays(2));
        w.publisher.clear();
        ExpiryResult result = w.quotes.expireQuotes(w.manager, new ExpireQuotesCommand(w.clock.instant()));
        assertThat(result).isEqualTo(new ExpiryResult(1, 1, 0));
        assertThat(w.stored(shortOne).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(w.stored(shortOne).closedAt()).isEqualTo(w.clock.instant());
        assertThat(w.stored(longOne).status()).isEqualTo(QuoteStatus.QUOTED);
        assertThat(w.stored(accepted).status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(w.stored(unanswered).status()).isEqualTo(QuoteStatus.REQUESTED);
        assertThat(w.publisher.events()).containsExactly(new QuoteEvents.QuoteExpired(shortOne.id(), w.alice,
                w.clock.instant()));

        assertThat(w.quotes.expireQuotes(QuoteWorld.SYSTEM, new ExpireQuotesCommand(w.clock.instant())))
                .as("a second run").isEqualTo(new ExpiryResult(0, 0, 0));
        assertThatThrownBy(() -> w.quotes.accept(Actor.customer(w.alice), new AcceptQuoteCommand(shortOne.id(),
                shortOne.version()))).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("quote_expired"));
    }

    @Test
    void expiryPagesThroughManyQuotes() {
        List<QuoteView> due = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            due.add(w.quotes.answer(w.manager, new AnswerQuoteCommand(w.quotes.request(w.manager,
                    w.request(w.carol, QuoteWorld.line(w.mug, 1))).id(), null, "EUR", List.of(),
                    w.clock.instant().plusSeconds(60), null)));
        }
        w.clock.advance(Duration.ofMinutes(2));
        assertThat(w.quotes.expireQuotes(QuoteWorld.SYSTEM, new ExpireQuotesCommand(w.clock.instant())))
                .isEqualTo(new ExpiryResult(205, 205, 0));
        assertThat(due).allSatisfy(q -> assertThat(w.stored(q).status()).isEqualTo(QuoteStatus.EXPIRED));
    }

    @Test
    void anExpiryRunCountsAQuoteItCouldNotChangeAsSkippedAndExpiresTheRest() {
        AreaPorts store = new AreaPorts(InMemoryCrmPersistence.create());
        Set<QuoteId> blocked = new HashSet<>();
        QuoteRepository quotes = store.quotes();
        // the update of a blocked quote collides with a concurrent transaction, as a lock wait that timed out would
        QuoteRepository colliding = delegate(QuoteRepository.class, quotes, (method, args) -> {
            if (method.getName().equals("update") && blocked.contains(((org.crmkit.core.quote.QuoteSnapshot) args[0]).id())) {
                throw ConflictException.concurrentWrite("quote update");
            }
            return method.invoke(quotes, args);
        });
        QuoteWorld world = new QuoteWorld(delegate(CrmPersistence.class, store, (method, args) ->
                method.getName().equals("port") && args[0] == QuoteRepository.class ? Optional.of(colliding)
                        : method.invoke(store, args)));
        List<QuoteView> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            due.add(world.quotes.answer(world.manager, new AnswerQuoteCommand(world.requested(world.bob).id(), null,
                    "EUR", List.of(), world.clock.instant().plusSeconds(60), null)));
        }
        blocked.add(due.get(1).id());
        world.clock.advance(Duration.ofMinutes(2));
        assertThat(world.quotes.expireQuotes(QuoteWorld.SYSTEM, new ExpireQuotesCommand(world.clock.instant())))
                .isEqualTo(new ExpiryResult(3, 2, 1));
        assertThat(due).extracting(q -> world.stored(q).status())
                .containsExactly(QuoteStatus.EXPIRED, QuoteStatus.QUOTED, QuoteStatus.EXPIRED);
        blocked.clear();
        assertThat(world.quotes.expireQuotes(QuoteWorld.SYSTEM, new ExpireQuotesCommand(world.clock.instant())))
                .as("the next run").isEqualTo(new ExpiryResult(1, 1, 0));
    }

    /** The handler's answer to every call of the interface, unwrapping what a reflective call throws. */
    private interface Call {
        Object answer(Method method, Object[] args) throws Exception;
    }

    private static <T> T delegate(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.answer(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Test
    void customersSeeOnlyTheirOwnQuotes() {
        QuoteView alices = w.quoted(w.alice);
        QuoteView bobs = w.quoted(w.bob);
        Actor alice = Actor.customer(w.alice);
        assertThat(w.quotes.findById(alice, alices.id())).contains(alices);
        assertThat(w.quotes.customerQuotes(alice, new CustomerQuotesQuery(w.alice, PageRequest.first(10))).items())
                .containsExactly(alices);
        assertThatThrownBy(() -> w.quotes.findById(alice, bobs.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.quotes.customerQuotes(alice, new CustomerQuotesQuery(w.bob,
                PageRequest.first(10)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.quotes.search(alice, QuoteSearchQuery.byStatus(null, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSalesRepSearchesTheQuotesOfTheCustomersTheyManageAndAManagerSearchesAll() {
        QuoteView alices = w.quoted(w.alice);
        w.clock.advance(Duration.ofMinutes(1));
        QuoteView bobs = w.requested(w.bob);
        w.clock.advance(Duration.ofMinutes(1));
        QuoteView carols = w.requested(w.carol);

        assertThat(w.quotes.search(w.rep, QuoteSearchQuery.byStatus(null, 10)).items())
                .extracting(QuoteView::id).containsExactly(bobs.id(), alices.id());
        assertThat(w.quotes.search(w.rep, new QuoteSearchQuery(null, w.carol, QuoteSort.REQUESTED_DESC,
                PageRequest.first(10))).items()).isEmpty();
        assertThat(w.quotes.search(w.manager, QuoteSearchQuery.byStatus(null, 10)).items())
                .extracting(QuoteView::id).containsExactly(carols.id(), bobs.id(), alices.id());
        assertThat(w.quotes.search(w.manager, QuoteSearchQuery.byStatus(QuoteStatus.REQUESTED, 10)).items())
                .extracting(QuoteView::id).containsExactly(carols.id(), bobs.id());
        assertThat(w.quotes.search(w.manager, new QuoteSearchQuery(QuoteStatus.QUOTED, w.alice,
                QuoteSort.REQUESTED_ASC, PageRequest.first(10))).items()).containsExactly(alices);
        assertThatThrownBy(() -> w.quotes.findById(w.rep, carols.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void searchPagesResumeAfterTheLastQuoteInEitherOrder() {
        List<QuoteView> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(w.requested(i % 2 == 0 ? w.alice : w.bob));
            if (i % 3 == 0) {
                w.clock.advance(Duration.ofSeconds(1)); // some share a request time
            }
        }
        for (QuoteSort sort : QuoteSort.values()) {
            List<QuoteView> seen = new ArrayList<>();
            QuoteSearchQuery query = new QuoteSearchQuery(null, null, sort, PageRequest.first(3));
            while (true) {
                Page<QuoteView> page = w.quotes.search(w.manager, query);
                seen.addAll(page.items());
                if (!page.hasNext()) {
                    break;
                }
                query = query.next(page);
            }
            List<QuoteView> expected = new ArrayList<>(made);
            if (sort == QuoteSort.REQUESTED_DESC) {
                java.util.Collections.reverse(expected);
            }
            assertThat(seen).as("%s", sort).extracting(QuoteView::id)
                    .containsExactlyElementsOf(expected.stream().map(QuoteView::id).toList());
        }
        Page<QuoteView> first = w.quotes.customerQuotes(w.rep, new CustomerQuotesQuery(w.alice,
                PageRequest.first(3)));
        Page<QuoteView> second = w.quotes.customerQuotes(w.rep, new CustomerQuotesQuery(w.alice,
                PageRequest.first(3)).next(first));
        assertThat(first.items().size() + second.items().size()).isEqualTo(4);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void eventsOfAFailedAcceptanceAreNeverPublished() {
        QuoteView quoted = w.quoted(w.alice);
        w.crm.products().retire(QuoteWorld.SYSTEM, new org.crmkit.core.product.port.in.RetireProductCommand(
                w.mug.id(), null));
        w.publisher.clear();
        assertThatThrownBy(() -> w.quotes.accept(Actor.customer(w.alice), new AcceptQuoteCommand(quoted.id(),
                quoted.version()))).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("product_retired"));
        List<DomainEvent> published = w.publisher.events();
        assertThat(published).isEmpty();
        assertThat(w.stored(quoted).status()).isEqualTo(QuoteStatus.QUOTED);
        List<PurchaseSnapshot> purchases = w.purchasesOf(w.alice);
        assertThat(purchases).isEmpty();
    }

    @Test
    void aCustomersErasureBlanksWhatTheyWroteOnTheirQuotesAndKeepsTheOffers() {
        QuoteView quoted = w.quoted(w.alice);
        QuoteView rejected = w.quotes.reject(Actor.customer(w.alice), new RejectQuoteCommand(quoted.id(), null,
                "My phone is +41 79 123 45 67"));
        QuoteView bobs = w.requested(w.bob);
        w.crm.customers().erase(QuoteWorld.SYSTEM, w.alice);
        org.crmkit.core.quote.QuoteSnapshot erased = w.stored(rejected);
        assertThat(erased.message()).isNull();
        assertThat(erased.rejection()).isNull();
        assertThat(erased.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThat(erased.lines()).isEqualTo(rejected.lines());
        assertThat(erased.terms()).isEqualTo(rejected.terms());
        assertThat(w.stored(bobs).message()).as("another customer's quote").isEqualTo("Please quote");
    }
}
