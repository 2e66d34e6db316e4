package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.junit.jupiter.api.Test;

/**
 * The loyalty account's ledger rules as its repository and the service see them: what a posting hands over to be
 * stored (entries, new and changed lots) and nothing more, postings of nothing that leave no entry, a claw-back that
 * takes from the purchase's own points first and leaves the rest as a shortfall, and a tier evaluation that says
 * whether anything changed (found by mutation testing: the use case tests reach these rules only through outcomes
 * that hide them).
 */
class LoyaltyAccountLedgerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("01959468-3a96-7e72-b80d-709b213c4fa2"));
    private static final Tier BRONZE = new Tier("BRONZE", 0, BigDecimal.ONE);
    private static final Tier SILVER = new Tier("SILVER", 100, BigDecimal.ONE);

    private final LoyaltyAccount account = LoyaltyAccount.open(CUSTOMER, BRONZE, NOW);

    @Test
    void aPurchaseThatEarnsNothingPostsNoEntry() {
        account.pullChanges();

        LedgerEntry entry = earn(0, NOW.plusSeconds(60));

        assertThat(entry).isNull();
        assertThat(account.hasChanges()).isFalse();
        assertThat(account.pullChanges().entries()).isEmpty();
    }

    @Test
    void aClawBackOfNothingPostsNoEntry() {
        LedgerEntry earning = earn(50, NOW.plusSeconds(60));
        account.pullChanges();

        LedgerEntry clawBack = account.clawBack(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK),
                Points.ZERO, earning, NOW);

        assertThat(clawBack).isNull();
        assertThat(account.hasChanges()).isFalse();
        assertThat(account.snapshot().balance()).isEqualTo(50);
    }

    @Test
    void aClawBackTakesFromThePurchasesOwnPointsFirstAndChangesOnlyTheLotsItTakesFrom() {
        earn(30, NOW.plusSeconds(60));                          // older, expires first
        LedgerEntry returned = earn(20, NOW.plusSeconds(120));
        earn(40, NOW.plusSeconds(180));
        account.pullChanges();

        account.clawBack(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK), Points.of(25), returned, NOW);

        LoyaltyChanges changes = account.pullChanges();
        assertThat(changes.changedLots()).as("the returned purchase's lot, then the oldest")
                .extracting(PointsLot::points, PointsLot::remaining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(20L, 0L),
                        org.assertj.core.groups.Tuple.tuple(30L, 25L));
        assertThat(changes.snapshot().balance()).isEqualTo(65);
        assertThat(account.openLots()).extracting(PointsLot::remaining).containsExactly(25L, 40L);
    }

    @Test
    void aClawBackOfMoreThanTheBalanceLeavesAShortfallThatTheNextEarningPaysOffFirst() {
        LedgerEntry earning = earn(30, NOW.plusSeconds(60));
        account.redeem(UUID.randomUUID(), Points.of(20), "KEY", null, NOW);

        LedgerEntry clawBack = account.clawBack(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK),
                Points.of(30), earning, NOW);

        assertThat(clawBack.points()).as("all that was left").isEqualTo(-10);
        assertThat(clawBack.shortfallChange()).isEqualTo(20);
        assertThat(account.snapshot().shortfall()).isEqualTo(20);
        LedgerEntry next = earn(25, NOW.plusSeconds(120));
        assertThat(next.points()).as("what is left after the shortfall").isEqualTo(5);
        assertThat(next.shortfallChange()).isEqualTo(-20);
        assertThat(account.snapshot()).extracting(LoyaltyAccountSnapshot::balance, LoyaltyAccountSnapshot::shortfall,
                LoyaltyAccountSnapshot::lifetimeEarned).containsExactly(5L, 0L, 25L);
    }

    @Test
    void pulledChangesAreHandedOverOnceAndClosedLotsAreForgotten() {
        LedgerEntry earning = earn(30, NOW.plusSeconds(60));
        assertThat(account.hasChanges()).isTrue();
        assertThat(account.pullChanges().newLots()).hasSize(1);
        account.clawBack(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK), Points.of(30), earning, NOW);
        assertThat(account.hasChanges()).as("a changed lot").isTrue();

        assertThat(account.pullChanges().changedLots()).singleElement()
                .satisfies(lot -> assertThat(lot.remaining()).isZero());

        assertThat(account.hasChanges()).isFalse();
        LoyaltyChanges again = account.pullChanges();
        assertThat(again.entries()).isEmpty();
        assertThat(again.newLots()).isEmpty();
        assertThat(again.changedLots()).isEmpty();
        assertThat(account.openLots()).isEmpty();
    }

    @Test
    void expiringALotThatIsAlreadyUsedUpPostsNothing() {
        LedgerEntry earning = earn(30, NOW.plusSeconds(60));
        UUID lot = account.openLots().get(0).id();
        account.clawBack(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK), Points.of(30), earning, NOW);
        account.pullChanges();

        assertThat(account.expireLot(UUID.randomUUID(), lot, NOW)).isNull();
        assertThat(account.expireLot(UUID.randomUUID(), UUID.randomUUID(), NOW)).as("no such lot").isNull();
        assertThat(account.hasChanges()).isFalse();
    }

    @Test
    void aTierEvaluationSaysWhetherAnythingChangedAndAnnouncesOnlyAnotherTier() {
        account.pullEvents();

        assertThat(account.evaluateTier(BRONZE, 0, NOW)).as("same tier, same points").isFalse();
        assertThat(account.evaluateTier(BRONZE, 40, NOW)).as("same tier, other points").isTrue();
        assertThat(account.pullEvents()).isEmpty();
        assertThat(account.evaluateTier(SILVER, 120, NOW)).isTrue();

        List<DomainEvent> events = account.pullEvents();
        assertThat(events).singleElement().isEqualTo(new LoyaltyEvents.TierChanged(CUSTOMER, "BRONZE", "SILVER", NOW));
        assertThat(account.snapshot()).extracting(LoyaltyAccountSnapshot::tier,
                LoyaltyAccountSnapshot::earnedInWindow).containsExactly("SILVER", 120L);
    }

    private LedgerEntry earn(long points, Instant at) {
        return account.earn(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(CLOCK), at,
                at.plusSeconds(365L * 86_400), List.of(new EarnedLine(1, new ProductId(UUID.randomUUID()), 1, points,
                        "test")), NOW);
    }
}
