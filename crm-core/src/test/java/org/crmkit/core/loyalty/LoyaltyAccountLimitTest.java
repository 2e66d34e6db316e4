package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.PointsLot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The account's limit ({@link LoyaltyAccount#MAX_ACCOUNT_POINTS}) on each figure a posting grows: a posting that
 * would pass it is refused with {@code points_limit} and leaves the account exactly as it was; one that reaches it
 * exactly is posted. Accounts near the limit are restored from rows, as no use case could reach it in a test's time.
 */
class LoyaltyAccountLimitTest {
    private static final long MAX = LoyaltyAccount.MAX_ACCOUNT_POINTS;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(365L * 86_400);
    private static final CustomerId CUSTOMER = new CustomerId(UUID.fromString("01959468-3a96-7e72-b80d-709b213c4fa2"));
    private static final ProductId PRODUCT = new ProductId(UUID.fromString("01959468-3a96-7e83-b6ff-5976d95749da"));

    @Test
    void anEarningPastTheLifetimeEarnedLimitIsRefusedAndOneUpToItIsPosted() {
        LoyaltyAccount account = restored(100, MAX - 5, 0);
        refusedUnchanged(account, "lifetimeEarned", () -> account.earn(UUID.randomUUID(), UUID.randomUUID(),
                PurchaseId.next(java.time.Clock.systemUTC()), NOW, EXPIRES, List.of(earned(6)), NOW));
        account.earn(UUID.randomUUID(), UUID.randomUUID(), PurchaseId.next(java.time.Clock.systemUTC()), NOW, EXPIRES,
                List.of(earned(5)), NOW);
        assertThat(account.snapshot().lifetimeEarned()).isEqualTo(MAX);
        assertThat(account.snapshot().balance()).isEqualTo(105);
    }

    @Test
    void anEarningPastTheBalanceLimitIsRefusedEvenWhenLifetimeEarnedHasRoom() {
        LoyaltyAccount account = restored(MAX - 3, 0, 0);
        refusedUnchanged(account, "balance", () -> account.earn(UUID.randomUUID(), UUID.randomUUID(),
                PurchaseId.next(java.time.Clock.systemUTC()), NOW, EXPIRES, List.of(earned(2), earned(2)), NOW));
    }

    @Test
    void aRedemptionPastTheLifetimeRedeemedLimitIsRefused() {
        LoyaltyAccount account = restored(100, 0, MAX - 5);
        refusedUnchanged(account, "lifetimeRedeemed", () -> account.redeem(UUID.randomUUID(), Points.of(6), "KEY", null, NOW));
        account.redeem(UUID.randomUUID(), Points.of(5), "KEY", null, NOW);
        assertThat(account.snapshot().lifetimeRedeemed()).isEqualTo(MAX);
    }

    @Test
    void anAdjustmentPastTheBalanceLimitIsRefused() {
        LoyaltyAccount account = restored(MAX - 1, 0, 0);
        refusedUnchanged(account, "balance", () -> account.addPoints(UUID.randomUUID(), UUID.randomUUID(), Points.of(2), "why", null,
                EXPIRES, NOW));
    }

    @Test
    void aLineEarnsNoMoreThanTheLineLimitAndNeverLessThanZero() {
        assertThat(earned(LoyaltyProgram.MAX_LINE_POINTS).points()).isEqualTo(LoyaltyProgram.MAX_LINE_POINTS);
        for (long points : new long[] {-1, LoyaltyProgram.MAX_LINE_POINTS + 1, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> earned(points)).as("%d", points).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** @return an account restored with those figures, its balance in one open lot */
    private static LoyaltyAccount restored(long balance, long lifetimeEarned, long lifetimeRedeemed) {
        LoyaltyAccountSnapshot state = new LoyaltyAccountSnapshot(CUSTOMER, 3, NOW, balance, lifetimeEarned,
                lifetimeRedeemed, null, 0, "BRONZE", 0, NOW, 3);
        return LoyaltyAccount.restore(state, List.of(new PointsLot(UUID.randomUUID(), CUSTOMER, UUID.randomUUID(),
                NOW, EXPIRES, balance, balance)));
    }

    private static EarnedLine earned(long points) {
        return new EarnedLine(1, PRODUCT, 1, points, "test");
    }

    private static void refusedUnchanged(LoyaltyAccount account, String figure, ThrowingCallable posting) {
        LoyaltyAccountSnapshot before = account.snapshot();
        List<PointsLot> lotsBefore = account.openLots();
        assertThatThrownBy(posting).isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> {
            assertThat(e.code()).isEqualTo("points_limit");
            assertThat(e.details()).containsEntry("figure", figure)
                    .containsEntry("limit", Long.toString(MAX));
        });
        assertThat(account.snapshot()).isEqualTo(before);
        assertThat(account.openLots()).isEqualTo(lotsBefore);
        assertThat(account.hasChanges()).as("no entry, lot or change to store").isFalse();
    }
}
