package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.ExpiryResult;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quotes under concurrency on a real server (REPEATABLE READ). Every change of a quote locks its row first, so:
 * two acceptances of one quote at once record exactly one purchase, and both callers get the accepted quote (the
 * second waits for the first and then answers idempotently); the expiry batch racing an acceptance leaves each quote
 * either accepted with its purchase or expired without one, never both. The race uses two {@link Crm} instances on
 * one database whose clocks disagree by two seconds around the quotes' end of validity (two hosts with clock skew),
 * so both calls are allowed in their own view and only the row lock decides.
 */
class QuoteConcurrencyIT {
    private static final Actor SYSTEM = Actor.system("quote-concurrency-it");
    private static final Instant START = Instant.parse("2026-05-04T10:00:00Z");

    private MyBatisCrmPersistence persistence;
    private MutableClock clock;
    private Crm crm;
    private ProductView product;

    @BeforeEach
    void setUp() {
        persistence = TestDatabase.get().emptyPersistence();
        clock = new MutableClock(START);
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).clock(clock).build();
        product = crm.products().create(SYSTEM, new CreateProductCommand("Q-1", "Quoted", null, null,
                new BigDecimal("10.00"), "EUR"));
    }

    private CustomerId customer(int n) {
        return crm.customers().register(SYSTEM, new RegisterCustomerCommand("Quinn", "Buyer " + n,
                "quinn" + n + "@example.org", null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
    }

    /** @return a quote of 3 for the customer at 9.00 EUR, valid until the given instant */
    private QuoteView quoted(CustomerId customer, Instant validUntil) {
        QuoteView requested = crm.quotes().request(Actor.customer(customer), new RequestQuoteCommand(customer, "EUR",
                List.of(new RequestQuoteCommand.Line(product.id(), 3)), null));
        return crm.quotes().answer(SYSTEM, new AnswerQuoteCommand(requested.id(), null, "EUR",
                List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("9.00"))), validUntil, null));
    }

    private List<PurchaseView> purchasesOf(CustomerId customer) {
        return crm.sales().history(SYSTEM, new PurchaseHistoryQuery(customer, PageRequest.first(50))).items();
    }

    @Test
    void twoAcceptancesOfOneQuoteAtOnceRecordOnePurchaseAndBothGetTheAcceptedQuote() throws Exception {
        for (int round = 0; round < 2; round++) {
            CustomerId customer = customer(round);
            QuoteView quote = quoted(customer, START.plus(Duration.ofDays(7)));
            // the customer online and their sales manager on the phone, at the same moment
            Actor first = round == 0 ? Actor.customer(customer) : SYSTEM;
            Actor second = round == 0 ? SYSTEM : Actor.customer(customer);
            HeldTransaction.Result<QuoteView, QuoteView> race = HeldTransaction.run(transactions(crm),
                    () -> crm.quotes().accept(first, new AcceptQuoteCommand(quote.id(), quote.version())),
                    () -> crm.quotes().accept(second, new AcceptQuoteCommand(quote.id(), quote.version())));

            assertThat(race.secondWaited()).as("round %d: the second acceptance waits for the first", round)
                    .isTrue();
            assertThat(List.of(race.first(), race.second())).as("round %d", round)
                    .extracting(ParallelCalls.Outcome::code).containsExactly("ok", "ok");
            assertThat(race.second().value()).isEqualTo(race.first().value());
            QuoteView accepted = race.first().value();
            assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
            assertThat(purchasesOf(customer)).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(accepted.purchase());
                assertThat(p.externalReference()).isEqualTo(quote.id().toString());
            });
            assertThat(crm.loyalty().statement(SYSTEM, new LoyaltyStatementQuery(customer, PageRequest.first(10)))
                    .account().balance()).as("points earned once").isEqualTo(27);
        }
    }

    @Test
    void anAcceptanceWaitingForTheExpiryOfItsQuoteIsToldItExpired() throws Exception {
        Instant end = START.plusSeconds(3600);
        CustomerId customer = customer(100);
        QuoteView quote = quoted(customer, end);
        // two hosts on one database: for the one accepting, the offer is still valid; for the one running the
        // batch, it has just ended
        Crm before = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).clock(new MutableClock(end.minusSeconds(1))).build();
        Crm after = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).clock(new MutableClock(end.plusSeconds(1))).build();

        HeldTransaction.Result<ExpiryResult, QuoteView> race = HeldTransaction.run(transactions(after),
                () -> after.quotes().expireQuotes(SYSTEM, new ExpireQuotesCommand(end.plusSeconds(1))),
                () -> before.quotes().accept(Actor.customer(customer),
                        new AcceptQuoteCommand(quote.id(), quote.version())));

        assertThat(race.secondWaited()).as("the acceptance waits for the expiry's lock").isTrue();
        assertThat(race.first().value()).isEqualTo(new ExpiryResult(1, 1, 0));
        assertThat(race.second().code()).isEqualTo("quote_expired");
        QuoteView stored = crm.quotes().findById(SYSTEM, quote.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(stored.purchase()).isNull();
        assertThat(purchasesOf(customer)).isEmpty();
    }

    @Test
    void theExpiryWaitingForAnAcceptanceLeavesThatQuoteAcceptedWithItsPurchaseAndExpiresTheOthers() throws Exception {
        Instant end = START.plusSeconds(3600);
        List<CustomerId> customers = new ArrayList<>();
        List<QuoteView> quotes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            customers.add(customer(200 + i));
            quotes.add(quoted(customers.get(i), end));
        }
        Crm before = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).clock(new MutableClock(end.minusSeconds(1))).build();
        Crm after = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).clock(new MutableClock(end.plusSeconds(1))).build();
        QuoteView accepting = quotes.get(1);

        HeldTransaction.Result<QuoteView, ExpiryResult> race = HeldTransaction.run(transactions(before),
                () -> before.quotes().accept(Actor.customer(accepting.customer()),
                        new AcceptQuoteCommand(accepting.id(), accepting.version())),
                () -> after.quotes().expireQuotes(SYSTEM, new ExpireQuotesCommand(end.plusSeconds(1))));

        assertThat(race.secondWaited()).as("the expiry waits for the acceptance's lock").isTrue();
        assertThat(race.first().code()).isEqualTo("ok");
        assertThat(race.second().value().expired()).isEqualTo(2);
        assertThat(race.second().value().skipped()).isZero();
        for (int i = 0; i < quotes.size(); i++) {
            QuoteView stored = crm.quotes().findById(SYSTEM, quotes.get(i).id()).orElseThrow();
            List<PurchaseView> purchases = purchasesOf(customers.get(i));
            if (i == 1) {
                assertThat(stored.status()).isEqualTo(QuoteStatus.ACCEPTED);
                assertThat(purchases).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo(stored.purchase()));
            } else {
                assertThat(stored.status()).as("quote %d", i).isEqualTo(QuoteStatus.EXPIRED);
                assertThat(stored.purchase()).isNull();
                assertThat(purchases).as("quote %d", i).isEmpty();
            }
        }
    }

    private static UnitOfWork transactions(Crm host) {
        return CrmTestAccess.persistence(host).unitOfWork();
    }
}
