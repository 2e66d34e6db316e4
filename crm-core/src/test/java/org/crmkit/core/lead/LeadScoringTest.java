package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.shared.Money;
import org.junit.jupiter.api.Test;

/** The scoring rules on their own: every point is explained, and only the rules that gave points are named. */
class LeadScoringTest {
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private final LeadScoring standard = LeadScoring.standard();

    private static LeadScoring.Facts facts(LeadSource source, Money value, int interactions, Instant lastActivity) {
        return new LeadScoring.Facts(source, value, interactions, lastActivity, false, false, false);
    }

    @Test
    void onlyTheHighestValueThresholdInTheValuesCurrencyCounts() {
        assertThat(standard.score(facts(LeadSource.OTHER, Money.of("60000", "EUR"), 0, null), NOW).reasons())
                .containsExactly(new ScoreReason("estimated_value", 30, "estimated value at least 50000.00 EUR"));
        assertThat(standard.score(facts(LeadSource.OTHER, Money.of("999.99", "USD"), 0, null), NOW).points())
                .isZero();
        assertThat(standard.score(facts(LeadSource.OTHER, Money.of("60000", "CHF"), 0, null), NOW).points())
                .as("a currency without thresholds").isZero();
    }

    @Test
    void interactionsAreCappedAndRecentActivityEndsWithItsWindow() {
        LeadScore busy = standard.score(facts(LeadSource.OTHER, null, 9, NOW.minus(Duration.ofDays(14))), NOW);
        assertThat(busy.reasons()).containsExactly(new ScoreReason("interactions", 25, "9 interactions logged"),
                new ScoreReason("recent_activity", 10, "activity within 14 days"));
        assertThat(standard.score(facts(LeadSource.OTHER, null, 0, NOW.minus(Duration.ofDays(15))), NOW).points())
                .isZero();
    }

    @Test
    void contactDataAndSourceAddUpAndTheTotalIsTheSumOfTheReasons() {
        LeadScore score = standard.score(new LeadScoring.Facts(LeadSource.REFERRAL, null, 1, null, true, true, true),
                NOW);
        assertThat(score.reasons()).extracting(ScoreReason::rule)
                .containsExactly("source", "interactions", "email", "phone", "company");
        assertThat(score.points()).isEqualTo(25 + 5 + 5 + 5 + 5);
    }

    @Test
    void rulesWithNegativePointsOrWithoutAWindowAreRefused() {
        assertThatThrownBy(() -> new LeadScoring(Map.of(LeadSource.REFERRAL, -1), List.of(), 0, 0,
                Duration.ofDays(1), 0, 0, 0, 0)).hasMessageContaining("sourcePoints");
        assertThatThrownBy(() -> new LeadScoring(Map.of(), List.of(), 0, 0, Duration.ZERO, 0, 0, 0, 0))
                .hasMessageContaining("recentActivityWindow");
    }

    @Test
    void rulesWhoseHighestTotalExceedsTheBoundAreRefusedAndTotalsNeverWrap() {
        int half = Integer.MAX_VALUE / 2 + 1;
        assertThatThrownBy(() -> new LeadScoring(Map.of(LeadSource.REFERRAL, half), List.of(), 0, 0,
                Duration.ofDays(1), 0, half, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 1000000");
        assertThatThrownBy(() -> new LeadScoring(Map.of(LeadSource.REFERRAL, 600_000), List.of(), 0, 0,
                Duration.ofDays(1), 0, 0, 0, 400_001)).hasMessageContaining("(1000001)");
        assertThat(new LeadScoring(Map.of(LeadSource.REFERRAL, 600_000), List.of(), 0, 0, Duration.ofDays(1), 0, 0,
                0, 400_000).companyPoints()).as("exactly the bound is fine").isEqualTo(400_000);
        assertThatThrownBy(() -> LeadScore.of(List.of(new ScoreReason("a", half, "a"), new ScoreReason("b", half,
                "b")))).isInstanceOf(ArithmeticException.class);
    }
}
