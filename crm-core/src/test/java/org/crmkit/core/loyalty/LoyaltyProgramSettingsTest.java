package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Money;
import org.junit.jupiter.api.Test;

/**
 * The loyalty program a host configures: which settings it refuses when the program is built (at the edge of each
 * range), and what the built program answers (the tier a balance reaches, a promotion's running time, expiry, the
 * cap and length of what a line earns). A program is built by the host, not through a command, so no use case test
 * reaches these rules (found by mutation testing).
 */
class LoyaltyProgramSettingsTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant MARCH_8 = Instant.parse("2026-03-08T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(MARCH_1, ZoneOffset.UTC);
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void aTierStartsAtZeroOrMorePointsAndMultipliesByMoreThanNothing() {
        assertThatCode(() -> new Tier("BASE", 0, new BigDecimal("0.01"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Tier("BASE", -1, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new Tier("BASE", 0, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Tier("GOLD STAR", 0, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void aProgramNeedsATierAtZeroAndUniqueTierNamesAndThresholds() {
        Tier base = new Tier("BASE", 0, BigDecimal.ONE);

        assertThatThrownBy(() -> LoyaltyProgram.builder().tiers().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one tier");
        assertThatThrownBy(() -> LoyaltyProgram.builder().tiers(new Tier("BASE", 1, BigDecimal.ONE)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start at 0");
        assertThatThrownBy(() -> LoyaltyProgram.builder().tiers(base, new Tier("BASE", 10, BigDecimal.TEN)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
        assertThatThrownBy(() -> LoyaltyProgram.builder().tiers(base, new Tier("TOP", 0, BigDecimal.TEN)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
        assertThat(LoyaltyProgram.builder().tiers(base).build().tiers()).containsExactly(base);
    }

    @Test
    void aBalanceReachesATierAtExactlyItsThresholdWhateverOrderTheTiersWereGivenIn() {
        Tier bronze = new Tier("BRONZE", 0, BigDecimal.ONE);
        Tier silver = new Tier("SILVER", 100, BigDecimal.ONE);
        Tier gold = new Tier("GOLD", 500, BigDecimal.ONE);
        LoyaltyProgram program = LoyaltyProgram.builder().tiers(gold, bronze, silver).build();

        assertThat(program.tiers()).containsExactly(bronze, silver, gold);
        assertThat(program.lowestTier()).isEqualTo(bronze);
        assertThat(program.tierFor(99)).isEqualTo(bronze);
        assertThat(program.tierFor(100)).isEqualTo(silver);
        assertThat(program.tierFor(499)).isEqualTo(silver);
        assertThat(program.tierFor(500)).isEqualTo(gold);
        assertThat(program.nextTier(bronze)).isEqualTo(silver);
        assertThat(program.nextTier(gold)).as("the top tier has none above it").isNull();
        assertThat(program.tier("SILVER")).isEqualTo(silver);
        assertThat(program.tier("PLATINUM")).as("a tier no longer configured").isEqualTo(bronze);
    }

    @Test
    void ratesMultipliersWindowsAndRoundingOutsideTheirRangeAreRefused() {
        LoyaltyProgram.Builder builder = LoyaltyProgram.builder();

        assertThatCode(() -> builder.pointsPerUnit(EUR, BigDecimal.ZERO).otherCurrencies(BigDecimal.ZERO)
                .otherCurrencies(null).tierWindow(Period.ofDays(1)).pointsLifetime(Period.ofDays(1))
                .rounding(RoundingMode.HALF_EVEN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> builder.pointsPerUnit(EUR, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pointsPerUnit");
        assertThatThrownBy(() -> builder.otherCurrencies(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otherCurrencies");
        CategoryId books = CategoryId.next(CLOCK);
        assertThatThrownBy(() -> builder.categoryMultiplier(books, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.categoryMultiplier(books, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tierWindow(Period.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tierWindow");
        assertThatThrownBy(() -> builder.tierWindow(Period.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.pointsLifetime(Period.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pointsLifetime");
        assertThatThrownBy(() -> builder.rounding(RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rounding(null)).isInstanceOf(IllegalArgumentException.class);

        LoyaltyProgram built = builder.build();
        assertThat(built.rounding()).isEqualTo(RoundingMode.HALF_EVEN);
        assertThat(built.tierWindow()).isEqualTo(Period.ofDays(1));
        assertThat(built.pointsLifetime()).isEqualTo(Period.ofDays(1));
    }

    @Test
    void aPromotionRunsFromItsStartUntilJustBeforeItsEnd() {
        Promotion spring = Promotion.multiplier("Spring", MARCH_1, MARCH_8, new BigDecimal("2"));

        assertThat(spring.runsAt(MARCH_1.minusNanos(1))).isFalse();
        assertThat(spring.runsAt(MARCH_1)).isTrue();
        assertThat(spring.runsAt(MARCH_8.minusNanos(1))).isTrue();
        assertThat(spring.runsAt(MARCH_8)).isFalse();
        assertThatThrownBy(() -> Promotion.bonus("Instant", MARCH_1, MARCH_1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start before it ends");
    }

    @Test
    void aPromotionIsNamedAndGivesEitherAMultiplierOrABonusOfMoreThanNothing() {
        assertThatCode(() -> Promotion.bonus("x".repeat(64), MARCH_1, MARCH_8, LoyaltyProgram.MAX_LINE_POINTS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Promotion.bonus("x".repeat(65), MARCH_1, MARCH_8, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> Promotion.bonus(" ", MARCH_1, MARCH_8, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> Promotion.bonus("Huge", MARCH_1, MARCH_8, LoyaltyProgram.MAX_LINE_POINTS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> Promotion.bonus("Minus", MARCH_1, MARCH_8, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than nothing");
        assertThatThrownBy(() -> Promotion.multiplier("Zero", MARCH_1, MARCH_8, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than nothing");
        assertThatThrownBy(() -> new Promotion("Both", MARCH_1, MARCH_8, java.util.Set.of(), BigDecimal.TEN, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
        assertThatThrownBy(() -> new Promotion("Neither", MARCH_1, MARCH_8, java.util.Set.of(), null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
    }

    @Test
    void aPromotionOfCategoriesMatchesAPathThroughOneOfThemAndOneOfNoneMatchesEverything() {
        CategoryId books = CategoryId.next(CLOCK);
        CategoryId comics = CategoryId.next(CLOCK);
        CategoryId toys = CategoryId.next(CLOCK);
        Promotion onBooks = Promotion.bonus("Books", MARCH_1, MARCH_8, 5, books);

        assertThat(onBooks.matches(List.of(comics, books))).isTrue();
        assertThat(onBooks.matches(List.of(toys))).isFalse();
        assertThat(onBooks.matches(List.of())).isFalse();
        assertThat(Promotion.bonus("All", MARCH_1, MARCH_8, 5).matches(List.of())).isTrue();
    }

    @Test
    void theProgramNamesCategoriesOnlyWhenAMultiplierOrAPromotionIsForACategory() {
        CategoryId books = CategoryId.next(CLOCK);

        assertThat(LoyaltyProgram.standard().namesCategories()).isFalse();
        assertThat(LoyaltyProgram.builder().promotion(Promotion.bonus("All", MARCH_1, MARCH_8, 5)).build()
                .namesCategories()).isFalse();
        assertThat(LoyaltyProgram.builder().promotion(Promotion.bonus("Books", MARCH_1, MARCH_8, 5, books)).build()
                .namesCategories()).isTrue();
        assertThat(LoyaltyProgram.builder().categoryMultiplier(books, BigDecimal.TEN).build().namesCategories())
                .isTrue();
    }

    @Test
    void pointsExpireAndTheTierWindowStartsByTheCalendarInUtc() {
        LoyaltyProgram program = LoyaltyProgram.builder().pointsLifetime(Period.ofMonths(1))
                .tierWindow(Period.ofMonths(1)).build();

        assertThat(program.expiryOf(Instant.parse("2026-01-31T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(program.windowStart(Instant.parse("2026-03-31T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void aLineEarnsAtMostTheLinesCapEvenWithABonusOnTop() {
        LoyaltyProgram program = LoyaltyProgram.builder()
                .pointsPerUnit(EUR, new BigDecimal("1000"))
                .promotion(Promotion.bonus("Welcome", MARCH_1, MARCH_8, 10)).build();
        Basket basket = new Basket(EUR, MARCH_1, List.of(new Basket.Line(1, ProductId.next(CLOCK), 1,
                Money.of("999999999999999", "EUR"))));

        EarnedLine earned = program.earn(basket, program.lowestTier(), product -> List.of()).get(0);

        assertThat(earned.points()).isEqualTo(LoyaltyProgram.MAX_LINE_POINTS);
    }

    @Test
    void aLongExplanationIsCutToItsLimitAndSaysSo() {
        LoyaltyProgram.Builder builder = LoyaltyProgram.builder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("%02d", i) + "x".repeat(62);
            names.add(name);
            builder.promotion(Promotion.multiplier(name, MARCH_1, MARCH_8, BigDecimal.ONE));
        }
        LoyaltyProgram program = builder.build();
        Basket basket = new Basket(EUR, MARCH_1, List.of(new Basket.Line(1, ProductId.next(CLOCK), 1,
                Money.of("10.00", "EUR"))));

        String explanation = program.earn(basket, program.lowestTier(), product -> List.of()).get(0).explanation();

        assertThat(explanation).hasSize(LoyaltyProgram.MAX_EXPLANATION).endsWith(" ...")
                .startsWith("10.00 EUR x 1 point(s) per unit; promotion " + names.get(0) + " x 1");
    }
}
