package org.crmkit.core.lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.shared.Money;

/**
 * The configurable rules of lead scoring, passed to {@code Crm.builder().leadScoring(...)}. A score is the sum of:
 * points for the lead's source; the points of the highest estimated-value threshold it reaches (thresholds are per
 * currency, a value in a currency without thresholds scores nothing); points per logged interaction up to a cap;
 * points when the last activity lies within a window before the scoring time; points for each of email, phone and
 * company being known. Every rule that gives points is named in the score's explanation. Immutable; checked when
 * built: no rule gives negative points and the highest possible total is at most {@link #MAX_TOTAL}.
 *
 * @param sourcePoints        points per source (a source not in the map gives none)
 * @param valueThresholds     estimated-value thresholds; the highest one reached in the value's currency counts
 * @param pointsPerInteraction points per interaction logged against the lead
 * @param interactionCap      most points the interactions give together
 * @param recentActivityWindow how recent the last activity must be to count as recent
 * @param recentActivityPoints points for recent activity
 * @param emailPoints         points when an email address is known
 * @param phonePoints         points when a phone number is known
 * @param companyPoints       points when the company is known
 */
public record LeadScoring(Map<LeadSource, Integer> sourcePoints, List<ValueThreshold> valueThresholds,
                          int pointsPerInteraction, int interactionCap, Duration recentActivityWindow,
                          int recentActivityPoints, int emailPoints, int phonePoints, int companyPoints) {

    /** The highest score any configuration may give a lead; the score column and the views hold it easily. */
    public static final int MAX_TOTAL = 1_000_000;

    /** Copies and checks the rules: no negative points, a positive window, at most {@link #MAX_TOTAL} in all. */
    public LeadScoring {
        Objects.requireNonNull(sourcePoints, "sourcePoints");
        Objects.requireNonNull(valueThresholds, "valueThresholds");
        Objects.requireNonNull(recentActivityWindow, "recentActivityWindow");
        EnumMap<LeadSource, Integer> sources = new EnumMap<>(LeadSource.class);
        sources.putAll(sourcePoints);
        sources.values().forEach(p -> requireNonNegative("sourcePoints", p));
        sourcePoints = java.util.Collections.unmodifiableMap(sources);
        valueThresholds = valueThresholds.stream()
                .sorted(Comparator.comparing((ValueThreshold t) -> t.atLeast().amount()).reversed()).toList();
        requireNonNegative("pointsPerInteraction", pointsPerInteraction);
        requireNonNegative("interactionCap", interactionCap);
        requireNonNegative("recentActivityPoints", recentActivityPoints);
        requireNonNegative("emailPoints", emailPoints);
        requireNonNegative("phonePoints", phonePoints);
        requireNonNegative("companyPoints", companyPoints);
        if (recentActivityWindow.isNegative() || recentActivityWindow.isZero()) {
            throw new IllegalArgumentException("recentActivityWindow must be positive");
        }
        long highest = (long) sourcePoints.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                + valueThresholds.stream().mapToInt(ValueThreshold::points).max().orElse(0)
                + interactionCap + recentActivityPoints + emailPoints + phonePoints + companyPoints;
        if (highest > MAX_TOTAL) {
            throw new IllegalArgumentException("the highest possible score (" + highest + ") must be at most "
                    + MAX_TOTAL);
        }
    }

    /**
     * The default rules: web form 10, referral 25, campaign 15, import 5, other 0 points; estimated value of at least
     * 1,000 / 10,000 / 50,000 EUR or USD: 10 / 20 / 30 points; 5 points per interaction up to 25; 10 points for
     * activity in the last 14 days; 5 points each for email, phone and company.
     *
     * @return the default rules
     */
    public static LeadScoring standard() {
        Map<LeadSource, Integer> sources = Map.of(LeadSource.WEB_FORM, 10, LeadSource.REFERRAL, 25,
                LeadSource.CAMPAIGN, 15, LeadSource.IMPORT, 5, LeadSource.OTHER, 0);
        List<ValueThreshold> values = new ArrayList<>();
        for (String currency : List.of("EUR", "USD")) {
            values.add(new ValueThreshold(Money.of("1000", currency), 10));
            values.add(new ValueThreshold(Money.of("10000", currency), 20));
            values.add(new ValueThreshold(Money.of("50000", currency), 30));
        }
        return new LeadScoring(sources, values, 5, 25, Duration.ofDays(14), 10, 5, 5, 5);
    }

    /**
     * Scores a lead's current facts.
     *
     * @param facts what the rules look at
     * @param now   the scoring time
     * @return the score with its explanation
     */
    public LeadScore score(Facts facts, Instant now) {
        List<ScoreReason> reasons = new ArrayList<>();
        add(reasons, "source", sourcePoints.getOrDefault(facts.source(), 0), "source " + facts.source());
        if (facts.estimatedValue() != null) {
            valueThresholds.stream().filter(t -> t.reachedBy(facts.estimatedValue())).findFirst()
                    .ifPresent(t -> add(reasons, "estimated_value", t.points(), "estimated value at least "
                            + t.atLeast()));
        }
        long interactionPoints = Math.min((long) facts.interactions() * pointsPerInteraction, interactionCap);
        add(reasons, "interactions", (int) interactionPoints, facts.interactions() + " interactions logged");
        if (facts.lastActivityAt() != null && !facts.lastActivityAt().isBefore(now.minus(recentActivityWindow))) {
            add(reasons, "recent_activity", recentActivityPoints, "activity within " + recentActivityWindow.toDays()
                    + " days");
        }
        if (facts.hasEmail()) {
            add(reasons, "email", emailPoints, "email address known");
        }
        if (facts.hasPhone()) {
            add(reasons, "phone", phonePoints, "phone number known");
        }
        if (facts.hasCompany()) {
            add(reasons, "company", companyPoints, "company known");
        }
        return LeadScore.of(reasons);
    }

    private static void add(List<ScoreReason> reasons, String rule, int points, String detail) {
        if (points > 0) {
            reasons.add(new ScoreReason(rule, points, detail));
        }
    }

    private static void requireNonNegative(String field, Integer points) {
        if (points == null || points < 0) {
            throw new IllegalArgumentException(field + " must be >= 0");
        }
    }

    /**
     * What scoring looks at.
     *
     * @param source         the lead's source
     * @param estimatedValue its estimated value, or {@code null}
     * @param interactions   how many interactions were logged against it
     * @param lastActivityAt its last activity, or {@code null}
     * @param hasEmail       whether an email address is known
     * @param hasPhone       whether a phone number is known
     * @param hasCompany     whether the company is known
     */
    public record Facts(LeadSource source, Money estimatedValue, int interactions, Instant lastActivityAt,
                        boolean hasEmail, boolean hasPhone, boolean hasCompany) {
    }

    /**
     * An estimated-value threshold.
     *
     * @param atLeast the smallest value (in its currency) that reaches it
     * @param points  the points it gives
     */
    public record ValueThreshold(Money atLeast, int points) {
        /** Checks the parts. */
        public ValueThreshold {
            Objects.requireNonNull(atLeast, "atLeast");
            requireNonNegative("valueThresholds.points", points);
        }

        boolean reachedBy(Money value) {
            Currency currency = atLeast.currency();
            return value.currency().equals(currency) && value.amount().compareTo(atLeast.amount()) >= 0;
        }

        /** @return the threshold's amount, for messages */
        public BigDecimal amount() {
            return atLeast.amount();
        }
    }
}
