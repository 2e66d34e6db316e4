package org.crmkit.spring.boot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Tier;

/**
 * The {@code crmkit.loyalty.*} settings: the {@link LoyaltyProgram}'s rates, tiers, windows and rounding. Every
 * default is that of {@link LoyaltyProgram#standard()} (1 point per whole unit of any currency; BRONZE 0, SILVER
 * 1,000 x1.1, GOLD 5,000 x1.25 over 12 months; points valid 12 months; rounding down). Category multipliers and
 * promotions name catalog ids that exist only once the application runs: define a {@code LoyaltyProgram} bean (which
 * takes precedence over these settings) or a {@link CrmBuilderCustomizer} for them.
 *
 * <pre>
 * crmkit:
 *   loyalty:
 *     points-per-unit: { EUR: 1, USD: "0.9" }
 *     other-currencies: 0
 *     tiers:
 *       - { name: BASIC, threshold: 0, multiplier: 1 }
 *       - { name: PLUS, threshold: 2000, multiplier: "1.5" }
 *     tier-window: 12m
 *     points-lifetime: 24m
 *     rounding: half-up
 * </pre>
 */
public class LoyaltyProperties {
    /** Points per whole unit of a currency (ISO 4217 code), 0 or more. */
    private final Map<String, BigDecimal> pointsPerUnit = new LinkedHashMap<>();

    /** Points per whole unit of a currency not listed in points-per-unit, 0 or more (0: such purchases earn none). */
    private BigDecimal otherCurrencies = BigDecimal.ONE;

    /** The tiers, replacing the default three when any is given; one of them starts at 0 points. */
    private final List<TierSetting> tiers = new ArrayList<>();

    /** The span of earning that decides a customer's tier, 1 day or more. */
    private Period tierWindow = Period.ofMonths(12);

    /** How long earned points stay valid, 1 day or more. */
    private Period pointsLifetime = Period.ofMonths(12);

    /** How a fractional line result becomes whole points (any mode but UNNECESSARY). */
    private RoundingMode rounding = RoundingMode.DOWN;

    /** @return points per whole unit, by currency code */
    public Map<String, BigDecimal> getPointsPerUnit() {
        return pointsPerUnit;
    }

    /** @return points per whole unit of any other currency */
    public BigDecimal getOtherCurrencies() {
        return otherCurrencies;
    }

    /** @param otherCurrencies points per whole unit of a currency not listed, 0 or more */
    public void setOtherCurrencies(BigDecimal otherCurrencies) {
        this.otherCurrencies = otherCurrencies;
    }

    /** @return the tiers set here (empty: the default tiers) */
    public List<TierSetting> getTiers() {
        return tiers;
    }

    /** @return the tier window */
    public Period getTierWindow() {
        return tierWindow;
    }

    /** @param tierWindow the span of earning that decides the tier */
    public void setTierWindow(Period tierWindow) {
        this.tierWindow = tierWindow;
    }

    /** @return how long points stay valid */
    public Period getPointsLifetime() {
        return pointsLifetime;
    }

    /** @param pointsLifetime how long earned points stay valid */
    public void setPointsLifetime(Period pointsLifetime) {
        this.pointsLifetime = pointsLifetime;
    }

    /** @return the rounding */
    public RoundingMode getRounding() {
        return rounding;
    }

    /** @param rounding how a fractional line result becomes whole points */
    public void setRounding(RoundingMode rounding) {
        this.rounding = rounding;
    }

    /**
     * @return these settings as crmkit's program
     * @throws IllegalArgumentException naming the {@code crmkit.loyalty} setting crmkit refuses
     */
    public LoyaltyProgram toProgram() {
        LoyaltyProgram.Builder program = LoyaltyProgram.builder();
        pointsPerUnit.forEach((code, points) -> {
            String name = "crmkit.loyalty.points-per-unit." + code;
            Currency currency = Settings.check(name,
                    () -> Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
            Settings.check(name, () -> program.pointsPerUnit(currency, points));
        });
        Settings.check("crmkit.loyalty.other-currencies", () -> program.otherCurrencies(otherCurrencies));
        if (!tiers.isEmpty()) {
            List<Tier> built = new ArrayList<>();
            for (int i = 0; i < tiers.size(); i++) {
                TierSetting tier = tiers.get(i);
                built.add(Settings.check("crmkit.loyalty.tiers[" + i + "]",
                        () -> new Tier(tier.getName(), tier.getThreshold(), tier.getMultiplier())));
            }
            program.tiers(built.toArray(Tier[]::new));
        }
        Settings.check("crmkit.loyalty.tier-window", () -> program.tierWindow(tierWindow));
        Settings.check("crmkit.loyalty.points-lifetime", () -> program.pointsLifetime(pointsLifetime));
        Settings.check("crmkit.loyalty.rounding", () -> program.rounding(rounding));
        return Settings.check("crmkit.loyalty.tiers", program::build);
    }

    /** One tier: a name, the points earned in the window that reach it, and what it multiplies earnings by. */
    public static class TierSetting {
        /** 1 to 32 letters, digits, _ or -, unique in the program. */
        private String name;

        /** Points earned in the tier window needed, 0 or more. */
        private long threshold;

        /** What the tier multiplies earnings by, above 0. */
        private BigDecimal multiplier = BigDecimal.ONE;

        /** @return the name */
        public String getName() {
            return name;
        }

        /** @param name the tier's name */
        public void setName(String name) {
            this.name = name;
        }

        /** @return the threshold */
        public long getThreshold() {
            return threshold;
        }

        /** @param threshold points earned in the window needed */
        public void setThreshold(long threshold) {
            this.threshold = threshold;
        }

        /** @return the multiplier */
        public BigDecimal getMultiplier() {
            return multiplier;
        }

        /** @param multiplier what the tier multiplies earnings by */
        public void setMultiplier(BigDecimal multiplier) {
            this.multiplier = multiplier;
        }
    }
}
