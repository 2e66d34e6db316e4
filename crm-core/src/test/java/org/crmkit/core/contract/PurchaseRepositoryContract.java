package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.ReturnLine;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository.CurrencyTotals;
import org.crmkit.core.sales.port.out.PurchaseRepository.CustomerRanking;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PurchaseRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class PurchaseRepositoryContract extends PortContract {
    private static final Instant T0 = SalesFixtures.T0;
    private static final Instant LATER = T0.plusSeconds(86_400).plusNanos(7000);

    private ProductId fox;
    private ProductId owl;
    private ProductId yak;

    @BeforeEach
    void givenStoredProducts() {
        fox = SalesFixtures.storedProduct(persistence).id();
        owl = SalesFixtures.storedProduct(persistence).id();
        yak = SalesFixtures.storedProduct(persistence).id();
    }

    private PurchaseStore repo() {
        return new PurchaseStore(persistence.purchases());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(Purchase purchase) {
        persistence.unitOfWork().inTransaction(() -> repo().add(purchase));
    }

    private void update(Purchase purchase) {
        persistence.unitOfWork().inTransaction(() -> repo().update(purchase));
    }

    private Purchase load(PurchaseId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private Purchase stored(CustomerId customer, Instant at, PurchaseLine... lines) {
        return SalesFixtures.stored(persistence, SalesFixtures.purchase(customer, at, List.of(lines)));
    }

    private static PurchaseLine line(int number, ProductId product, int quantity, String price, String currency) {
        return SalesFixtures.line(number, product, quantity, Money.of(price, currency));
    }

    private static CustomerId customer() {
        return CustomerId.next(SalesFixtures.IDS);
    }

    @Test
    void returnsEveryFieldOfANewPurchaseWithItsLinesByNumber() {
        CustomerId customer = customer();
        // numbers given out of order, and 10 after 9 (a text order would put it first)
        Purchase purchase = SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS), customer, T0,
                SalesChannel.STORE, "Kasse 🦊 Zürich", "Bon-가나-Ä/" + "é".repeat(55),
                List.of(line(10, fox, 2, "19.99", "EUR"), line(2, owl, 1_000_000, "0", "EUR"),
                        line(9, fox, 1, "0.0001", "EUR"), line(1, yak, 3, "1234567.5", "EUR")));
        assertThat(purchase.snapshot().externalReference()).hasSize(64);
        add(purchase);

        PurchaseSnapshot stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(purchase.snapshot());
        assertThat(stored.lines()).extracting(PurchaseLine::number).containsExactly(1, 2, 9, 10);
        assertThat(stored.version()).isZero();
        assertThat(stored.customer()).isEqualTo(customer);
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(stored.recordedAt()).isEqualTo(SalesFixtures.RECORDED);
        assertThat(stored.channel()).isEqualTo(SalesChannel.STORE);
        assertThat(stored.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(stored.returns()).isEmpty();
        assertThat(load(purchase.id()).total()).isEqualTo(Money.of("3703742.4801", "EUR"));
    }

    @Test
    void returnsEveryChannel() {
        for (SalesChannel channel : SalesChannel.values()) {
            Purchase purchase = SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS), customer(), T0, channel,
                    SalesFixtures.SOURCE, SalesFixtures.uniqueReference(), List.of(line(1, fox, 1, "5", "EUR")));
            add(purchase);
            assertThat(load(purchase.id()).snapshot()).as(channel.name()).isEqualTo(purchase.snapshot());
        }
    }

    @Test
    void anAnonymousPurchaseHasNoCustomerAndBelongsToNoHistory() {
        Purchase purchase = stored(null, T0, line(1, fox, 1, "9.90", "CHF"));
        PurchaseSnapshot stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(purchase.snapshot());
        assertThat(stored.customer()).isNull();
        assertThat(tx(() -> repo().findByCustomer(customer(), null, 10))).isEmpty();
    }

    @Test
    void amountsComeBackAtTheScaleMoneyNormalizesTo() {
        List<Money> prices = List.of(Money.of("19.99", "EUR"), Money.of("100", "EUR"), Money.of("0.5", "EUR"),
                Money.of("1.2345", "EUR"), Money.of("0", "JPY"), Money.of("1500", "JPY"), Money.of("12.5", "JPY"),
                Money.of("0.0001", "JPY"), Money.of("1.234", "BHD"), Money.of("0.1", "BHD"),
                Money.of("1.2345", "BHD"), Money.of("999999999.9999", "USD"), Money.of("0.0001", "CHF"));
        for (Money price : prices) {
            Purchase purchase = stored(customer(), T0, SalesFixtures.line(1, fox, 3, price));
            Purchase loaded = load(purchase.id());
            Money stored = loaded.snapshot().lines().get(0).unitPrice();
            assertThat(stored).as(price.toString()).isEqualTo(price);
            assertThat(stored.amount().toPlainString()).as(price.toString())
                    .isEqualTo(price.amount().toPlainString());

            loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 2), LATER);
            update(loaded);
            PurchaseReturn back = load(purchase.id()).snapshot().returns().get(0);
            Money refund = price.times(2);
            assertThat(back.refund()).as(price + " refund").isEqualTo(refund);
            assertThat(back.refund().amount().toPlainString()).isEqualTo(refund.amount().toPlainString());
            assertThat(back.lines().get(0).refund().amount().toPlainString())
                    .isEqualTo(refund.amount().toPlainString());
        }
    }

    @Test
    void anUnknownIdIsEmpty() {
        stored(customer(), T0, line(1, fox, 1, "5", "EUR"));
        assertThat(tx(() -> repo().findById(PurchaseId.next(SalesFixtures.IDS)))).isEmpty();
    }

    @Test
    void aTakenReferenceOfTheSameSourceIsAConflictNamingTheField() {
        Purchase first = SalesFixtures.stored(persistence, SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS),
                customer(), T0, "webshop", "A-1", List.of(line(1, fox, 1, "5", "EUR"))));
        Purchase again = SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS), customer(), LATER, "webshop",
                "A-1", List.of(line(1, owl, 2, "7", "JPY")));
        assertThatThrownBy(() -> add(again)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("externalReference");
        });
        assertThat(tx(() -> repo().findById(again.id()))).isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "A-1"))).map(Purchase::id).contains(first.id());

        Purchase otherSource = SalesFixtures.stored(persistence, SalesFixtures.purchase(
                PurchaseId.next(SalesFixtures.IDS), customer(), T0, "pos", "A-1",
                List.of(line(1, fox, 1, "5", "EUR"))));
        Purchase otherCase = SalesFixtures.stored(persistence, SalesFixtures.purchase(
                PurchaseId.next(SalesFixtures.IDS), customer(), T0, "webshop", "a-1",
                List.of(line(1, fox, 1, "5", "EUR"))));
        Purchase otherSourceCase = SalesFixtures.stored(persistence, SalesFixtures.purchase(
                PurchaseId.next(SalesFixtures.IDS), customer(), T0, "WEBSHOP", "A-1",
                List.of(line(1, fox, 1, "5", "EUR"))));
        assertThat(load(otherSource.id()).snapshot()).isEqualTo(otherSource.snapshot());
        assertThat(load(otherCase.id()).snapshot()).isEqualTo(otherCase.snapshot());
        assertThat(load(otherSourceCase.id()).snapshot()).isEqualTo(otherSourceCase.snapshot());
    }

    @Test
    void findsAPurchaseByItsSourceAndReferenceExactly() {
        Purchase web = SalesFixtures.stored(persistence, SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS),
                customer(), T0, "webshop", "Bestellung-Ä-1", List.of(line(1, fox, 1, "5", "EUR"))));
        Purchase pos = SalesFixtures.stored(persistence, SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS),
                null, T0, "pos 🦊", "Bestellung-Ä-1", List.of(line(1, fox, 1, "5", "EUR"))));
        Purchase loaded = load(web.id());
        loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);
        update(loaded);

        assertThat(tx(() -> repo().findByReference("webshop", "Bestellung-Ä-1"))).map(Purchase::snapshot)
                .contains(loaded.snapshot());
        assertThat(tx(() -> repo().findByReference("pos 🦊", "Bestellung-Ä-1"))).map(Purchase::snapshot)
                .contains(pos.snapshot());
        assertThat(tx(() -> repo().findByReference("webshop", "Bestellung-A-1"))).as("accents count").isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "bestellung-ä-1"))).as("case counts").isEmpty();
        assertThat(tx(() -> repo().findByReference("Webshop", "Bestellung-Ä-1"))).isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "Bestellung-Ä"))).as("not a prefix").isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "Bestellung-Ä-1 "))).as("no padding").isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop ", "Bestellung-Ä-1"))).isEmpty();
        assertThat(tx(() -> repo().findByReference("pos", "Bestellung-Ä-1"))).isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "Bestellung-Ä-2"))).isEmpty();
    }

    @Test
    void updateStoresEachReturnWithItsLinesAndRefundsAndAdvancesTheVersion() {
        Purchase purchase = stored(customer(), T0, line(1, fox, 5, "19.99", "EUR"), line(2, owl, 1, "0", "EUR"),
                line(3, yak, 2, "0.0001", "EUR"));

        Purchase loaded = load(purchase.id());
        PurchaseReturn first = loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(3, 2, 1, 2), LATER);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        PurchaseSnapshot stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.lines()).extracting(PurchaseLine::returned).containsExactly(2, 0, 2);
        assertThat(stored.returns()).containsExactly(first);
        assertThat(first.lines()).containsExactly(new ReturnLine(1, 2, Money.of("39.98", "EUR")),
                new ReturnLine(3, 2, Money.of("0.0002", "EUR")));
        assertThat(first.refund()).isEqualTo(Money.of("39.9802", "EUR"));

        PurchaseReturn second = loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 3, 2, 1),
                LATER.plusSeconds(60));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.lines()).extracting(PurchaseLine::returned).containsExactly(5, 1, 2);
        assertThat(stored.returns()).as("oldest first").containsExactly(first, second);
        assertThat(second.refund()).isEqualTo(Money.of("59.97", "EUR"));
        assertThat(load(purchase.id()).total()).as("the total as bought").isEqualTo(Money.of("99.9502", "EUR"));
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(stored.recordedAt()).isEqualTo(SalesFixtures.RECORDED);
    }

    @Test
    void aPurchaseOfTheMostLinesRoundTripsAndTakesReturnsOnAnyLine() {
        List<PurchaseLine> lines = new ArrayList<>();
        for (int n = Purchase.MAX_LINES; n >= 1; n--) {
            lines.add(line(n, n % 2 == 0 ? fox : owl, n, n + ".25", "USD"));
        }
        Purchase purchase = SalesFixtures.stored(persistence, SalesFixtures.purchase(customer(), T0, lines));
        Purchase loaded = load(purchase.id());
        assertThat(loaded.snapshot()).isEqualTo(purchase.snapshot());
        assertThat(loaded.snapshot().lines()).hasSize(Purchase.MAX_LINES);

        loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1, 250, 100, Purchase.MAX_LINES, 500), LATER);
        update(loaded);
        PurchaseSnapshot stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.lines().get(0).returned()).isEqualTo(1);
        assertThat(stored.lines().get(1).returned()).isZero();
        assertThat(stored.lines().get(249).returned()).isEqualTo(100);
        assertThat(stored.lines().get(Purchase.MAX_LINES - 1).returned()).isEqualTo(500);
    }

    @Test
    void aStaleUpdateIsAConflictAndStoresNoReturn() {
        Purchase purchase = stored(customer(), T0, line(1, fox, 5, "10", "EUR"));
        Purchase first = load(purchase.id());
        Purchase second = load(purchase.id());
        first.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);
        update(first);
        second.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 4), LATER.plusSeconds(1));
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();

        PurchaseSnapshot stored = load(purchase.id()).snapshot();
        assertThat(stored).isEqualTo(first.snapshot());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.returns()).hasSize(1);
        assertThat(stored.lines().get(0).returned()).isEqualTo(1);
    }

    @Test
    void findByCustomerListsNewestFirstWithTiesByIdBytesAndLoadsEveryPart() {
        CustomerId customer = customer();
        Instant tie = T0.plusSeconds(7200);
        Purchase oldest = stored(customer, T0, line(1, fox, 1, "5", "EUR"));
        Purchase older = stored(customer, T0.plusSeconds(3600), line(1, fox, 1, "500", "JPY"),
                line(2, owl, 4, "1.5", "JPY"));
        Purchase tieA = stored(customer, tie, line(1, owl, 2, "3", "EUR"));
        Purchase tieB = stored(customer, tie, line(1, yak, 2, "3", "CHF"));
        PurchaseId high = new PurchaseId(StaffFixtures.withHighBit(PurchaseId.next(SalesFixtures.IDS).value()));
        Purchase tieHigh = SalesFixtures.stored(persistence, SalesFixtures.purchase(high, customer, tie,
                SalesFixtures.SOURCE, SalesFixtures.uniqueReference(), List.of(line(1, fox, 1, "1", "EUR"))));
        Purchase newest = stored(customer, tie.plusSeconds(1), line(1, fox, 1, "5", "EUR"));
        stored(customer(), tie, line(1, fox, 1, "5", "EUR"));
        stored(null, tie, line(1, fox, 1, "5", "EUR"));
        // a return stored with one of them comes back with the page
        Purchase returned = load(older.id());
        returned.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(2, 3), LATER);
        update(returned);

        List<Purchase> ordinaryTies = new ArrayList<>(List.of(tieA, tieB));
        ordinaryTies.sort((x, y) -> UuidV7.compareBytes(y.id().value(), x.id().value()));
        List<PurchaseId> expected = List.of(newest.id(), tieHigh.id(), ordinaryTies.get(0).id(),
                ordinaryTies.get(1).id(), older.id(), oldest.id());

        List<Purchase> all = tx(() -> repo().findByCustomer(customer, null, 100));
        assertThat(all).extracting(Purchase::id).containsExactlyElementsOf(expected);
        assertThat(all.get(4).snapshot()).isEqualTo(returned.snapshot());
        assertThat(all.get(5).snapshot()).isEqualTo(oldest.snapshot());
        assertThat(all.get(1).snapshot()).isEqualTo(tieHigh.snapshot());

        List<PurchaseId> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        EntryPosition after = null;
        for (int page = 0; page < 10; page++) {
            EntryPosition position = after;
            List<Purchase> purchases = tx(() -> repo().findByCustomer(customer, position, 2));
            sizes.add(purchases.size());
            if (purchases.isEmpty()) {
                break;
            }
            purchases.forEach(p -> paged.add(p.id()));
            PurchaseSnapshot last = purchases.get(purchases.size() - 1).snapshot();
            after = new EntryPosition(last.occurredAt(), last.id().value());
        }
        assertThat(sizes).containsExactly(2, 2, 2, 0);
        assertThat(paged).containsExactlyElementsOf(expected);

        assertThat(ids(customer, new EntryPosition(tie, ordinaryTies.get(0).id().value())))
                .containsExactly(ordinaryTies.get(1).id(), older.id(), oldest.id());
        assertThat(ids(customer, new EntryPosition(tie, high.value())))
                .containsExactly(ordinaryTies.get(0).id(), ordinaryTies.get(1).id(), older.id(), oldest.id());
        assertThat(ids(customer, new EntryPosition(tie.plusNanos(500_000), high.value())))
                .as("between times: every tie").containsExactly(tieHigh.id(), ordinaryTies.get(0).id(),
                        ordinaryTies.get(1).id(), older.id(), oldest.id());
        assertThat(ids(customer, new EntryPosition(T0, oldest.id().value()))).isEmpty();
        assertThat(tx(() -> repo().findByCustomer(customer, null, 1))).extracting(Purchase::id)
                .containsExactly(newest.id());
    }

    @Test
    void totalsSumEachCurrencyAsBoughtWithCountsAndFirstAndLastTimes() {
        CustomerId customer = customer();
        Purchase eurLate = stored(customer, LATER, line(1, fox, 2, "19.99", "EUR"), line(2, owl, 1, "0.0001", "EUR"));
        Purchase eurEarly = stored(customer, T0, line(1, yak, 3, "10.50", "EUR"));
        stored(customer, LATER.plusSeconds(86_400), line(1, fox, 2, "1500", "JPY"));
        stored(customer, LATER.plusSeconds(60), line(1, fox, 1, "2.5", "CHF"), line(2, owl, 2, "2.5", "CHF"));
        stored(customer(), T0.minusSeconds(60), line(1, fox, 1, "1000", "EUR"));
        stored(null, T0.minusSeconds(60), line(1, fox, 1, "1000", "EUR"));
        // a return changes no total: totals are as bought
        Purchase loaded = load(eurEarly.id());
        loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);
        update(loaded);
        assertThat(eurLate.total()).isEqualTo(Money.of("39.9801", "EUR"));

        List<CurrencyTotals> totals = tx(() -> repo().totals(customer));
        assertThat(totals).containsExactly(
                new CurrencyTotals(Currency.getInstance("CHF"), 1, MoneyTotal.of("7.5", "CHF"), LATER.plusSeconds(60),
                        LATER.plusSeconds(60)),
                new CurrencyTotals(Currency.getInstance("EUR"), 2, MoneyTotal.of("71.4801", "EUR"), T0, LATER),
                new CurrencyTotals(Currency.getInstance("JPY"), 1, MoneyTotal.of("3000", "JPY"),
                        LATER.plusSeconds(86_400), LATER.plusSeconds(86_400)));
        assertThat(totals.get(2).amount().amount().toPlainString()).isEqualTo("3000");
        assertThat(totals.get(0).amount().amount().toPlainString()).isEqualTo("7.50");
    }

    /**
     * Each purchase holds the largest amount one purchase may store; together they hold more than one stored amount
     * may, and a customer's totals and the ranking by amount still read them exactly (no overflow, no refusal).
     */
    @Test
    void totalsAndRankingsPastTheLargestStoredAmountAreReadExactly() {
        CustomerId customer = customer();
        String largest = "999999999999999.9999";
        stored(customer, T0, line(1, fox, 1, largest, "EUR"));
        stored(customer, T0.plusSeconds(60), line(1, fox, 1, "499999999999999.9999", "EUR"),
                line(2, owl, 1, "500000000000000", "EUR"));
        stored(customer, T0.plusSeconds(120), line(1, yak, 1_000_000, "999999999.9999", "EUR"));

        assertThat(tx(() -> repo().totals(customer))).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(3);
            assertThat(t.amount().amount().toPlainString()).isEqualTo("2999999999999899.9998");
            assertThat(t.amount().currency()).isEqualTo(Currency.getInstance("EUR"));
        });
        assertThat(tx(() -> repo().topCustomers(T0, T0.plusSeconds(180), Currency.getInstance("EUR"), true, 1)))
                .singleElement().satisfies(r -> {
                    assertThat(r.customer()).isEqualTo(customer);
                    assertThat(r.amount().amount().toPlainString()).isEqualTo("2999999999999899.9998");
                });
    }

    @Test
    void aCustomerWithoutPurchasesHasNoTotalsAndNoHistory() {
        stored(customer(), T0, line(1, fox, 1, "5", "EUR"));
        stored(null, T0, line(1, fox, 1, "5", "EUR"));
        CustomerId nobody = customer();
        assertThat(tx(() -> repo().totals(nobody))).isEmpty();
        assertThat(tx(() -> repo().findByCustomer(nobody, null, 10))).isEmpty();
    }

    @Test
    void aRolledBackAddLeavesNothingAndFreesTheReference() {
        CustomerId customer = customer();
        Purchase purchase = SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS), customer, T0, "webshop", "R-1",
                List.of(line(1, fox, 1, "5", "EUR"), line(2, owl, 1, "5", "EUR")));
        IllegalStateException failure = new IllegalStateException("after add");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(purchase);
            throw failure;
        })).isSameAs(failure);
        assertThat(tx(() -> repo().findById(purchase.id()))).isEmpty();
        assertThat(tx(() -> repo().findByReference("webshop", "R-1"))).isEmpty();
        assertThat(tx(() -> repo().findByCustomer(customer, null, 10))).isEmpty();
        assertThat(tx(() -> repo().totals(customer))).isEmpty();

        Purchase again = SalesFixtures.stored(persistence, SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS),
                customer, T0, "webshop", "R-1", List.of(line(1, fox, 1, "5", "EUR"))));
        assertThat(tx(() -> repo().findByReference("webshop", "R-1"))).map(Purchase::snapshot)
                .contains(again.snapshot());
    }

    @Test
    void aRolledBackUpdateLeavesTheStoredState() {
        Purchase purchase = stored(customer(), T0, line(1, fox, 5, "10", "EUR"));
        Purchase loaded = load(purchase.id());
        loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 5), LATER);
        IllegalStateException failure = new IllegalStateException("after update");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().update(loaded);
            throw failure;
        })).isSameAs(failure);
        assertThat(load(purchase.id()).snapshot()).isEqualTo(purchase.snapshot());

        Purchase retried = load(purchase.id());
        retried.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 2), LATER);
        update(retried);
        assertThat(load(purchase.id()).snapshot()).isEqualTo(retried.snapshot());
        assertThat(retried.snapshot().returns()).hasSize(1);
    }

    @Test
    void topCustomersRankByPurchasesInThePeriodWithoutAnonymousSales() {
        Instant from = T0;
        Instant to = T0.plusSeconds(7 * 86_400L);
        CustomerId a = customer();
        CustomerId b = customer();
        CustomerId high = new CustomerId(StaffFixtures.withHighBit(customer().value()));
        CustomerId c = customer();
        stored(a, from, line(1, fox, 1, "5", "EUR"));
        stored(a, from.plusSeconds(60), line(1, fox, 1, "5", "CHF"));
        stored(a, to.minusNanos(1000), line(1, owl, 2, "1", "JPY"));
        stored(b, from.plusSeconds(120), line(1, fox, 1, "100", "EUR"));
        stored(b, from.plusSeconds(180), line(1, fox, 1, "100", "EUR"));
        stored(high, from.plusSeconds(240), line(1, yak, 1, "1", "EUR"));
        stored(high, from.plusSeconds(300), line(1, yak, 1, "1", "EUR"));
        stored(c, from.plusSeconds(60), line(1, fox, 1, "5", "EUR"));
        stored(c, to, line(1, fox, 1, "5", "EUR"));
        stored(c, to.plusSeconds(1), line(1, fox, 1, "5", "EUR"));
        stored(c, from.minusNanos(1000), line(1, fox, 1, "5", "EUR"));
        for (int n = 0; n < 5; n++) {
            stored(null, from.plusSeconds(60), line(1, fox, 1, "5", "EUR"));
        }

        List<CustomerId> tied = new ArrayList<>(List.of(b, high));
        tied.sort((x, y) -> UuidV7.compareBytes(x.value(), y.value()));
        assertThat(tied.get(1)).isEqualTo(high);
        List<CustomerRanking> expected = List.of(new CustomerRanking(a, 3, null),
                new CustomerRanking(tied.get(0), 2, null), new CustomerRanking(high, 2, null),
                new CustomerRanking(c, 1, null));
        assertThat(tx(() -> repo().topCustomers(from, to, null, false, 10))).containsExactlyElementsOf(expected);
        assertThat(tx(() -> repo().topCustomers(from, to, null, false, 2)))
                .containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(tx(() -> repo().topCustomers(to, to.plusSeconds(1), null, false, 10)))
                .as("the end is exclusive, the start inclusive").containsExactly(new CustomerRanking(c, 1, null));
        assertThat(tx(() -> repo().topCustomers(from.minusSeconds(60), from, null, false, 10)))
                .containsExactly(new CustomerRanking(c, 1, null));
        assertThat(tx(() -> repo().topCustomers(to.plusSeconds(2), to.plusSeconds(60), null, false, 10))).isEmpty();
    }

    @Test
    void topCustomersByAmountCountOnlyTheCurrencyNetOfReturns() {
        Instant from = T0;
        Instant to = T0.plusSeconds(7 * 86_400L);
        CustomerId a = customer();
        CustomerId b = customer();
        CustomerId high = new CustomerId(StaffFixtures.withHighBit(customer().value()));
        CustomerId c = customer();
        CustomerId d = customer();
        CustomerId e = customer();
        Purchase partlyReturned = stored(a, from.plusSeconds(60), line(1, fox, 2, "19.99", "EUR"),
                line(2, owl, 1, "10", "EUR"));
        stored(a, from.plusSeconds(120), line(1, fox, 1, "1000", "CHF"));
        stored(a, to, line(1, fox, 1, "500", "EUR"));
        stored(b, from.plusSeconds(60), line(1, fox, 4, "10", "EUR"));
        stored(high, from.plusSeconds(60), line(1, owl, 1, "40", "EUR"));
        stored(c, from.plusSeconds(60), line(1, fox, 1, "30", "EUR"));
        stored(c, from.plusSeconds(90), line(1, fox, 1, "0.01", "EUR"));
        stored(d, from.plusSeconds(60), line(1, fox, 1, "70", "CHF"));
        Purchase allReturned = stored(e, from.plusSeconds(60), line(1, yak, 3, "10", "EUR"));
        stored(null, from.plusSeconds(60), line(1, fox, 1, "1000", "EUR"));
        Purchase returning = load(partlyReturned.id());
        returning.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);
        update(returning);
        Purchase returningAll = load(allReturned.id());
        returningAll.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 3), LATER);
        update(returningAll);

        Currency eur = Currency.getInstance("EUR");
        List<CustomerId> tied = new ArrayList<>(List.of(b, high));
        tied.sort((x, y) -> UuidV7.compareBytes(x.value(), y.value()));
        CustomerRanking rankedB = new CustomerRanking(b, 1, MoneyTotal.of("40", "EUR"));
        CustomerRanking rankedHigh = new CustomerRanking(high, 1, MoneyTotal.of("40", "EUR"));
        CustomerRanking rankedA = new CustomerRanking(a, 1, MoneyTotal.of("29.99", "EUR"));
        CustomerRanking rankedC = new CustomerRanking(c, 2, MoneyTotal.of("30.01", "EUR"));
        CustomerRanking rankedE = new CustomerRanking(e, 1, MoneyTotal.of("0", "EUR"));
        assertThat(tx(() -> repo().topCustomers(from, to, eur, true, 10))).containsExactly(
                tied.get(0).equals(b) ? rankedB : rankedHigh, tied.get(0).equals(b) ? rankedHigh : rankedB,
                rankedC, rankedA, rankedE);
        assertThat(tx(() -> repo().topCustomers(from, to, eur, true, 1)))
                .containsExactly(tied.get(0).equals(b) ? rankedB : rankedHigh);

        List<CustomerRanking> ones = new ArrayList<>(List.of(rankedA, rankedB, rankedHigh, rankedE));
        ones.sort((x, y) -> UuidV7.compareBytes(x.customer().value(), y.customer().value()));
        List<CustomerRanking> byCount = new ArrayList<>(List.of(rankedC));
        byCount.addAll(ones);
        assertThat(tx(() -> repo().topCustomers(from, to, eur, false, 10)))
                .as("by count, with the amounts of the currency").containsExactlyElementsOf(byCount);

        Currency chf = Currency.getInstance("CHF");
        assertThat(tx(() -> repo().topCustomers(from, to, chf, true, 10))).containsExactly(
                new CustomerRanking(a, 1, MoneyTotal.of("1000", "CHF")), new CustomerRanking(d, 1, MoneyTotal.of("70", "CHF")));
        assertThat(tx(() -> repo().topCustomers(from, to, Currency.getInstance("JPY"), true, 10))).isEmpty();
        assertThat(tx(() -> repo().topCustomers(to, to.plusSeconds(1), eur, true, 10)))
                .containsExactly(new CustomerRanking(a, 1, MoneyTotal.of("500", "EUR")));
    }

    private List<PurchaseId> ids(CustomerId customer, EntryPosition after) {
        return tx(() -> repo().findByCustomer(customer, after, 100)).stream().map(Purchase::id).toList();
    }

    // ---- what the sales import needs -----------------------------------------------------------------------------

    @Test
    void addAllStoresEveryPurchaseAsAddWould() {
        List<Purchase> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            batch.add(SalesFixtures.purchase(i % 3 == 0 ? null : customer(), T0.plusSeconds(i),
                    List.of(line(1, fox, 1 + i % 5, "2.50", "EUR"), line(2, owl, 1, "0.99", "EUR"))));
        }
        persistence.unitOfWork().inTransaction(() -> repo().addAll(batch));

        for (Purchase p : List.of(batch.get(0), batch.get(499), batch.get(500), batch.get(1_099))) {
            assertThat(load(p.id()).snapshot()).isEqualTo(p.snapshot());
        }
        persistence.unitOfWork().inTransaction(() -> repo().addAll(List.of()));
    }

    @Test
    void addAllIsOneUnitWithItsTransaction() {
        Purchase first = SalesFixtures.purchase(customer(), T0, List.of(line(1, fox, 1, "1", "EUR")));
        Purchase clash = SalesFixtures.purchase(PurchaseId.next(SalesFixtures.IDS), customer(), T0,
                first.snapshot().source(), first.snapshot().externalReference(), List.of(line(1, fox, 2, "1", "EUR")));

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> repo().addAll(List.of(first, clash))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("duplicate"));
        assertThat(tx(() -> repo().findById(first.id()))).isEmpty();
    }

    @Test
    void findByReferencesFindsExactlyTheStoredOnesOfTheSource() {
        Purchase a = stored(customer(), T0, line(1, fox, 1, "1", "EUR"));
        Purchase b = stored(customer(), T0, line(1, fox, 1, "1", "EUR"));
        String source = a.snapshot().source();

        Map<String, Purchase> found = tx(() -> repo().findByReferences(source, List.of(
                a.snapshot().externalReference(), b.snapshot().externalReference(), "never-stored",
                a.snapshot().externalReference() + " ")));

        assertThat(found).containsOnlyKeys(a.snapshot().externalReference(), b.snapshot().externalReference());
        assertThat(found.get(b.snapshot().externalReference()).snapshot()).isEqualTo(b.snapshot());
        assertThat(tx(() -> repo().findByReferences("other-source", List.of(a.snapshot().externalReference()))))
                .isEmpty();
        assertThat(tx(() -> repo().findByReferences(source, List.of()))).isEmpty();
    }

    @Test
    void aReturnKeepsItsReferenceWhichIsUniqueAmongReturns() {
        Purchase p = stored(customer(), T0, line(1, fox, 5, "3", "EUR"));
        Purchase loaded = load(p.id());
        loaded.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER, "shop:C-1#1");
        update(loaded);

        assertThat(load(p.id()).snapshot().returns()).singleElement()
                .satisfies(r -> assertThat(r.reference()).isEqualTo("shop:C-1#1"));
        assertThat(tx(() -> repo().findByReturnReference("shop:C-1#1"))).contains(p.id());
        assertThat(tx(() -> repo().findByReturnReference("shop:C-1#2"))).isEmpty();
        assertThat(tx(() -> repo().findByReturnReference("SHOP:C-1#1"))).as("matched exactly").isEmpty();

        Purchase other = load(stored(customer(), T0, line(1, fox, 5, "3", "EUR")).id());
        other.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER, "shop:C-1#1");
        assertThatThrownBy(() -> update(other)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("duplicate"));
        assertThat(load(other.id()).snapshot().returns()).isEmpty();
    }

    @Test
    void findWithProductListsTheCustomersPurchasesOfItUpToATimeNewestFirst() {
        CustomerId customer = customer();
        Purchase old = stored(customer, T0, line(1, fox, 1, "1", "EUR"));
        Purchase newer = stored(customer, T0.plusSeconds(60), line(1, owl, 1, "1", "EUR"), line(2, fox, 2, "1", "EUR"));
        stored(customer, T0.plusSeconds(120), line(1, owl, 1, "1", "EUR"));            // another product
        stored(customer, T0.plusSeconds(180), line(1, fox, 1, "1", "EUR"));            // after the time
        stored(customer(), T0.plusSeconds(30), line(1, fox, 1, "1", "EUR"));           // another customer

        assertThat(tx(() -> repo().findWithProduct(customer, fox, T0.plusSeconds(120), 10)))
                .extracting(Purchase::id).containsExactly(newer.id(), old.id());
        assertThat(tx(() -> repo().findWithProduct(customer, fox, T0.plusSeconds(60), 1)))
                .extracting(Purchase::id).containsExactly(newer.id());
        assertThat(tx(() -> repo().findWithProduct(customer, yak, T0.plusSeconds(600), 10))).isEmpty();
    }

    @Test
    void findReturnReferencesFindsExactlyTheReferencesOfStoredReturns() {
        Purchase p = load(stored(customer(), T0, line(1, fox, 5, "3", "EUR"), line(2, owl, 1, "2", "EUR")).id());
        p.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER, "shop:C-1#1");
        p.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(2, 1), LATER, "shop:C-1#2");
        update(p);

        assertThat(tx(() -> repo().findReturnReferences(List.of("shop:C-1#2", "shop:C-1#1", "shop:C-1#3",
                "SHOP:C-1#1", "shop:C-1#1 ")))).containsExactlyInAnyOrder("shop:C-1#1", "shop:C-1#2");
        assertThat(tx(() -> repo().findReturnReferences(List.of()))).isEmpty();
    }

    @Test
    void findWithProductsAnswersEachQueryAsFindWithProductDoes() {
        CustomerId customer = customer();
        CustomerId other = customer();
        stored(customer, T0, line(1, fox, 1, "1", "EUR"));
        stored(customer, T0.plusSeconds(60), line(1, owl, 1, "1", "EUR"), line(2, fox, 2, "1", "EUR"));
        stored(customer, T0.plusSeconds(60), line(1, fox, 3, "1", "EUR"));          // a tie: by id bytes
        stored(customer, T0.plusSeconds(120), line(1, owl, 1, "1", "EUR"));
        stored(customer, T0.plusSeconds(180), line(1, fox, 1, "1", "EUR"));
        stored(other, T0.plusSeconds(30), line(1, fox, 1, "1", "EUR"), line(2, yak, 1, "1", "EUR"));
        List<PurchaseRepository.ProductHolding> queries = List.of(
                new PurchaseRepository.ProductHolding(customer, fox, T0.plusSeconds(120)),
                new PurchaseRepository.ProductHolding(customer, fox, T0.plusSeconds(60)),
                new PurchaseRepository.ProductHolding(customer, owl, T0.plusSeconds(600)),
                new PurchaseRepository.ProductHolding(customer, yak, T0.plusSeconds(600)),
                new PurchaseRepository.ProductHolding(other, fox, T0.plusSeconds(600)),
                new PurchaseRepository.ProductHolding(other, yak, T0));

        for (int limit : new int[] {10, 2, 1}) {
            Map<PurchaseRepository.ProductHolding, List<Purchase>> found = tx(() -> repo().findWithProducts(
                    queries, limit));
            assertThat(found).containsOnlyKeys(queries);
            for (PurchaseRepository.ProductHolding q : queries) {
                assertThat(found.get(q)).as("%s, limit %d", q, limit).extracting(Purchase::snapshot)
                        .containsExactlyElementsOf(tx(() -> repo().findWithProduct(q.customer(), q.product(),
                                q.before(), limit)).stream().map(Purchase::snapshot).toList());
            }
        }
        assertThat(tx(() -> repo().findWithProducts(queries, 10)).get(queries.get(0))).hasSize(3);
        assertThat(tx(() -> repo().findWithProducts(List.of(), 10))).isEmpty();
    }

    @Test
    void updateAllStoresEveryPurchasesNewReturnsAndAdvancesEachVersion() {
        Purchase one = load(stored(customer(), T0, line(1, fox, 5, "2", "EUR"), line(2, owl, 2, "1", "EUR")).id());
        Purchase two = load(stored(customer(), T0, line(1, yak, 3, "4", "EUR")).id());
        one.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 2), LATER, "r-1");
        update(one);
        one.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1, 2, 2), LATER.plusSeconds(1), "r-2");
        one.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER.plusSeconds(2));
        two.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 3), LATER, "r-3");

        persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of(two, one)));

        assertThat(one.version()).isEqualTo(2);
        assertThat(two.version()).isEqualTo(1);
        assertThat(load(one.id()).snapshot()).isEqualTo(one.snapshot());
        assertThat(load(two.id()).snapshot()).isEqualTo(two.snapshot());
        assertThat(load(one.id()).snapshot().lines()).extracting(PurchaseLine::returned).containsExactly(4, 2);
        assertThat(load(one.id()).snapshot().returns()).hasSize(3);
        assertThat(tx(() -> repo().findReturnReferences(List.of("r-1", "r-2", "r-3")))).hasSize(3);
        persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of()));
    }

    @Test
    void anUpdateAllWithOneStalePurchaseIsAConflictAndStoresNoneOfThem() {
        Purchase one = stored(customer(), T0, line(1, fox, 5, "2", "EUR"));
        Purchase other = load(stored(customer(), T0, line(1, yak, 3, "4", "EUR")).id());
        Purchase winner = load(one.id());
        Purchase stale = load(one.id());
        winner.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);
        update(winner);
        stale.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 2), LATER);
        other.returnLines(UuidV7.next(SalesFixtures.IDS), Map.of(1, 1), LATER);

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of(other,
                stale)))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));

        assertThat(load(one.id()).snapshot()).isEqualTo(winner.snapshot());
        assertThat(load(other.id()).snapshot().returns()).isEmpty();
        assertThat(load(other.id()).version()).isZero();
    }
}
