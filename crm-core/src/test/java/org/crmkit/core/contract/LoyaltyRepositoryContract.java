package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.contract.LoyaltyFixtures.BRONZE;
import static org.crmkit.core.contract.LoyaltyFixtures.IDS;
import static org.crmkit.core.contract.LoyaltyFixtures.id;
import static org.crmkit.core.contract.LoyaltyFixtures.line;

import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.PointsLot;
import org.crmkit.core.loyalty.Promotion;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository.Earner;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository.LedgerSums;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoyaltyRepository} must do. Subclasses hand over an empty store before each test. Accounts are
 * changed through the aggregate, locked and stored the way the loyalty service does it.
 */
public abstract class LoyaltyRepositoryContract extends PortContract {
    private static final Instant T0 = LoyaltyFixtures.T0;
    private static final Instant LATER = T0.plusSeconds(3600).plusNanos(1000);
    private static final long DAY = 86_400L;
    private static final long YEAR = 365 * DAY;

    private ProductId fox;
    private ProductId owl;

    @BeforeEach
    void givenStoredProducts() {
        fox = SalesFixtures.storedProduct(persistence).id();
        owl = SalesFixtures.storedProduct(persistence).id();
    }

    private LoyaltyStore repo() {
        return new LoyaltyStore(persistence.loyalty());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void store(LoyaltyAccount account) {
        persistence.unitOfWork().inTransaction(() -> repo().update(account));
    }

    private LoyaltyAccount locked(CustomerId customer) {
        return tx(() -> repo().lock(customer)).orElseThrow();
    }

    private java.util.Optional<LoyaltyAccountSnapshot> find(CustomerId customer) {
        return tx(() -> repo().find(customer));
    }

    private List<LedgerEntry> entries(CustomerId customer) {
        return tx(() -> repo().entries(customer, null, 1000));
    }

    private LedgerSums sums(CustomerId customer) {
        return tx(() -> repo().sums(customer));
    }

    private CustomerId customer() {
        return LoyaltyFixtures.storedCustomer(persistence);
    }

    /** @return a stored customer whose id sorts after every other as bytes (but before them as a signed UUID) */
    private CustomerId highCustomer() {
        return LoyaltyFixtures.storedCustomer(persistence,
                new CustomerId(StaffFixtures.withHighBit(CustomerId.next(IDS).value())));
    }

    private CustomerId opened() {
        return LoyaltyFixtures.opened(persistence, customer());
    }

    private CustomerId opened(CustomerId customer) {
        return LoyaltyFixtures.opened(persistence, customer);
    }

    private static LoyaltyAccountSnapshot fresh(CustomerId customer) {
        return new LoyaltyAccountSnapshot(customer, 0, T0, 0, 0, 0, null, 0, BRONZE.name(), 0, T0, 0);
    }

    /** Earns {@code points} for a new purchase at {@code at} and returns the new lot's id. */
    private UUID earnLot(LoyaltyAccount account, Instant at, Instant expiresAt, long points) {
        UUID lot = id();
        account.earn(id(), lot, PurchaseId.next(IDS), at, expiresAt, List.of(line(1, fox, 1, points)), at);
        return lot;
    }

    private LedgerEntry earn(LoyaltyAccount account, Instant at, long points) {
        return LoyaltyFixtures.earn(account, at, List.of(line(1, fox, 1, points)));
    }

    private static List<CustomerId> byBytes(CustomerId... customers) {
        List<CustomerId> sorted = new ArrayList<>(Arrays.asList(customers));
        sorted.sort((a, b) -> UuidV7.compareBytes(a.value(), b.value()));
        return sorted;
    }

    @Test
    void addIfAbsentOpensTheAccountOnceAndNeverReplacesIt() {
        CustomerId customer = customer();
        assertThat(tx(() -> repo().addIfAbsent(LoyaltyAccount.open(customer, BRONZE, T0)))).isTrue();
        assertThat(find(customer)).contains(fresh(customer));

        Tier gold = new Tier("GOLD", 5_000, new BigDecimal("1.25"));
        assertThat(tx(() -> repo().addIfAbsent(LoyaltyAccount.open(customer, gold, LATER)))).isFalse();
        assertThat(find(customer)).contains(fresh(customer));

        LoyaltyAccount account = locked(customer);
        earn(account, T0, 40);
        store(account);
        assertThat(tx(() -> repo().addIfAbsent(LoyaltyAccount.open(customer, BRONZE, LATER))))
                .as("a changed account is not reset").isFalse();
        assertThat(find(customer)).contains(account.snapshot());
        assertThat(find(customer).orElseThrow().balance()).isEqualTo(40);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(40, 0, 40, 40, 1));
        assertThat(tx(() -> repo().accounts(null, 10))).containsExactly(customer);
    }

