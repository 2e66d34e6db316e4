package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyalCustomer;
import org.crmkit.core.loyalty.port.in.LoyalCustomersQuery;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.loyalty.port.in.LoyaltyRanking;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loyalty program as a host sees it, on the in-memory adapter: points earned with purchases and explained,
 * redemptions that take the oldest lots first and can be retried safely, claw-backs on returns that never push the
 * balance below 0, expiry and tier batches that are safe to run twice, statements, adjustments and rankings. After
 * every test the stored ledger of every customer it touched keeps its invariants.
 */
class LoyaltyUseCasesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T10:00:00Z");

    private LoyaltyWorld world;
    private final List<CustomerId> touched = new java.util.ArrayList<>();

    private LoyaltyWorld standard() {
        return world(LoyaltyProgram.standard());
    }

    private LoyaltyWorld world(LoyaltyProgram program) {
        world = new LoyaltyWorld(InMemoryCrmPersistence.create(), program, START, "t");
        return world;
    }

    private CustomerView customer(String name) {
        CustomerView c = world.customer(name);
        touched.add(c.id());
        return c;
    }

    @AfterEach
    void everyLedgerKeepsItsInvariants() {
        for (CustomerId c : touched) {
            assertThat(world.sums(c).hold()).as("invariants of %s: %s", c, world.sums(c)).isTrue();
        }
    }

    // ---- earning ---------------------------------------------------------------------------------------------------

    @Test
    void aPurchaseEarnsOnePointPerWholeEuroByDefaultAndSaysWhy() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView mug = world.product("MUG", "7.50", null);
        ProductView novel = world.product("NOVEL", "20.00", null);

        PurchaseView p = world.buy(alice.id(), MARCH_1, mug, 2, novel, 1);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().balance()).isEqualTo(35);
        assertThat(s.account().lifetimeEarned()).isEqualTo(35);
        assertThat(s.account().tier()).isEqualTo("BRONZE");
        assertThat(s.account().isOpen()).as("opened by the first earning").isTrue();
        LedgerEntryView earn = s.entries().items().get(0);
        assertThat(earn.kind()).isEqualTo(EntryKind.EARN);
        assertThat(earn.reference()).isEqualTo(p.id().toString());
        assertThat(earn.occurredAt()).isEqualTo(MARCH_1);
        assertThat(earn.lines()).extracting(EarnedLine::lineNumber, EarnedLine::points, EarnedLine::explanation)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 15L,
                                "15.00 EUR x 1 point(s) per unit; rounded down: 15"),
                        org.assertj.core.groups.Tuple.tuple(2, 20L,
                                "20.00 EUR x 1 point(s) per unit; rounded down: 20"));
    }

    @Test
    void categoryMultipliersPromotionsBonusesTiersAndRoundingAllShowInTheExplanation() {
        InMemoryCrmPersistence persistence = InMemoryCrmPersistence.create();
        LoyaltyWorld setup = new LoyaltyWorld(persistence, LoyaltyProgram.standard(), START, "t");
        CategoryView books = setup.crm().products().createCategory(LoyaltyWorld.SYSTEM,
                new CreateCategoryCommand("Books", null));
        CategoryView comics = setup.crm().products().createCategory(LoyaltyWorld.SYSTEM,
                new CreateCategoryCommand("Comics", books.id()));
        ProductView mug = setup.product("MUG", "7.50", null);
        ProductView comic = setup.product("COMIC", "9.99", comics.id());
        ProductView novel = setup.product("NOVEL", "20.00", books.id());
        CustomerView alice = setup.customer("Alice");
        world = new LoyaltyWorld(persistence, LoyaltyProgram.builder()
                .pointsPerUnit(java.util.Currency.getInstance("EUR"), new BigDecimal("2"))
                .categoryMultiplier(books.id(), new BigDecimal("1.5"))
                .promotion(Promotion.multiplier("Spring", Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-08T00:00:00Z"), new BigDecimal("2"), comics.id()))
                .promotion(Promotion.bonus("Welcome", Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-03-05T00:00:00Z"), 50))
                .tiers(new Tier("BRONZE", 0, BigDecimal.ONE), new Tier("SILVER", 100, new BigDecimal("2")))
                .rounding(RoundingMode.HALF_UP)
                .build(), START, "u");
        touched.add(alice.id());

        world.buy(alice.id(), MARCH_1, mug, 1, comic, 3, novel, 1);

        LedgerEntryView first = world.statement(alice.id()).entries().items().get(0);
        assertThat(first.lines()).extracting(EarnedLine::points).containsExactly(65L, 180L, 60L);
        assertThat(first.lines().get(0).explanation()).isEqualTo(
                "7.50 EUR x 2 point(s) per unit; rounded half up: 15; promotion Welcome bonus +50");
        assertThat(first.lines().get(1).explanation()).as("Comics inherits the Books multiplier").isEqualTo(
                "29.97 EUR x 2 point(s) per unit; category Books x 1.5; promotion Spring x 2; rounded half up: 180");
        assertThat(first.lines().get(2).explanation()).as("the bonus goes once per purchase").isEqualTo(
                "20.00 EUR x 2 point(s) per unit; category Books x 1.5; rounded half up: 60");
        assertThat(world.statement(alice.id()).account().tier()).as("305 points earned reach SILVER")
                .isEqualTo("SILVER");

        world.moveTo(Instant.parse("2026-03-11T00:00:00Z"));
        world.buy(alice.id(), Instant.parse("2026-03-10T10:00:00Z"), comic, 1);

        LedgerEntryView second = world.statement(alice.id()).entries().items().get(0);
        assertThat(second.lines().get(0).explanation()).as("no promotion after it ends; the tier multiplies")
                .isEqualTo("9.99 EUR x 2 point(s) per unit; category Books x 1.5; tier SILVER x 2; "
                        + "rounded half up: 60");
        assertThat(second.points()).isEqualTo(60);
    }

    @Test
    void anonymousSalesAndPurchasesWithoutAnEarningRuleOpenNoAccount() {
        world(LoyaltyProgram.builder().otherCurrencies(null)
                .pointsPerUnit(java.util.Currency.getInstance("EUR"), BigDecimal.ONE).build());
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);

        world.buy(null, MARCH_1, novel, 1);
        world.buyIn("CHF", alice.id(), MARCH_1, novel, 1);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().isOpen()).isFalse();
        assertThat(s.account().balance()).isZero();
        assertThat(s.entries().items()).isEmpty();
        assertThat(world.crm().loyalty().loyalCustomers(world.manager(), new LoyalCustomersQuery(
                Instant.parse("2026-01-01T00:00:00Z"), START, LoyaltyRanking.POINTS_EARNED, null, 10))).isEmpty();
    }

    // ---- redeeming -------------------------------------------------------------------------------------------------

    @Test
    void aRedemptionTakesTheOldestLotsFirstSoTheyExpireEmptier() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        world.buy(alice.id(), Instant.parse("2026-02-20T10:00:00Z"), novel, 5); // 100 points, expire 2027-02-20
        world.buy(alice.id(), MARCH_1, novel, 3);                              // 60 points, expire 2027-03-01

        LedgerEntryView redeemed = loyalty().redeem(world.manager(),
                new RedeemPointsCommand(alice.id(), 50, "order-77", "voucher"));

        assertThat(redeemed.points()).isEqualTo(-50);
        assertThat(redeemed.balanceAfter()).isEqualTo(110);
        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().lifetimeRedeemed()).isEqualTo(50);
        assertThat(s.account().lastRedemptionAt()).isEqualTo(START);

        world.moveTo(Instant.parse("2027-02-25T00:00:00Z"));
        BatchResult expired = loyalty().expirePoints(world.manager(),
                new ExpirePointsCommand(world.clock().instant()));

        assertThat(expired).isEqualTo(new BatchResult(1, 1, 50));
        assertThat(world.statement(alice.id()).account().balance()).as("the newer lot is whole").isEqualTo(60);
        assertThat(loyalty().expirePoints(world.manager(), new ExpirePointsCommand(world.clock().instant())))
                .as("a second run finds nothing").isEqualTo(new BatchResult(0, 0, 0));

        world.moveTo(Instant.parse("2027-03-02T00:00:00Z"));
        assertThat(loyalty().expirePoints(world.manager(), new ExpirePointsCommand(world.clock().instant()))
                .points()).isEqualTo(60);
        LoyaltyStatement after = world.statement(alice.id());
        assertThat(after.account().balance()).isZero();
        assertThat(after.entries().items()).extracting(LedgerEntryView::kind)
                .containsExactly(EntryKind.EXPIRE, EntryKind.EXPIRE, EntryKind.REDEEM, EntryKind.EARN,
                        EntryKind.EARN);
    }

    @Test
    void aRetriedRedemptionReturnsTheFirstResultAndADifferentRequestUnderTheKeyIsAConflict() {
        standard();
        CustomerView alice = customer("Alice");
        world.buy(alice.id(), MARCH_1, world.product("NOVEL", "20.00", null), 5);
        RedeemPointsCommand command = new RedeemPointsCommand(alice.id(), 30, "k-1", null);

        LedgerEntryView first = loyalty().redeem(world.manager(), command);
        LedgerEntryView again = loyalty().redeem(world.manager(), command);

        assertThat(again).isEqualTo(first);
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(70);
        assertThatThrownBy(() -> loyalty().redeem(world.manager(),
                new RedeemPointsCommand(alice.id(), 31, "k-1", null)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("duplicate"));
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(70);
    }

    @Test
    void notEnoughPointsIsARuleViolationThatNamesTheBalance() {
        standard();
        CustomerView alice = customer("Alice");
        world.buy(alice.id(), MARCH_1, world.product("NOVEL", "20.00", null), 2);

        BusinessRuleViolationException e = catchThrowableOfType(BusinessRuleViolationException.class,
                () -> loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 41, "k", null)));

        assertThat(e.code()).isEqualTo("insufficient_points");
        assertThat(e.details()).containsEntry("balance", "40").containsEntry("requested", "41");
        assertThat(e.getMessage()).contains("balance is 40");
        assertThat(world.statement(alice.id()).entries().items()).hasSize(1);
    }

    // ---- returns ---------------------------------------------------------------------------------------------------

    @Test
    void returnsTakeBackWhatTheReturnedUnitsEarnedAndEveryUnitReturnedTakesBackTheWholeLine() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        ProductView mug = world.product("MUG", "7.50", null);
        PurchaseView p = world.buy(alice.id(), MARCH_1, novel, 4, mug, 3); // 80 + 22 points

        world.giveBack(p, 1, 1);
        world.giveBack(p, 2, 1);
        world.giveBack(p, 2, 2);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.entries().items()).filteredOn(e -> e.kind() == EntryKind.CLAWBACK)
                .extracting(LedgerEntryView::points).containsExactly(-15L, -7L, -20L);
        assertThat(s.account().balance()).isEqualTo(60);
        assertThat(s.account().lifetimeEarned()).as("net of what was taken back").isEqualTo(60);
    }

    @Test
    void pointsAlreadySpentBecomeAShortfallThatTheNextEarningsPayOff() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        PurchaseView p = world.buy(alice.id(), MARCH_1, novel, 5); // 100
        loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 90, "k", null));

        world.giveBack(p, 1, 5);

        LoyaltyStatement afterReturn = world.statement(alice.id());
        assertThat(afterReturn.account().balance()).isZero();
        assertThat(afterReturn.account().shortfall()).isEqualTo(90);
        LedgerEntryView clawback = afterReturn.entries().items().get(0);
        assertThat(clawback.points()).isEqualTo(-10);
        assertThat(clawback.shortfallChange()).isEqualTo(90);

        world.buy(alice.id(), START, novel, 2); // 40, all to the shortfall
        assertThat(world.statement(alice.id()).account()).extracting(a -> a.balance(), a -> a.shortfall())
                .containsExactly(0L, 50L);
        world.buy(alice.id(), START, novel, 3); // 60: 50 to the shortfall, 10 to the balance
        assertThat(world.statement(alice.id()).account()).extracting(a -> a.balance(), a -> a.shortfall())
                .containsExactly(10L, 0L);
    }

    @Test
    void aSaleOlderThanThePointsLifetimeEarnsPointsThatExpireAtOnce() {
        standard();
        CustomerView alice = customer("Alice");
        world.buy(alice.id(), Instant.parse("2024-12-01T10:00:00Z"), world.product("NOVEL", "20.00", null), 5);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().balance()).as("nothing to spend").isZero();
        assertThat(s.account().lifetimeEarned()).isEqualTo(100);
        assertThat(s.entries().items()).extracting(LedgerEntryView::kind, LedgerEntryView::points)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, 100L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.EXPIRE, -100L));
        assertThatThrownBy(() -> loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 1, "k", null)))
                .isInstanceOf(BusinessRuleViolationException.class);
    }

    @Test
    void returningAnOldPurchaseTakesItsPointsOutOfTheWindowTheyWereEarnedInNotTheCurrentOne() {
        world(LoyaltyProgram.builder().tierWindow(java.time.Period.ofMonths(6)).build());
        CustomerView alice = customer("Alice");
        ProductView tv = world.product("TV", "1200.00", null);
        PurchaseView old = world.buy(alice.id(), Instant.parse("2025-12-01T10:00:00Z"), tv, 1);
        world.buy(alice.id(), MARCH_1, tv, 1);
        assertThat(world.statement(alice.id()).account().earnedInWindow()).isEqualTo(1200 + 1320);
        // the old purchase has left the 6-month window; its points are still valid (12 months)
        world.moveTo(Instant.parse("2026-06-15T00:00:00Z"));

        world.giveBack(old, 1, 1);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().earnedInWindow()).as("its points leave December 2025, not the window of today")
                .isEqualTo(1320);
        assertThat(s.account().balance()).isEqualTo(1320);
        assertThat(s.account().tier()).isEqualTo("SILVER");
        assertThat(s.entries().items().get(0).kind()).isEqualTo(EntryKind.CLAWBACK);
    }

    @Test
    void aReturnAfterThePurchasesPointsExpiredTakesNothingFromTheLivePoints() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        PurchaseView old = world.buy(alice.id(), Instant.parse("2025-04-01T10:00:00Z"), novel, 5); // 100, due 2026-04
        world.buy(alice.id(), MARCH_1, novel, 3);                                                  // 60
        world.moveTo(Instant.parse("2026-04-15T00:00:00Z"));
        loyalty().expirePoints(world.manager(), new ExpirePointsCommand(world.clock().instant()));

        world.giveBack(old, 1, 5);

        LoyaltyStatement s = world.statement(alice.id());
        assertThat(s.account().balance()).as("the live 60 points stay").isEqualTo(60);
        assertThat(s.account().shortfall()).isZero();
        assertThat(s.entries().items()).extracting(LedgerEntryView::kind).doesNotContain(EntryKind.CLAWBACK);
    }

    @Test
    void aSaleDatedMoreThanADayAheadIsRefused() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);

        assertThatThrownBy(() -> world.buy(alice.id(), START.plus(java.time.Duration.ofHours(25)), novel, 1))
                .isInstanceOfSatisfying(org.crmkit.core.shared.InvalidCommandException.class, e -> assertThat(
                        e.errors()).extracting(org.crmkit.core.shared.FieldError::field).containsExactly("occurredAt"));
        world.buy(alice.id(), START.plus(java.time.Duration.ofHours(23)), novel, 1);
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(20);
    }

    // ---- tiers and statements --------------------------------------------------------------------------------------

    @Test
    void earningMovesTheTierAtOnceAndTheReviewMovesItBackWhenTheWindowHasPassed() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView tv = world.product("TV", "1200.00", null);
        ProductView book = world.product("BOOK", "100.00", null);

        world.buy(alice.id(), MARCH_1, tv, 1);
        LoyaltyStatement silver = world.statement(alice.id());
        assertThat(silver.account().tier()).isEqualTo("SILVER");
        assertThat(silver.nextTier()).isEqualTo("GOLD");
        assertThat(silver.pointsToNextTier()).isEqualTo(3800);

        world.buy(alice.id(), START, book, 1);
        assertThat(world.statement(alice.id()).entries().items().get(0).points()).as("SILVER x 1.1")
                .isEqualTo(110);
        assertThat(world.statement(alice.id()).pointsToNextTier()).isEqualTo(5000 - 1310);

        world.moveTo(Instant.parse("2027-04-01T00:00:00Z"));
        BatchResult review = loyalty().reevaluateTiers(world.manager(),
                new ReevaluateTiersCommand(world.clock().instant()));
        assertThat(review).isEqualTo(new BatchResult(1, 1, 0));
        assertThat(world.statement(alice.id()).account().tier()).isEqualTo("BRONZE");
        assertThat(loyalty().reevaluateTiers(world.manager(), new ReevaluateTiersCommand(world.clock().instant())))
                .as("safe to run twice").isEqualTo(new BatchResult(1, 0, 0));
        assertThat(world.publisher().events()).filteredOn(LoyaltyEvents.TierChanged.class::isInstance)
                .extracting(e -> ((LoyaltyEvents.TierChanged) e).to()).containsExactly("SILVER", "BRONZE");
    }

    /**
     * Issue 17, finding 2: a purchase earns at the tier its customer held at the purchase's own time, from the points
     * earned in the tier window that ends then, not at the tier the account holds when the purchase is recorded.
     */
    @Test
    void aBackDatedPurchaseEarnsAtTheTierItsCustomerHeldAtItsOwnTime() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView tv = world.product("TV", "1200.00", null);
        ProductView book = world.product("BOOK", "100.00", null);
        world.buy(alice.id(), MARCH_1, tv, 1);
        assertThat(world.statement(alice.id()).account().tier()).isEqualTo("SILVER");

        world.buy(alice.id(), Instant.parse("2026-02-01T10:00:00Z"), book, 1);
        world.buy(alice.id(), START, book, 1);

        List<LedgerEntryView> entries = world.statement(alice.id()).entries().items();
        assertThat(entries).extracting(LedgerEntryView::occurredAt, LedgerEntryView::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple(START, 110L),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-02-01T10:00:00Z"), 100L),
                org.assertj.core.groups.Tuple.tuple(MARCH_1, 1200L));
        assertThat(entries.get(1).lines().get(0).explanation()).as("a month before the TV: BRONZE")
                .isEqualTo("100.00 EUR x 1 point(s) per unit; rounded down: 100");
        assertThat(entries.get(0).lines().get(0).explanation()).contains("tier SILVER x 1.1");
        assertThat(world.statement(alice.id()).account()).extracting(a -> a.tier(), a -> a.earnedInWindow())
                .containsExactly("SILVER", 1410L);
    }

    @Test
    void aStatementPagesItsEntriesNewestFirst() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        world.buy(alice.id(), Instant.parse("2026-02-01T10:00:00Z"), novel, 1);
        world.buy(alice.id(), Instant.parse("2026-02-02T10:00:00Z"), novel, 2);
        world.buy(alice.id(), Instant.parse("2026-02-03T10:00:00Z"), novel, 3);
        LoyaltyStatementQuery query = new LoyaltyStatementQuery(alice.id(), PageRequest.first(2));

        LoyaltyStatement first = loyalty().statement(world.manager(), query);
        LoyaltyStatement second = loyalty().statement(world.manager(), query.next(first.entries()));

        assertThat(first.entries().items()).extracting(LedgerEntryView::points).containsExactly(60L, 40L);
        assertThat(second.entries().items()).extracting(LedgerEntryView::points).containsExactly(20L);
        assertThat(second.entries().nextCursor()).isEmpty();
        assertThat(second.account().balance()).isEqualTo(120);
    }

    /**
     * Issue 17, finding 11: purchases recorded late with their earlier times, between redemptions. The statement
     * lists entries in the order they were posted, so each row's balance after it is the row below's plus its
     * points, across pages too; each row still shows when it took effect.
     */
    @Test
    void aStatementListsPostingOrderSoBackDatedPurchasesStillReconcileRowByRow() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        world.buy(alice.id(), MARCH_1, novel, 5);
        loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 30, "r-1", null));
        world.buy(alice.id(), Instant.parse("2026-02-10T10:00:00Z"), novel, 2);
        world.buy(alice.id(), Instant.parse("2026-01-20T10:00:00Z"), novel, 1);
        loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 100, "r-2", null));
        world.buy(alice.id(), Instant.parse("2026-02-20T10:00:00Z"), novel, 3);

        List<LedgerEntryView> rows = new java.util.ArrayList<>();
        LoyaltyStatementQuery query = new LoyaltyStatementQuery(alice.id(), PageRequest.first(2));
        while (true) {
            LoyaltyStatement page = loyalty().statement(world.manager(), query);
            rows.addAll(page.entries().items());
            if (page.entries().nextCursor().isEmpty()) {
                break;
            }
            query = query.next(page.entries());
        }

        assertThat(rows).extracting(LedgerEntryView::points).containsExactly(60L, -100L, 20L, 40L, -30L, 100L);
        assertThat(rows).extracting(LedgerEntryView::occurredAt).containsExactly(
                Instant.parse("2026-02-20T10:00:00Z"), START, Instant.parse("2026-01-20T10:00:00Z"),
                Instant.parse("2026-02-10T10:00:00Z"), START, MARCH_1);
        assertThat(rows.get(0).balanceAfter()).isEqualTo(world.statement(alice.id()).account().balance())
                .isEqualTo(90);
        for (int n = 0; n + 1 < rows.size(); n++) {
            assertThat(rows.get(n).balanceAfter()).as("row %d", n)
                    .isEqualTo(rows.get(n + 1).balanceAfter() + rows.get(n).points());
        }
        assertThat(rows.get(rows.size() - 1).balanceAfter()).isEqualTo(100);
    }

    @Test
    void aCursorOfTheTimeOrderedStatementIsRefusedAsInvalid() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        world.buy(alice.id(), MARCH_1, novel, 1);
        LedgerEntryView entry = world.statement(alice.id()).entries().items().get(0);
        // the cursor the statement handed out before it listed entries in posting order: the entry's time and id
        String old = new org.crmkit.core.shared.EntryPosition(entry.occurredAt(), entry.id())
                .toCursor(org.crmkit.core.shared.internal.Cursor.scope("loyalty.statement", alice.id()));

        assertThatThrownBy(() -> loyalty().statement(world.manager(), new LoyaltyStatementQuery(alice.id(),
                PageRequest.first(2).next(old)))).isInstanceOfSatisfying(
                org.crmkit.core.shared.InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("page.cursor"));
    }

    // ---- who may do what -------------------------------------------------------------------------------------------

    @Test
    void aCustomerReadsAndRedeemsTheirOwnPointsAndNoOneElses() {
        standard();
        CustomerView alice = customer("Alice");
        CustomerView bob = customer("Bob");
        world.buy(alice.id(), MARCH_1, world.product("NOVEL", "20.00", null), 1);
        Actor aliceHerself = Actor.customer(alice.id());

        assertThat(loyalty().statement(aliceHerself, new LoyaltyStatementQuery(alice.id(), PageRequest.first(5)))
                .account().balance()).isEqualTo(20);
        assertThat(loyalty().redeem(aliceHerself, new RedeemPointsCommand(alice.id(), 5, "app-1", null))
                .balanceAfter()).isEqualTo(15);
        assertThatThrownBy(() -> loyalty().statement(aliceHerself,
                new LoyaltyStatementQuery(bob.id(), PageRequest.first(5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> loyalty().adjust(aliceHerself, new AdjustPointsCommand(alice.id(), 100, "me")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(15);
    }

    @Test
    void aCrmManagerAdjustsWithAReasonAndTheChangeIsAudited() {
        standard();
        CustomerView alice = customer("Alice");

        LedgerEntryView added = loyalty().adjust(world.manager(), new AdjustPointsCommand(alice.id(), 25,
                " goodwill for a late delivery "));
        LedgerEntryView removed = loyalty().adjust(world.manager(), new AdjustPointsCommand(alice.id(), -10,
                "double booking"));

        assertThat(added.description()).isEqualTo("goodwill for a late delivery");
        assertThat(added.kind()).isEqualTo(EntryKind.ADJUST);
        assertThat(removed.balanceAfter()).isEqualTo(15);
        List<org.crmkit.core.shared.AuditEntry> audited = world.persistence().unitOfWork().inTransaction(
                () -> world.persistence().auditLog().findByTarget("loyalty_account", alice.id().value()));
        assertThat(audited).extracting(org.crmkit.core.shared.AuditEntry::action)
                .containsExactly("loyalty.adjust", "loyalty.adjust");
    }

    @Test
    void openingAnAccountTwiceLeavesTheFirstOne() {
        standard();
        CustomerView alice = customer("Alice");

        var first = loyalty().openAccount(world.manager(), new OpenLoyaltyAccountCommand(alice.id()));
        world.clock().advance(java.time.Duration.ofHours(1));
        var second = loyalty().openAccount(world.manager(), new OpenLoyaltyAccountCommand(alice.id()));

        assertThat(second).isEqualTo(first);
        assertThat(first.openedAt()).isEqualTo(START);
        assertThat(first.tier()).isEqualTo("BRONZE");
    }

    @Test
    void loyalCustomersRankByPointsByPurchasesOrByAmount() {
        standard();
        CustomerView alice = customer("Alice");
        CustomerView bob = customer("Bob");
        ProductView novel = world.product("NOVEL", "20.00", null);
        ProductView mug = world.product("MUG", "7.50", null);
        world.buy(alice.id(), MARCH_1, novel, 5);
        world.buy(bob.id(), MARCH_1, mug, 1);
        world.buy(bob.id(), MARCH_1, mug, 1);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");

        List<LoyalCustomer> byPoints = loyalty().loyalCustomers(world.manager(),
                new LoyalCustomersQuery(from, START, LoyaltyRanking.POINTS_EARNED, null, 10));
        List<LoyalCustomer> byCount = loyalty().loyalCustomers(world.manager(),
                new LoyalCustomersQuery(from, START, LoyaltyRanking.PURCHASE_COUNT, null, 10));
        List<LoyalCustomer> byAmount = loyalty().loyalCustomers(world.manager(),
                new LoyalCustomersQuery(from, START, LoyaltyRanking.PURCHASE_AMOUNT, "EUR", 1));

        assertThat(byPoints).extracting(LoyalCustomer::customerId, LoyalCustomer::pointsEarned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(alice.id(), 100L),
                        org.assertj.core.groups.Tuple.tuple(bob.id(), 14L));
        assertThat(byCount).extracting(LoyalCustomer::rank, LoyalCustomer::customerId, LoyalCustomer::purchaseCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, bob.id(), 2L),
                        org.assertj.core.groups.Tuple.tuple(2, alice.id(), 1L));
        assertThat(byAmount).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(alice.id());
            assertThat(c.amount()).isEqualTo(org.crmkit.core.shared.MoneyTotal.of("100.00", "EUR"));
        });
    }

    @Test
    void pointsMovementsArePublishedAfterCommitAndARefusedRedemptionPublishesNothing() {
        standard();
        CustomerView alice = customer("Alice");
        world.buy(alice.id(), MARCH_1, world.product("NOVEL", "20.00", null), 1);
        world.publisher().clear();

        loyalty().redeem(world.manager(), new RedeemPointsCommand(alice.id(), 5, "k", null));
        assertThatThrownBy(() -> loyalty().redeem(world.manager(),
                new RedeemPointsCommand(alice.id(), 50, "k2", null))).isInstanceOf(BusinessRuleViolationException.class);

        assertThat(world.publisher().events()).singleElement().isInstanceOfSatisfying(
                LoyaltyEvents.PointsPosted.class, e -> {
                    assertThat(e.customerId()).isEqualTo(alice.id());
                    assertThat(e.kind()).isEqualTo(EntryKind.REDEEM);
                    assertThat(e.points()).isEqualTo(-5);
                    assertThat(e.balance()).isEqualTo(15);
                });
        assertThat(world.publisher().insideTransaction()).containsExactly(false);
    }

    @Test
    void theFirstEarningOpensTheAccountAndPostsThePointsInThePurchasesTransaction() {
        standard();
        CustomerView alice = customer("Alice");
        ProductView novel = world.product("NOVEL", "20.00", null);
        world.publisher().clear();

        world.buy(alice.id(), MARCH_1, novel, 1);

        assertThat(world.publisher().events()).extracting(Object::getClass).map(Class::getSimpleName)
                .containsExactly("PurchaseRecorded", "AccountOpened", "PointsPosted");
    }

    private Loyalty loyalty() {
        return world.crm().loyalty();
    }
}