    @Test
    void aRolledBackOpeningLeavesNoAccount() {
        CustomerId customer = customer();
        IllegalStateException failure = new IllegalStateException("after opening");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().addIfAbsent(LoyaltyAccount.open(customer, BRONZE, T0));
            throw failure;
        })).isSameAs(failure);
        assertThat(find(customer)).isEmpty();
        assertThat(tx(() -> repo().lock(customer))).isEmpty();
        assertThat(tx(() -> repo().accounts(null, 10))).isEmpty();

        assertThat(tx(() -> repo().addIfAbsent(LoyaltyAccount.open(customer, BRONZE, T0)))).isTrue();
        assertThat(find(customer)).contains(fresh(customer));
    }

    @Test
    void aCustomerWithoutAnAccountHasNothing() {
        opened();
        CustomerId stored = customer();
        CustomerId unknown = CustomerId.next(IDS);
        for (CustomerId nobody : List.of(stored, unknown)) {
            assertThat(find(nobody)).isEmpty();
            assertThat(tx(() -> repo().lock(nobody))).isEmpty();
            assertThat(entries(nobody)).isEmpty();
            assertThat(tx(() -> repo().findEntry(nobody, EntryKind.REDEEM, "key"))).isEmpty();
            assertThat(tx(() -> repo().earnedBetween(nobody, T0.minusSeconds(YEAR), T0.plusSeconds(YEAR))))
                    .isZero();
            assertThat(sums(nobody)).isEqualTo(new LedgerSums(0, 0, 0, 0, 0));
            assertThat(sums(nobody).hold()).isTrue();
        }
    }

    @Test
    void updateStoresTheRowTheEntryWithItsLinesAndTheLotAndAdvancesTheVersion() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        assertThat(account.snapshot()).isEqualTo(fresh(customer));
        assertThat(account.openLots()).isEmpty();

        UUID entryId = id();
        UUID lotId = id();
        PurchaseId purchase = PurchaseId.next(IDS);
        Instant at = T0.plusSeconds(60).plusNanos(7000);
        Instant expires = at.plusSeconds(YEAR);
        // numbered 1, 2, 10: a text order would put 10 second
        List<EarnedLine> lines = List.of(
                new EarnedLine(1, fox, 3, 59, "59.97 EUR x 1 point(s) per unit; rounded down: 59"),
                new EarnedLine(2, owl, 1, 0, "0.00 EUR x 1 point(s) per unit; category Bücher 🦊 가 x 1.5;"
                        + " rounded down: 0"),
                new EarnedLine(10, fox, 1_000_000, LoyaltyProgram.MAX_LINE_POINTS,
                        "9999999999.99 EUR x 100 point(s) per unit; rounded down: 1000000000000"));
        long gross = 59 + LoyaltyProgram.MAX_LINE_POINTS;
        LedgerEntry entry = account.earn(entryId, lotId, purchase, at, expires, lines, LATER);
        store(account);
        assertThat(account.version()).isEqualTo(1);

        LoyaltyAccountSnapshot row = find(customer).orElseThrow();
        assertThat(row).isEqualTo(account.snapshot());
        assertThat(row).isEqualTo(new LoyaltyAccountSnapshot(customer, 1, T0, gross, gross, 0, null, 0, "BRONZE", 0,
                T0, 1));
        LedgerEntry stored = tx(() -> repo().findEntry(customer, EntryKind.EARN, purchase.toString())).orElseThrow();
        assertThat(stored).isEqualTo(entry);
        assertThat(stored.lines()).containsExactlyElementsOf(lines);
        assertThat(stored).isEqualTo(new LedgerEntry(entryId, customer, 1, EntryKind.EARN, gross, 0, gross, gross, at,
                purchase.toString(), "purchase " + purchase, lines, at));
        assertThat(entries(customer)).containsExactly(entry);

        LoyaltyAccount again = locked(customer);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.snapshot()).isEqualTo(row);
        assertThat(again.openLots()).containsExactly(new PointsLot(lotId, customer, entryId, at, expires, gross,
                gross));
        assertThat(sums(customer)).isEqualTo(new LedgerSums(gross, 0, gross, gross, 1));
    }

    @Test
    void figuresAtTheAccountLimitRoundTripExactly() {
        long max = LoyaltyAccount.MAX_ACCOUNT_POINTS;
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        UUID lot = id();
        Instant expires = T0.plusSeconds(YEAR);
        LedgerEntry added = account.addPoints(id(), lot, Points.of(max), "the most an account holds", null, expires, LATER);
        LedgerEntry spent = account.redeem(id(), Points.of(max - 1), "ALL-BUT-ONE", null, LATER);
        store(account);

        assertThat(find(customer)).contains(account.snapshot());
        assertThat(account.snapshot().lifetimeRedeemed()).isEqualTo(max - 1);
        assertThat(account.snapshot().balance()).isEqualTo(1);
        assertThat(entries(customer)).containsExactlyInAnyOrder(added, spent);
        assertThat(added.balanceAfter()).isEqualTo(max);
        assertThat(locked(customer).openLots()).containsExactly(new PointsLot(lot, customer, added.id(), LATER,
                expires, max, 1));
        assertThat(sums(customer)).as("the ledger's sum passes through the limit").isEqualTo(new LedgerSums(1, 0, 1,
                1, 2));
    }

    @Test
    void entriesOfEveryKindRoundTripWithTheirTexts() {
        CustomerId customer = opened();
        UUID earnLot = id();
        UUID adjustLot = id();
        Instant adjustExpires = T0.plusSeconds(300);
        PurchaseId purchase = PurchaseId.next(IDS);
        UUID returnId = id();
        String reason = "가".repeat(500);
        String note = "🦊".repeat(250);
        String key = "Key-09_~!/Ab";

        LoyaltyAccount account = locked(customer);
        LedgerEntry earned = account.earn(id(), earnLot, purchase, T0.plusSeconds(60), T0.plusSeconds(YEAR),
                List.of(line(1, fox, 1, 100)), T0.plusSeconds(60));
        store(account);
        account = locked(customer);
        LedgerEntry adjusted = account.addPoints(id(), adjustLot, Points.of(500), reason, null, adjustExpires, T0.plusSeconds(120));
        LedgerEntry redeemed = account.redeem(id(), Points.of(120), key, note, T0.plusSeconds(180));
        store(account);
        account = locked(customer);
        LedgerEntry clawedBack = account.clawBack(id(), returnId, purchase, Points.of(30), earned, T0.plusSeconds(240));
        List<LedgerEntry> expired = account.expire(LoyaltyFixtures::id, adjustExpires, T0.plusSeconds(400));
        store(account);

        assertThat(expired).hasSize(1);
        assertThat(adjusted.reference()).isNull();
        assertThat(adjusted.description()).isEqualTo(reason);
        assertThat(redeemed.description()).isEqualTo(note);
        assertThat(clawedBack.description()).isEqualTo("return " + returnId + " of purchase " + purchase);
        assertThat(expired.get(0).description()).startsWith("points earned ");
        assertThat(expired.get(0).reference()).isEqualTo(adjustLot.toString());
        assertThat(expired.get(0).occurredAt()).isEqualTo(adjustExpires);
        assertThat(entries(customer)).containsExactly(expired.get(0), clawedBack, redeemed, adjusted, earned);
        assertThat(entries(customer)).filteredOn(e -> e.kind() != EntryKind.EARN)
                .allSatisfy(e -> assertThat(e.lines()).isEmpty());
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, key))).contains(redeemed);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.CLAWBACK, returnId.toString())))
                .contains(clawedBack);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.EXPIRE, adjustLot.toString())))
                .contains(expired.get(0));

        // 100 + 500 - 120 - 30 - 380
        assertThat(find(customer)).contains(new LoyaltyAccountSnapshot(customer, 3, T0, 70, 70, 120,
                T0.plusSeconds(180), 0, "BRONZE", 0, T0, 5));
        assertThat(locked(customer).openLots()).containsExactly(new PointsLot(earnLot, customer, earned.id(),
                T0.plusSeconds(60), T0.plusSeconds(YEAR), 100, 70));
        assertThat(sums(customer)).isEqualTo(new LedgerSums(70, 0, 70, 70, 5));
    }

    @Test
    void erasingRedemptionNotesBlanksThemAloneAndLeavesTheLedgerAddingUp() {
        CustomerId customer = opened();
        CustomerId other = opened();
        LoyaltyAccount account = locked(customer);
        LedgerEntry earned = earn(account, T0, 500);
        LedgerEntry adjusted = account.addPoints(id(), id(), Points.of(50), "goodwill", null, T0.plusSeconds(YEAR),
                T0.plusSeconds(1));
        LedgerEntry noted = account.redeem(id(), Points.of(100), "r-1", "a mug for my sister", T0.plusSeconds(2));
        LedgerEntry bare = account.redeem(id(), Points.of(10), "r-2", null, T0.plusSeconds(3));
        LedgerEntry noted2 = account.redeem(id(), Points.of(20), "r-3", "the red one", T0.plusSeconds(4));
        store(account);
        LoyaltyAccount theOthers = locked(other);
        earn(theOthers, T0, 100);
        LedgerEntry othersNote = theOthers.redeem(id(), Points.of(5), "r-1", "a pen", T0.plusSeconds(5));
        store(theOthers);
        LedgerSums before = sums(customer);

        assertThat(tx(() -> repo().eraseRedemptionNotes(customer))).isEqualTo(2);

        assertThat(entries(customer)).containsExactly(withoutNote(noted2), bare, withoutNote(noted), adjusted,
                earned);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "r-1"))).contains(withoutNote(noted));
        assertThat(entries(other)).as("another customer's notes stay").contains(othersNote);
        assertThat(sums(customer)).isEqualTo(before);
        assertThat(sums(customer).hold()).isTrue();
        assertThat(tx(() -> repo().eraseRedemptionNotes(customer))).as("nothing left to blank").isZero();
    }

    private static LedgerEntry withoutNote(LedgerEntry e) {
        return new LedgerEntry(e.id(), e.customer(), e.position(), e.kind(), e.points(), e.shortfallChange(),
                e.earned(), e.balanceAfter(), e.occurredAt(), e.reference(), null, e.lines(), e.earnedAt());
    }

    @Test
    void anExplanationOfABusyProgramRoundTrips() {
        LoyaltyProgram.Builder rules = LoyaltyProgram.builder();
        for (int n = 10; n < 26; n++) {
            String name = "Aktion " + n + " 🦊 Frühling für Stammkunden, Familie und Freunde 가나다";
            rules.promotion(Promotion.multiplier(name, T0.minusSeconds(DAY), T0.plusSeconds(DAY),
                    new BigDecimal("1.0" + n)));
        }
        LoyaltyProgram program = rules.build();
        CustomerId customer = opened();
        PurchaseId purchase = PurchaseId.next(IDS);
        List<EarnedLine> lines = program.earn(new org.crmkit.core.loyalty.Basket(Currency.getInstance("EUR"), T0,
                        List.of(new org.crmkit.core.loyalty.Basket.Line(1, fox, 3, Money.of("59.97", "EUR")),
                                new org.crmkit.core.loyalty.Basket.Line(2, owl, 1, Money.of("5", "EUR")))),
                program.lowestTier(), product -> List.of());
        assertThat(lines.get(0).explanation().length()).as("longer than 1,000 characters").isGreaterThan(1000);

        LoyaltyAccount account = locked(customer);
        LedgerEntry entry = LoyaltyFixtures.earn(account, id(), purchase, T0, T0.plusSeconds(YEAR), lines);
        store(account);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.EARN, purchase.toString()))).contains(entry);
    }

    @Test
    void aLotOpenedAndTakenFromInOneUpdateIsStoredWithWhatRemains() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        earnLot(account, T0, T0.plusSeconds(YEAR), 100);
        account.redeem(id(), Points.of(100), "all", null, LATER);
        store(account);
        assertThat(locked(customer).openLots()).isEmpty();
        assertThat(sums(customer)).isEqualTo(new LedgerSums(0, 0, 0, 0, 2));

        account = locked(customer);
        UUID lot = id();
        LedgerEntry earning = account.earn(id(), lot, PurchaseId.next(IDS), T0.plusSeconds(1),
                T0.plusSeconds(YEAR + 1), List.of(line(1, fox, 1, 100)), LATER);
        account.redeem(id(), Points.of(30), "some", null, LATER);
        store(account);
        assertThat(locked(customer).openLots()).containsExactly(new PointsLot(lot, customer, earning.id(),
                T0.plusSeconds(1), T0.plusSeconds(YEAR + 1), 100, 70));
        assertThat(sums(customer)).isEqualTo(new LedgerSums(70, 0, 70, 70, 4));
    }

    @Test
    void lockLoadsTheRowAndTheOpenLotsOnlyWithTheirRemainders() {
        CustomerId customer = opened();
        CustomerId neighbour = opened();
        LoyaltyAccount account = locked(customer);
        UUID first = earnLot(account, T0, T0.plusSeconds(10 * DAY), 100);
        UUID second = earnLot(account, T0.plusSeconds(DAY), T0.plusSeconds(20 * DAY), 50);
        UUID granted = id();
        LedgerEntry grant = account.addPoints(id(), granted, Points.of(30), "welcome", null, T0.plusSeconds(30 * DAY), LATER);
        store(account);
        LoyaltyAccount other = locked(neighbour);
        earnLot(other, T0, T0.plusSeconds(DAY), 5);
        store(other);

        account = locked(customer);
        account.redeem(id(), Points.of(120), "r-1", null, T0.plusSeconds(2 * DAY));
        store(account);

        LoyaltyAccount loaded = locked(customer);
        assertThat(loaded.snapshot()).isEqualTo(account.snapshot());
        assertThat(loaded.version()).isEqualTo(2);
        List<PointsLot> open = loaded.openLots();
        assertThat(open).extracting(PointsLot::id).containsExactly(second, granted);
        assertThat(open.get(0).remaining()).isEqualTo(30);
        assertThat(open.get(0).points()).isEqualTo(50);
        assertThat(open.get(1)).isEqualTo(new PointsLot(granted, customer, grant.id(), LATER,
                T0.plusSeconds(30 * DAY), 30, 30));
        assertThat(open).extracting(PointsLot::id).doesNotContain(first);
        // a closed lot loaded with the account would be expired again (an entry of 0 points)
        List<LedgerEntry> expired = loaded.expire(LoyaltyFixtures::id, T0.plusSeconds(25 * DAY),
                T0.plusSeconds(25 * DAY));
        assertThat(expired).extracting(LedgerEntry::reference).containsExactly(second.toString());
        assertThat(expired.get(0).points()).isEqualTo(-30);
        store(loaded);
        assertThat(locked(customer).openLots()).extracting(PointsLot::id).containsExactly(granted);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(30, 0, 30, 30, 5));
        assertThat(locked(neighbour).openLots()).hasSize(1);
    }

    @Test
    void aStaleUpdateIsAConflictAndStoresNothingOfIt() {
        CustomerId customer = opened();
        LoyaltyAccount first = locked(customer);
        LoyaltyAccount second = locked(customer);
        LedgerEntry kept = first.addPoints(id(), id(), Points.of(100), "first", null, LATER.plusSeconds(YEAR), LATER);
        store(first);
        second.addPoints(id(), id(), Points.of(5), "second", null, LATER.plusSeconds(YEAR), LATER);
        assertThatThrownBy(() -> store(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();

        assertThat(find(customer)).contains(first.snapshot());
        assertThat(find(customer).orElseThrow().version()).isEqualTo(1);
        assertThat(entries(customer)).containsExactly(kept);
        assertThat(locked(customer).openLots()).extracting(PointsLot::points).containsExactly(100L);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(100, 0, 100, 100, 1));
    }

    @Test
    void aReusedReferenceIsADuplicateAndNothingOfThatUpdateIsStored() {
        CustomerId customer = opened();
        PurchaseId purchase = PurchaseId.next(IDS);
        LoyaltyAccount account = locked(customer);
        LoyaltyFixtures.earn(account, id(), purchase, T0, T0.plusSeconds(YEAR), List.of(line(1, fox, 1, 100)));
        account.redeem(id(), Points.of(10), "key-1", null, LATER);
        store(account);
        LoyaltyAccountSnapshot before = find(customer).orElseThrow();
        List<LedgerEntry> ledger = entries(customer);
        List<PointsLot> lots = locked(customer).openLots();

        // a second earning of the purchase, in an update that also adds a lot, redeems and moves a lot
        LoyaltyAccount again = locked(customer);
        again.addPoints(id(), id(), Points.of(50), "goodwill", null, LATER.plusSeconds(YEAR), LATER);
        again.redeem(id(), Points.of(60), "key-2", "a mug", LATER);
        LoyaltyFixtures.earn(again, id(), purchase, LATER, LATER.plusSeconds(YEAR), List.of(line(1, fox, 1, 7)));
        long version = again.version();
        assertThatThrownBy(() -> store(again)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("reference");
        });
        assertThat(again.version()).as("not recorded as stored").isEqualTo(version);
        assertThat(find(customer)).contains(before);
        assertThat(entries(customer)).containsExactlyElementsOf(ledger);
        assertThat(locked(customer).openLots()).containsExactlyElementsOf(lots);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "key-2"))).isEmpty();
        assertThat(sums(customer)).isEqualTo(new LedgerSums(90, 0, 90, 90, 2));

        // the same idempotency key again
        LoyaltyAccount redeemAgain = locked(customer);
        redeemAgain.redeem(id(), Points.of(10), "key-1", null, LATER.plusSeconds(1));
        assertThatThrownBy(() -> store(redeemAgain)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("reference");
        });
        assertThat(find(customer)).contains(before);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(90, 0, 90, 90, 2));

        // the account still takes a correct change
        LoyaltyAccount retried = locked(customer);
        retried.redeem(id(), Points.of(60), "key-2", "a mug", LATER.plusSeconds(2));
        store(retried);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(30, 0, 30, 30, 3));
    }

    @Test
    void referencesAreUniquePerAccountAndKindOnlyAndMatchedExactly() {
        CustomerId customer = opened();
        CustomerId other = opened();
        PurchaseId purchase = PurchaseId.next(IDS);
        LoyaltyAccount account = locked(customer);
        LoyaltyFixtures.earn(account, id(), purchase, T0, T0.plusSeconds(YEAR), List.of(line(1, fox, 1, 100)));
        LedgerEntry lower = account.redeem(id(), Points.of(1), "key-a", null, LATER);
        LedgerEntry upper = account.redeem(id(), Points.of(2), "KEY-A", null, LATER);
        LedgerEntry sameAsPurchase = account.redeem(id(), Points.of(3), purchase.toString(), null, LATER);
        account.addPoints(id(), id(), Points.of(5), "one", null, LATER.plusSeconds(YEAR), LATER);
        account.addPoints(id(), id(), Points.of(6), "two", null, LATER.plusSeconds(YEAR), LATER);
        store(account);
        LoyaltyAccount theOther = locked(other);
        LedgerEntry otherEarning = LoyaltyFixtures.earn(theOther, id(), purchase, T0, T0.plusSeconds(YEAR),
                List.of(line(1, fox, 1, 10)));
        LedgerEntry otherKey = theOther.redeem(id(), Points.of(1), "key-a", null, LATER);
        store(theOther);

        assertThat(entries(customer)).hasSize(6).as("a redemption without a note, read as stored")
                .contains(lower, upper, sameAsPurchase);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "key-a"))).contains(lower);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "KEY-A"))).contains(upper);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, purchase.toString())))
                .contains(sameAsPurchase);
        assertThat(tx(() -> repo().findEntry(other, EntryKind.REDEEM, "key-a"))).contains(otherKey);
        assertThat(tx(() -> repo().findEntry(other, EntryKind.EARN, purchase.toString()))).contains(otherEarning);
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "Key-a"))).isEmpty();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "key-"))).as("not a prefix").isEmpty();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.REDEEM, "key-a "))).as("no padding").isEmpty();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.EARN, "key-a"))).as("kind counts").isEmpty();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.CLAWBACK, purchase.toString()))).isEmpty();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.ADJUST, null))).as("no reference, no match")
                .isEmpty();
        assertThat(sums(customer)).isEqualTo(new LedgerSums(105, 0, 105, 105, 6));
    }

    @Test
    void entriesAreListedInPostingOrderNewestFirstAndResumeBelowAPosition() {
        CustomerId customer = opened();
        CustomerId other = opened();
        Instant tie = T0.plusSeconds(7200);
        LoyaltyAccount account = locked(customer);
        LedgerEntry first = LoyaltyFixtures.earn(account, tie, List.of(line(1, fox, 2, 20), line(2, owl, 1, 5)));
        // an id that sorts first as bytes, and times that run backwards: neither decides the order
        LedgerEntry second = LoyaltyFixtures.earn(account, StaffFixtures.withHighBit(id()), PurchaseId.next(IDS),
                tie, tie.plusSeconds(YEAR), List.of(line(1, fox, 1, 1)));
        LedgerEntry third = earn(account, T0, 10);
        store(account);
        LoyaltyAccount others = locked(other);
        earn(others, tie, 99);
        store(others);
        account = locked(customer);
        LedgerEntry fourth = account.redeem(id(), Points.of(5), "r-1", "newest", tie.plusSeconds(1));
        LedgerEntry fifth = LoyaltyFixtures.earn(account, T0.minusSeconds(DAY), List.of(line(3, owl, 4, 40),
                line(7, fox, 1, 0)));
        store(account);

        assertThat(List.of(first, second, third, fourth, fifth)).extracting(LedgerEntry::position)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(find(customer).orElseThrow().lastPosition()).isEqualTo(5);
        assertThat(find(other).orElseThrow().lastPosition()).as("per ledger").isEqualTo(1);
        List<LedgerEntry> expected = List.of(fifth, fourth, third, second, first);
        assertThat(entries(customer)).containsExactlyElementsOf(expected);

        List<LedgerEntry> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Long before = null;
        for (int page = 0; page < 10; page++) {
            Long below = before;
            List<LedgerEntry> entries = tx(() -> repo().entries(customer, below, 2));
            sizes.add(entries.size());
            if (entries.isEmpty()) {
                break;
            }
            paged.addAll(entries);
            before = entries.get(entries.size() - 1).position();
        }
        assertThat(sizes).containsExactly(2, 2, 1, 0);
        assertThat(paged).containsExactlyElementsOf(expected);

        assertThat(ids(customer, 4L)).containsExactly(third.id(), second.id(), first.id());
        assertThat(ids(customer, 6L)).as("above the last: every entry").hasSize(5);
        assertThat(ids(customer, 1L)).isEmpty();
        assertThat(tx(() -> repo().entries(customer, null, 1))).containsExactly(fifth);
        assertThat(tx(() -> repo().entries(customer, null, 0))).isEmpty();
    }

    private List<UUID> ids(CustomerId customer, Long before) {
        return tx(() -> repo().entries(customer, before, 100)).stream().map(LedgerEntry::id).toList();
    }

    /**
     * Issue 17, finding 11: purchases recorded late with their earlier times, then redemptions. In posting order,
     * the statement's order, every entry's balance after it is the one below plus its points, page after page.
     */
    @Test
    void backDatedPostingsStillReconcileRowByRowInTheListedOrderAcrossPages() {
        CustomerId customer = opened();
        Instant now = T0.plusSeconds(30 * DAY);
        LoyaltyAccount account = locked(customer);
        earn(account, now.minusSeconds(DAY), 100);
        account.redeem(id(), Points.of(30), "r-1", null, now);
        store(account);
        account = locked(customer);
        // recorded now, took effect a week and two weeks ago
        earn(account, now.minusSeconds(7 * DAY), 50);
        earn(account, now.minusSeconds(14 * DAY), 20);
        account.redeem(id(), Points.of(60), "r-2", null, now.plusSeconds(1));
        store(account);
        account = locked(customer);
        earn(account, now.minusSeconds(20 * DAY), 5);
        account.redeem(id(), Points.of(80), "r-3", null, now.plusSeconds(2));
        store(account);

        List<LedgerEntry> all = entries(customer);
        assertThat(all).extracting(LedgerEntry::points).containsExactly(-80L, 5L, -60L, 20L, 50L, -30L, 100L);
        assertThat(all).extracting(LedgerEntry::occurredAt).as("each shows when it took effect")
                .containsExactly(now.plusSeconds(2), now.minusSeconds(20 * DAY), now.plusSeconds(1),
                        now.minusSeconds(14 * DAY), now.minusSeconds(7 * DAY), now, now.minusSeconds(DAY));
        assertReconciled(all, find(customer).orElseThrow().balance());

        for (int size = 1; size <= all.size(); size++) {
            List<LedgerEntry> paged = new ArrayList<>();
            Long before = null;
            while (true) {
                Long below = before;
                int limit = size;
                List<LedgerEntry> page = tx(() -> repo().entries(customer, below, limit));
                paged.addAll(page);
                if (page.size() < size) {
                    break;
                }
                before = page.get(page.size() - 1).position();
            }
            assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(all);
        }
    }

    /** Each entry's balance after it is the next listed one's plus its points; the first is the account's balance. */
    private static void assertReconciled(List<LedgerEntry> newestFirst, long balance) {
        assertThat(newestFirst.get(0).balanceAfter()).isEqualTo(balance);
        for (int n = 0; n + 1 < newestFirst.size(); n++) {
            LedgerEntry entry = newestFirst.get(n);
            assertThat(entry.balanceAfter()).as("entry %d", entry.position())
                    .isEqualTo(newestFirst.get(n + 1).balanceAfter() + entry.points());
            assertThat(entry.position()).isEqualTo(newestFirst.get(n + 1).position() + 1);
        }
        LedgerEntry oldest = newestFirst.get(newestFirst.size() - 1);
        assertThat(oldest.balanceAfter()).isEqualTo(oldest.points());
        assertThat(oldest.position()).isEqualTo(1);
    }

    @Test
    void aSecondEntryAtAPositionTakenIsADuplicateAndNothingOfThatUpdateIsStored() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        earn(account, T0, 100);
        store(account);
        LoyaltyAccountSnapshot before = find(customer).orElseThrow();
        // a row that claims a position it does not hold: the port must not let a second entry take position 1
        LoyaltyAccount stale = LoyaltyAccount.restore(new LoyaltyAccountSnapshot(customer, before.version(),
                before.openedAt(), before.balance(), before.lifetimeEarned(), before.lifetimeRedeemed(),
                before.lastRedemptionAt(), before.shortfall(), before.tier(), before.earnedInWindow(),
                before.tierEvaluatedAt(), 0), locked(customer).openLots());
        stale.redeem(id(), Points.of(10), "r-1", null, LATER);

        assertThatThrownBy(() -> store(stale)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("position");
        });
        assertThat(find(customer)).contains(before);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(100, 0, 100, 100, 1));
    }

    @Test
    void earnedBetweenSumsWhatWasEarnedNetOfClawBacksWithBothBoundsIncluded() {
        CustomerId customer = opened();
        CustomerId other = opened();
        Instant from = T0.plusSeconds(DAY);
        Instant to = from.plusSeconds(30 * DAY);
        LoyaltyAccount account = locked(customer);
        earn(account, from.minusNanos(1000), 1);
        earn(account, from, 10);
        LedgerEntry mid = earn(account, from.plusSeconds(3600), 100);
        account.addPoints(id(), id(), Points.of(5000), "bonus", null, to.plusSeconds(YEAR), from.plusSeconds(7200));
        account.redeem(id(), Points.of(50), "r", null, from.plusSeconds(7300));
        account.clawBack(id(), id(), PurchaseId.parse(mid.reference()), Points.of(30), mid, to);
        earn(account, to.plusNanos(1000), 1000);
        store(account);
        LoyaltyAccount others = locked(other);
        earn(others, from.plusSeconds(3600), 7);
        store(others);

        assertThat(earnedBetween(customer, from, to)).isEqualTo(10 + 100 - 30);
        assertThat(earnedBetween(customer, from, from)).isEqualTo(10);
        assertThat(earnedBetween(customer, to, to)).as("a claw-back counts when its purchase was earned").isZero();
        assertThat(earnedBetween(customer, from.plusSeconds(3600), from.plusSeconds(3600))).isEqualTo(100 - 30);
        assertThat(earnedBetween(customer, from.minusNanos(1000), to.plusNanos(1000)))
                .isEqualTo(1 + 10 + 100 - 30 + 1000);
        assertThat(earnedBetween(customer, from.plusNanos(1000), to.minusNanos(1000))).isEqualTo(100 - 30);
        assertThat(earnedBetween(other, from, to)).isEqualTo(7);
        assertThat(earnedBetween(customer, to.plusSeconds(1), to.plusSeconds(2))).isZero();
    }

    private long earnedBetween(CustomerId customer, Instant from, Instant to) {
        return tx(() -> repo().earnedBetween(customer, from, to));
    }

    @Test
    void withLotsExpiringByListsCustomersWithOpenDueLotsByIdBytes() {
        Instant due = T0.plusSeconds(30 * DAY);
        CustomerId one = opened();
        CustomerId two = opened();
        CustomerId high = opened(highCustomer());
        CustomerId closed = opened();
        opened();
        LoyaltyAccount account = locked(one);
        UUID oneEarlier = earnLot(account, T0, due.minusSeconds(DAY), 10);
        UUID oneAtDue = earnLot(account, T0, due, 20);
        store(account);
        account = locked(two);
        earnLot(account, T0, due.plusNanos(1000), 5);
        store(account);
        account = locked(high);
        earnLot(account, T0, due, 7);
        store(account);
        account = locked(closed);
        earnLot(account, T0, due.minusSeconds(DAY), 50);
        earnLot(account, T0, due.plusSeconds(DAY), 60);
        store(account);
        account = locked(closed);
        account.redeem(id(), Points.of(50), "all-of-the-first", null, T0.plusSeconds(60));
        store(account);

        List<CustomerId> atDue = byBytes(one, high);
        List<CustomerId> justAfter = byBytes(one, two, high);
        assertThat(high).isEqualTo(justAfter.get(2));
        assertThat(expiring(due, null, 10)).containsExactlyElementsOf(atDue);
        assertThat(expiring(due.plusNanos(1000), null, 10)).containsExactlyElementsOf(justAfter);
        assertThat(expiring(due.plusNanos(1000), null, 2)).containsExactlyElementsOf(justAfter.subList(0, 2));
        assertThat(expiring(due.plusNanos(1000), justAfter.get(0), 10))
                .containsExactlyElementsOf(justAfter.subList(1, 3));
        assertThat(expiring(due.plusNanos(1000), justAfter.get(1), 10)).containsExactly(high);
        assertThat(expiring(due.plusNanos(1000), high, 10)).isEmpty();
        assertThat(expiring(due.minusSeconds(DAY), null, 10)).as("a closed lot is not due").containsExactly(one);
        assertThat(expiring(due.minusSeconds(DAY).minusNanos(1000), null, 10)).isEmpty();
        assertThat(expiring(due.plusSeconds(DAY), null, 10)).containsExactlyElementsOf(byBytes(one, two, high,
                closed));

        LoyaltyAccount dueAccount = locked(one);
        List<LedgerEntry> expired = dueAccount.expire(LoyaltyFixtures::id, due, due.plusSeconds(1));
        assertThat(expired).extracting(LedgerEntry::reference).containsExactly(oneEarlier.toString(),
                oneAtDue.toString());
        assertThat(expired).extracting(LedgerEntry::points).containsExactly(-10L, -20L);
        store(dueAccount);
        assertThat(expiring(due, null, 10)).containsExactly(high);
        assertThat(locked(one).openLots()).isEmpty();
        assertThat(locked(one).expire(LoyaltyFixtures::id, due, due.plusSeconds(2))).as("nothing twice").isEmpty();
        assertThat(sums(one)).isEqualTo(new LedgerSums(0, 0, 0, 0, 4));
    }

    private List<CustomerId> expiring(Instant asOf, CustomerId after, int limit) {
        return tx(() -> repo().withLotsExpiringBy(asOf, after, limit));
    }

    @Test
    void accountsAreListedByIdBytesAndResumeAfterACustomer() {
        CustomerId a = opened();
        CustomerId b = opened();
        CustomerId high = opened(highCustomer());
        CustomerId c = opened();
        customer();
        List<CustomerId> all = byBytes(a, b, high, c);
        assertThat(all.get(3)).isEqualTo(high);

        assertThat(tx(() -> repo().accounts(null, 10))).containsExactlyElementsOf(all);
        assertThat(tx(() -> repo().accounts(null, 2))).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(tx(() -> repo().accounts(all.get(1), 2))).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(tx(() -> repo().accounts(all.get(0), 10))).containsExactlyElementsOf(all.subList(1, 4));
        assertThat(tx(() -> repo().accounts(high, 10))).isEmpty();
    }

    @Test
    void topEarnersRankByPointsEarnedInThePeriodNetOfClawBacks() {
        Instant from = T0.plusSeconds(DAY);
        Instant to = from.plusSeconds(7 * DAY);
        Instant mid = from.plusSeconds(3600);
        CustomerId a = opened();
        CustomerId b = opened();
        CustomerId high = opened(highCustomer());
        CustomerId c = opened();
        CustomerId d = opened();
        CustomerId e = opened();
        CustomerId f = opened();

        LoyaltyAccount account = locked(a);
        LedgerEntry earning = earn(account, from, 300);
        account.clawBack(id(), id(), PurchaseId.parse(earning.reference()), Points.of(100), earning, mid);
        store(account);
        account = locked(b);
        earn(account, mid, 200);
        store(account);
        account = locked(high);
        earn(account, mid, 120);
        earn(account, to.minusNanos(1000), 80);
        store(account);
        account = locked(c);
        earn(account, to, 500);
        earn(account, from.minusNanos(1000), 50);
        earn(account, mid, 10);
        store(account);
        account = locked(d);
        earning = earn(account, mid, 100);
        account.clawBack(id(), id(), PurchaseId.parse(earning.reference()), Points.of(100), earning, mid);
        store(account);
        account = locked(e);
        earning = earn(account, from.minusSeconds(DAY), 100);
        account.clawBack(id(), id(), PurchaseId.parse(earning.reference()), Points.of(100), earning, mid);
        store(account);
        account = locked(f);
        account.addPoints(id(), id(), Points.of(1000), "granted", null, to.plusSeconds(YEAR), mid);
        account.redeem(id(), Points.of(10), "spent", null, mid);
        store(account);

        List<CustomerId> tied = byBytes(a, b, high);
        assertThat(tied.get(2)).isEqualTo(high);
        List<Earner> expected = List.of(new Earner(tied.get(0), 200), new Earner(tied.get(1), 200),
                new Earner(high, 200), new Earner(c, 10));
        assertThat(tx(() -> repo().topEarners(from, to, 10))).containsExactlyElementsOf(expected);
        assertThat(tx(() -> repo().topEarners(from, to, 2))).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(tx(() -> repo().topEarners(to, to.plusSeconds(1), 10))).containsExactly(new Earner(c, 500));
        assertThat(tx(() -> repo().topEarners(from, from, 10))).isEmpty();
        assertThat(tx(() -> repo().topEarners(to.plusSeconds(1), to.plusSeconds(2), 10))).isEmpty();
    }

    @Test
    void sumsReadTheRowAndTheLedgerAndHoldThroughAShortfall() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        LedgerEntry earning = earn(account, T0, 100);
        store(account);
        account = locked(customer);
        account.redeem(id(), Points.of(80), "most", null, LATER);
        store(account);
        account = locked(customer);
        LedgerEntry clawBack = account.clawBack(id(), id(), PurchaseId.parse(earning.reference()), Points.of(100),
                earning, LATER.plusSeconds(1));
        store(account);
        assertThat(clawBack.points()).isEqualTo(-20);
        assertThat(clawBack.shortfallChange()).isEqualTo(80);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(0, 80, 0, 0, 3));
        assertThat(sums(customer).hold()).isTrue();
        assertThat(find(customer)).contains(new LoyaltyAccountSnapshot(customer, 3, T0, 0, 0, 80, LATER, 80, "BRONZE",
                0, T0, 3));

        account = locked(customer);
        LedgerEntry settling = earn(account, LATER.plusSeconds(2), 50);
        store(account);
        assertThat(settling.points()).as("all of it paid off the shortfall").isZero();
        assertThat(tx(() -> repo().findEntry(customer, EntryKind.EARN, settling.reference()))).contains(settling);
        assertThat(locked(customer).openLots()).isEmpty();
        assertThat(sums(customer)).isEqualTo(new LedgerSums(0, 30, 0, 0, 4));

        account = locked(customer);
        earn(account, LATER.plusSeconds(3), 100);
        store(account);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(70, 0, 70, 70, 5));
        assertThat(sums(customer).hold()).isTrue();
        assertThat(find(customer).orElseThrow().lifetimeEarned()).isEqualTo(150);

        assertThat(new LedgerSums(5, 0, 5, 4, 2).hold()).as("lots differ").isFalse();
        assertThat(new LedgerSums(5, 0, 4, 5, 2).hold()).as("entries differ").isFalse();
        assertThat(new LedgerSums(-1, 0, -1, -1, 1).hold()).as("negative balance").isFalse();
        assertThat(new LedgerSums(0, -1, 0, 0, 1).hold()).as("negative shortfall").isFalse();
    }

    @Test
    void anUpdateOfTheRowAloneStoresItWithoutEntries() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        assertThat(account.evaluateTier(new Tier("SILVER", 1_000, new BigDecimal("1.1")), 1234, LATER)).isTrue();
        store(account);
        assertThat(find(customer)).contains(new LoyaltyAccountSnapshot(customer, 1, T0, 0, 0, 0, null, 0, "SILVER",
                1234, LATER, 0));

        // a claw-back of points earned before the window can make the window's earnings negative
        account = locked(customer);
        assertThat(account.evaluateTier(BRONZE, -30, LATER.plusSeconds(1))).isTrue();
        store(account);
        assertThat(find(customer)).contains(new LoyaltyAccountSnapshot(customer, 2, T0, 0, 0, 0, null, 0, "BRONZE",
                -30, LATER.plusSeconds(1), 0));
        assertThat(entries(customer)).isEmpty();
        assertThat(sums(customer)).isEqualTo(new LedgerSums(0, 0, 0, 0, 0));
    }

    @Test
    void aRolledBackUpdateLeavesTheStoredAccount() {
        CustomerId customer = opened();
        LoyaltyAccount account = locked(customer);
        earn(account, T0, 100);
        store(account);
        LoyaltyAccount loaded = locked(customer);
        loaded.redeem(id(), Points.of(40), "key", null, LATER);
        loaded.addPoints(id(), id(), Points.of(5), "extra", null, LATER.plusSeconds(YEAR), LATER);
        IllegalStateException failure = new IllegalStateException("after update");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().update(loaded);
            throw failure;
        })).isSameAs(failure);
        assertThat(find(customer)).contains(account.snapshot());
        assertThat(entries(customer)).hasSize(1);
        assertThat(locked(customer).openLots()).extracting(PointsLot::remaining).containsExactly(100L);

        LoyaltyAccount retried = locked(customer);
        assertThat(retried.version()).isEqualTo(1);
        retried.redeem(id(), Points.of(40), "key", null, LATER);
        store(retried);
        assertThat(sums(customer)).isEqualTo(new LedgerSums(60, 0, 60, 60, 2));
    }

    // many accounts at once

    @Test
    void addAllIfAbsentOpensOnlyTheMissingAccountsAndSaysWhichItOpened() {
        CustomerId before = opened();
        LoyaltyAccount changed = locked(before);
        earn(changed, T0, 40);
        store(changed);
        CustomerId first = customer();
        CustomerId second = highCustomer();

        java.util.Set<CustomerId> opened = tx(() -> repo().addAllIfAbsent(List.of(
                LoyaltyAccount.open(second, BRONZE, T0), LoyaltyAccount.open(before, BRONZE, LATER),
                LoyaltyAccount.open(first, BRONZE, T0))));

        assertThat(opened).containsExactlyInAnyOrder(first, second);
        assertThat(find(first)).contains(fresh(first));
        assertThat(find(second)).contains(fresh(second));
        assertThat(find(before)).as("an account is never reset").contains(changed.snapshot());
        assertThat(tx(() -> repo().addAllIfAbsent(List.of(LoyaltyAccount.open(first, BRONZE, LATER))))).isEmpty();
        assertThat(tx(() -> repo().addAllIfAbsent(List.of()))).isEmpty();
        assertThat(tx(() -> repo().accounts(null, 10))).containsExactlyElementsOf(byBytes(before, first, second));
    }

    @Test
    void lockAllLoadsTheAccountsThatExistWithTheirOpenLotsByCustomer() {
        CustomerId rich = opened(highCustomer());
        CustomerId empty = opened();
        CustomerId none = customer();
        LoyaltyAccount account = locked(rich);
        UUID spent = earnLot(account, T0, T0.plusSeconds(10 * DAY), 30);
        UUID kept = earnLot(account, T0.plusSeconds(DAY), T0.plusSeconds(20 * DAY), 50);
        account.redeem(id(), Points.of(40), "r-1", null, LATER);
        store(account);

        java.util.Map<CustomerId, LoyaltyAccount> all = tx(() -> repo().lockAll(List.of(none, rich, empty, rich)));

        assertThat(all.keySet()).containsExactlyInAnyOrder(rich, empty);
        assertThat(all.get(rich).snapshot()).isEqualTo(account.snapshot());
        assertThat(all.get(rich).openLots()).isEqualTo(locked(rich).openLots());
        assertThat(all.get(rich).openLots()).extracting(PointsLot::id).containsExactly(kept)
                .doesNotContain(spent);
        assertThat(all.get(rich).openLots().get(0).remaining()).isEqualTo(40);
        assertThat(all.get(empty).snapshot()).isEqualTo(fresh(empty));
        assertThat(all.get(empty).openLots()).isEmpty();
        assertThat(tx(() -> repo().lockAll(List.of()))).isEmpty();
    }

    @Test
    void updateAllStoresEveryAccountsChangesAndAdvancesEachVersion() {
        CustomerId one = opened();
        CustomerId two = opened(highCustomer());
        LoyaltyAccount earlier = locked(one);
        LedgerEntry earning = earn(earlier, T0, 100);
        store(earlier);
        java.util.Map<CustomerId, LoyaltyAccount> all = tx(() -> repo().lockAll(List.of(one, two)));
        LoyaltyAccount first = all.get(one);
        LoyaltyAccount second = all.get(two);
        first.clawBack(id(), id(), PurchaseId.next(IDS), Points.of(30), earning, LATER);
        first.evaluateTier(BRONZE, 70, LATER);
        LedgerEntry earned = LoyaltyFixtures.earn(second, T0, List.of(line(1, fox, 2, 20), line(2, owl, 1, 5)));
        second.addPoints(id(), id(), Points.of(7), "welcome", null, LATER.plusSeconds(YEAR), LATER);

        persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of(second, first)));

        assertThat(first.version()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(1);
        assertThat(find(one)).contains(first.snapshot());
        assertThat(find(two)).contains(second.snapshot());
        assertThat(find(one).orElseThrow().earnedInWindow()).isEqualTo(70);
        assertThat(sums(one)).isEqualTo(new LedgerSums(70, 0, 70, 70, 2));
        assertThat(sums(two)).isEqualTo(new LedgerSums(32, 0, 32, 32, 2));
        assertThat(entries(two)).contains(earned);
        assertThat(locked(one).openLots()).extracting(PointsLot::remaining).containsExactly(70L);
        assertThat(locked(two).openLots()).extracting(PointsLot::remaining).containsExactlyInAnyOrder(25L, 7L);
        persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of()));
    }

    @Test
    void anUpdateAllWithOneStaleAccountIsAConflictAndStoresNoneOfThem() {
        CustomerId one = opened();
        CustomerId two = opened(highCustomer());
        LoyaltyAccount stale = locked(one);
        LoyaltyAccount winner = locked(one);
        winner.addPoints(id(), id(), Points.of(100), "first", null, LATER.plusSeconds(YEAR), LATER);
        store(winner);
        LoyaltyAccount other = locked(two);
        other.addPoints(id(), id(), Points.of(5), "other", null, LATER.plusSeconds(YEAR), LATER);
        stale.addPoints(id(), id(), Points.of(5), "second", null, LATER.plusSeconds(YEAR), LATER);

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> repo().updateAll(List.of(other,
                stale)))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));

        assertThat(find(one)).contains(winner.snapshot());
        assertThat(find(two)).contains(fresh(two));
        assertThat(entries(two)).isEmpty();
        assertThat(sums(one)).isEqualTo(new LedgerSums(100, 0, 100, 100, 1));
    }

    @Test
    void findAllReadsTheRowsOfTheAccountsThatExist() {
        CustomerId one = opened();
        CustomerId two = opened(highCustomer());
        CustomerId none = customer();
        LoyaltyAccount account = locked(one);
        earn(account, T0, 12);
        store(account);

        assertThat(tx(() -> repo().findAll(List.of(two, none, one, one))))
                .isEqualTo(java.util.Map.of(one, account.snapshot(), two, fresh(two)));
        assertThat(tx(() -> repo().findAll(List.of()))).isEmpty();
    }

    @Test
    void findEntriesReadsTheEntriesOfTheKindUnderExactlyThosePairsOfLedgerAndReferenceWithTheirLines() {
        CustomerId one = opened();
        CustomerId two = opened(highCustomer());
        CustomerId third = opened();
        PurchaseId p1 = PurchaseId.next(IDS);
        PurchaseId p2 = PurchaseId.next(IDS);
        PurchaseId p3 = PurchaseId.next(IDS);
        LoyaltyAccount a = locked(one);
        LedgerEntry e1 = LoyaltyFixtures.earn(a, id(), p1, T0, T0.plusSeconds(YEAR),
                List.of(line(1, fox, 2, 20), line(2, owl, 1, 5)));
        LoyaltyFixtures.earn(a, id(), p2, T0, T0.plusSeconds(YEAR), List.of(line(1, fox, 1, 10)));
        store(a);
        LoyaltyAccount b = locked(two);
        LedgerEntry e3 = LoyaltyFixtures.earn(b, id(), p3, T0, T0.plusSeconds(YEAR), List.of(line(1, owl, 1, 7)));
        store(b);
        LoyaltyAccount c = locked(third);
        LoyaltyFixtures.earn(c, id(), p1, T0, T0.plusSeconds(YEAR), List.of(line(1, owl, 1, 3)));
        store(c);

        assertThat(tx(() -> repo().findEntries(EntryKind.EARN, List.of(key(one, p1), key(two, p3), key(third, p3),
                key(two, p2), key(one, PurchaseId.next(IDS))))))
                .as("not the third's entry under p1 nor one's under p2: pairs not asked for, though their customer "
                        + "and reference each are").containsExactlyInAnyOrder(e1, e3);
        assertThat(tx(() -> repo().findEntries(EntryKind.CLAWBACK, List.of(key(one, p1), key(two, p3))))).isEmpty();
        assertThat(tx(() -> repo().findEntries(EntryKind.EARN, List.of(new LoyaltyRepository.EntryKey(one,
                p1 + " "))))).as("matched exactly").isEmpty();
        assertThat(tx(() -> repo().findEntries(EntryKind.EARN, List.of()))).isEmpty();
    }

    private static LoyaltyRepository.EntryKey key(CustomerId customer, PurchaseId reference) {
        return new LoyaltyRepository.EntryKey(customer, reference.toString());
    }

    @Test
    void earningsSumEachCustomersEntriesPerEarningTimeWithinTheSpanByCustomerThenTime() {
        CustomerId one = opened();
        CustomerId two = opened(highCustomer());
        CustomerId none = customer();
        CustomerId other = opened();
        LoyaltyAccount a = locked(one);
        LedgerEntry early = earn(a, T0, 40);
        earn(a, LATER, 10);
        earn(a, LATER, 5);
        a.addPoints(id(), id(), Points.of(500), "no earning", null, LATER.plusSeconds(YEAR), LATER);
        a.redeem(id(), Points.of(20), "r-1", null, LATER);
        store(a);
        a = locked(one);
        // posted later, counted at its purchase's time
        a.clawBack(id(), id(), PurchaseId.parse(early.reference()), Points.of(15), early, LATER.plusSeconds(DAY));
        LedgerEntry undone = earn(a, LATER.plusSeconds(60), 7);
        a.clawBack(id(), id(), PurchaseId.parse(undone.reference()), Points.of(7), undone, LATER.plusSeconds(DAY));
        earn(a, LATER.plusSeconds(DAY), 1000);
        store(a);
        LoyaltyAccount b = locked(two);
        earn(b, T0.minusNanos(1000), 3);
        earn(b, T0, 30);
        store(b);
        LoyaltyAccount c = locked(other);
        earn(c, LATER, 99);
        store(c);

        List<LoyaltyRepository.Earning> expected = new ArrayList<>();
        for (CustomerId customer : byBytes(one, two)) {
            if (customer.equals(one)) {
                expected.add(new LoyaltyRepository.Earning(one, T0, 25));
                expected.add(new LoyaltyRepository.Earning(one, LATER, 15));
                expected.add(new LoyaltyRepository.Earning(one, LATER.plusSeconds(60), 0));
            } else {
                expected.add(new LoyaltyRepository.Earning(two, T0, 30));
            }
        }
        assertThat(tx(() -> repo().earnings(List.of(two, none, one, one), T0, LATER.plusSeconds(60))))
                .as("both bounds included; a sum of 0 kept; none for a customer without earnings")
                .containsExactlyElementsOf(expected);
        assertThat(tx(() -> repo().earnings(List.of(one), LATER, LATER)))
                .containsExactly(new LoyaltyRepository.Earning(one, LATER, 15));
        assertThat(tx(() -> repo().earnings(List.of(one), T0.plusNanos(1000), LATER.minusNanos(1000)))).isEmpty();
        assertThat(tx(() -> repo().earnings(List.of(none), T0, LATER))).isEmpty();
        assertThat(tx(() -> repo().earnings(List.of(), T0, LATER))).isEmpty();
        assertThat(tx(() -> repo().earnings(List.of(one), T0, LATER.plusSeconds(DAY))).stream()
                .mapToLong(LoyaltyRepository.Earning::earned).sum()).as("what earnedBetween sums")
                .isEqualTo(tx(() -> repo().earnedBetween(one, T0, LATER.plusSeconds(DAY))));
    }
}
