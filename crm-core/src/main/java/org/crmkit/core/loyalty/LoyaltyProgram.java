package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductId;

// Over 300 lines: the host's whole loyalty configuration (tiers, earning rules, promotions, expiry) with its
// builder and the javadoc of every setting, which a host reads here; the earning itself is a short method.
/**
 * The earning rules, tiers and expiry of a loyalty program: immutable, checked when built, and able to explain every
 * point it gives. A line earns
 * {@code round(line total x points per currency unit x category multiplier x running promotion multipliers x tier
 * multiplier)}, rounded by {@link #rounding()} (down unless configured), plus the fixed bonus of each running bonus
 * promotion, which goes to the first matching line of the purchase. The category multiplier is the one configured for
 * the product's category or, failing that, its nearest ancestor with one. The tier multiplier is that of the tier the
 * customer held at the purchase's own time: the one the points earned (net of claw-backs) in the {@link #tierWindow()}
 * ending at the purchase's time reach, counting every purchase and return posted before it. A purchase recorded late
 * with an earlier time, or an import run again days later, therefore earns what it would have earned then; the tier an
 * account shows is the one as of now.
 *
 * <pre>{@code
 * LoyaltyProgram program = LoyaltyProgram.builder()
 *         .pointsPerUnit(Currency.getInstance("EUR"), BigDecimal.ONE)
 *         .categoryMultiplier(books, new BigDecimal("1.5"))
 *         .promotion(Promotion.multiplier("Black Friday", from, until, new BigDecimal("2")))
 *         .build();
 * Crm crm = Crm.builder().loyaltyProgram(program).build();
 * }</pre>
 */
public final class LoyaltyProgram {
    /** The most points one purchase line may earn. */
    public static final long MAX_LINE_POINTS = 1_000_000_000_000L;

    private final Map<Currency, BigDecimal> pointsPerUnit;
    private final BigDecimal otherCurrencies;
    private final Map<CategoryId, BigDecimal> categoryMultipliers;
    private final List<Promotion> promotions;
    private final List<Tier> tiers;
    private final Period tierWindow;
    private final Period pointsLifetime;
    private final RoundingMode rounding;

    private LoyaltyProgram(Builder b) {
        this.pointsPerUnit = Map.copyOf(b.pointsPerUnit);
        this.otherCurrencies = b.otherCurrencies;
        this.categoryMultipliers = Map.copyOf(b.categoryMultipliers);
        this.promotions = List.copyOf(b.promotions);
        List<Tier> sorted = new ArrayList<>(b.tiers);
        sorted.sort(Comparator.comparingLong(Tier::threshold));
        this.tiers = List.copyOf(sorted);
        this.tierWindow = b.tierWindow;
        this.pointsLifetime = b.pointsLifetime;
        this.rounding = b.rounding;
    }

    /**
     * @return the default program: 1 point per whole unit of any currency, no multipliers or promotions, tiers
     *         BRONZE (0), SILVER (1,000 points, x1.1) and GOLD (5,000 points, x1.25) over 12 months, points that
     *         expire after 12 months, rounding down
     */
    public static LoyaltyProgram standard() {
        return builder().build();
    }

    /** @return a builder starting from the defaults of {@link #standard()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether any rule names a category (when none does, earning needs no catalog lookups) */
    public boolean namesCategories() {
        return !categoryMultipliers.isEmpty() || promotions.stream().anyMatch(p -> !p.categories().isEmpty());
    }

    /** @return the tiers, lowest threshold first; the first one's threshold is 0 */
    public List<Tier> tiers() {
        return tiers;
    }

    /** @return the span of earning that decides the tier (default 12 months) */
    public Period tierWindow() {
        return tierWindow;
    }

    /** @return how long earned points stay valid (default 12 months) */
    public Period pointsLifetime() {
        return pointsLifetime;
    }

    /** @return how a fractional line result becomes whole points */
    public RoundingMode rounding() {
        return rounding;
    }

    /** @return the tier every account starts in */
    public Tier lowestTier() {
        return tiers.get(0);
    }

    /** @param earnedInWindow points earned in the tier window @return the highest tier they reach */
    public Tier tierFor(long earnedInWindow) {
        Tier reached = tiers.get(0);
        for (Tier tier : tiers) {
            if (earnedInWindow >= tier.threshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** @param name a stored tier name @return the tier, or the lowest when the program no longer has it */
    public Tier tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(lowestTier());
    }

    /** @param tier a tier @return the next higher tier, or {@code null} at the top */
    public Tier nextTier(Tier tier) {
        int at = tiers.indexOf(tier);
        return at >= 0 && at + 1 < tiers.size() ? tiers.get(at + 1) : null;
    }

    /** @param earnedAt when points were earned @return when they expire */
    public Instant expiryOf(Instant earnedAt) {
        return earnedAt.atOffset(ZoneOffset.UTC).plus(pointsLifetime).toInstant();
    }

    /** @param asOf an instant @return the start of the tier window that ends then */
    public Instant windowStart(Instant asOf) {
        return asOf.atOffset(ZoneOffset.UTC).minus(tierWindow).toInstant();
    }

    /**
     * What a basket earns, line by line, with the rules that produced each line's points.
     *
     * @param purchase     the lines of the sale
     * @param tier         the tier the customer held at the purchase's time (by the points earned in the tier
     *                     window that ends then)
     * @param categoryPath a product's category followed by its ancestors (empty when uncategorised)
     * @return the earned lines, in line order
     */
    public List<EarnedLine> earn(Basket purchase, Tier tier,
                                 Function<ProductId, List<CategoryRef>> categoryPath) {
        BigDecimal rate = pointsPerUnit.getOrDefault(purchase.currency(), otherCurrencies);
        List<Basket.Line> lines = purchase.lines().stream()
                .sorted(Comparator.comparingInt(Basket.Line::number)).toList();
        Map<Integer, List<CategoryRef>> paths = new LinkedHashMap<>();
        for (Basket.Line line : lines) {
            paths.put(line.number(), categoryPath.apply(line.product()));
        }
        Set<Promotion> bonusGiven = new HashSet<>();
        List<EarnedLine> earned = new ArrayList<>();
        for (Basket.Line line : lines) {
            List<CategoryRef> path = paths.get(line.number());
            List<CategoryId> ids = path.stream().map(CategoryRef::id).toList();
            StringBuilder why = new StringBuilder();
            long points = 0;
            if (rate == null) {
                why.append("no earning rule for ").append(purchase.currency().getCurrencyCode());
            } else {
                BigDecimal value = line.total().amount().multiply(rate);
                why.append(line.total().amount().toPlainString()).append(' ')
                        .append(purchase.currency().getCurrencyCode()).append(" x ").append(rate.toPlainString())
                        .append(" point(s) per unit");
                for (CategoryRef category : path) {
                    BigDecimal m = categoryMultipliers.get(category.id());
                    if (m != null) {
                        value = value.multiply(m);
                        why.append("; category ").append(category.name()).append(" x ").append(m.toPlainString());
                        break;
                    }
                }
                for (Promotion promotion : promotions) {
                    if (promotion.multiplier() != null && promotion.runsAt(purchase.at())
                            && promotion.matches(ids)) {
                        value = value.multiply(promotion.multiplier());
                        why.append("; promotion ").append(promotion.name()).append(" x ")
                                .append(promotion.multiplier().toPlainString());
                    }
                }
                if (tier.multiplier().compareTo(BigDecimal.ONE) != 0) {
                    value = value.multiply(tier.multiplier());
                    why.append("; tier ").append(tier.name()).append(" x ")
                            .append(tier.multiplier().toPlainString());
                }
                BigDecimal rounded = value.setScale(0, rounding);
                points = rounded.min(BigDecimal.valueOf(MAX_LINE_POINTS)).longValue();
                why.append("; rounded ").append(rounding.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(": ").append(points);
            }
            for (Promotion promotion : promotions) {
                if (promotion.bonusPoints() > 0 && promotion.runsAt(purchase.at())
                        && promotion.matches(ids) && bonusGiven.add(promotion)) {
                    points = Math.min(MAX_LINE_POINTS, points + promotion.bonusPoints()); // both at most 10^12
                    why.append("; promotion ").append(promotion.name()).append(" bonus +")
                            .append(promotion.bonusPoints());
                }
            }
            earned.add(new EarnedLine(line.number(), line.product(), line.quantity(),
                    Math.min(points, MAX_LINE_POINTS), bounded(why)));
        }
        return earned;
    }

    /** Most characters of one line's explanation; a longer one (dozens of promotions at once) ends in "...". */
    public static final int MAX_EXPLANATION = 2_000;

    private static String bounded(StringBuilder why) {
        return why.length() <= MAX_EXPLANATION ? why.toString()
                : why.substring(0, MAX_EXPLANATION - 4) + " ...";
    }

    /** Configures a {@link LoyaltyProgram}; every setting has a default. */
    public static final class Builder {
        private final Map<Currency, BigDecimal> pointsPerUnit = new LinkedHashMap<>();
        private BigDecimal otherCurrencies = BigDecimal.ONE;
        private final Map<CategoryId, BigDecimal> categoryMultipliers = new LinkedHashMap<>();
        private final List<Promotion> promotions = new ArrayList<>();
        private final List<Tier> tiers = new ArrayList<>(List.of(new Tier("BRONZE", 0, BigDecimal.ONE),
                new Tier("SILVER", 1_000, new BigDecimal("1.1")), new Tier("GOLD", 5_000, new BigDecimal("1.25"))));
        private boolean defaultTiers = true;
        private Period tierWindow = Period.ofMonths(12);
        private Period pointsLifetime = Period.ofMonths(12);
        private RoundingMode rounding = RoundingMode.DOWN;

        private Builder() {
        }

        /**
         * @param currency a currency
         * @param points   points per whole unit of it, 0 or more
         * @return this builder
         */
        public Builder pointsPerUnit(Currency currency, BigDecimal points) {
            pointsPerUnit.put(Objects.requireNonNull(currency, "currency"), nonNegative("pointsPerUnit", points));
            return this;
        }

        /**
         * @param points points per whole unit of a currency not configured with {@link #pointsPerUnit}, or
         *               {@code null} so that purchases in other currencies earn nothing (default 1)
         * @return this builder
         */
        public Builder otherCurrencies(BigDecimal points) {
            this.otherCurrencies = points == null ? null : nonNegative("otherCurrencies", points);
            return this;
        }

        /**
         * @param category   a category (its subcategories inherit the multiplier unless they have their own)
         * @param multiplier above 0
         * @return this builder
         */
        public Builder categoryMultiplier(CategoryId category, BigDecimal multiplier) {
            Objects.requireNonNull(category, "category");
            if (multiplier == null || multiplier.signum() <= 0) {
                throw new IllegalArgumentException("category multiplier must be above 0");
            }
            categoryMultipliers.put(category, multiplier);
            return this;
        }

        /** @param promotion a time-boxed promotion @return this builder */
        public Builder promotion(Promotion promotion) {
            promotions.add(Objects.requireNonNull(promotion, "promotion"));
            return this;
        }

        /**
         * Replaces the default tiers with these.
         *
         * @param tiers at least one, uniquely named, with distinct thresholds, one of them 0
         * @return this builder
         */
        public Builder tiers(Tier... tiers) {
            this.tiers.clear();
            this.tiers.addAll(List.of(tiers));
            this.defaultTiers = false;
            return this;
        }

        /** @param window the span of earning that decides the tier, 1 day or more @return this builder */
        public Builder tierWindow(Period window) {
            this.tierWindow = positive("tierWindow", window);
            return this;
        }

        /** @param lifetime how long earned points stay valid, 1 day or more @return this builder */
        public Builder pointsLifetime(Period lifetime) {
            this.pointsLifetime = positive("pointsLifetime", lifetime);
            return this;
        }

        /** @param rounding how a fractional line result becomes whole points (not UNNECESSARY) @return this builder */
        public Builder rounding(RoundingMode rounding) {
            if (rounding == null || rounding == RoundingMode.UNNECESSARY) {
                throw new IllegalArgumentException("rounding must be a rounding mode other than UNNECESSARY");
            }
            this.rounding = rounding;
            return this;
        }

        /**
         * @return the program
         * @throws IllegalArgumentException when the tiers are not uniquely named, share a threshold or none starts
         *                                  at 0
         */
        public LoyaltyProgram build() {
            if (tiers.isEmpty() && !defaultTiers) {
                throw new IllegalArgumentException("a program needs at least one tier");
            }
            if (tiers.stream().map(Tier::name).distinct().count() != tiers.size()
                    || tiers.stream().mapToLong(Tier::threshold).distinct().count() != tiers.size()) {
                throw new IllegalArgumentException("tier names and thresholds must be unique");
            }
            if (tiers.stream().noneMatch(t -> t.threshold() == 0)) {
                throw new IllegalArgumentException("the lowest tier must start at 0 points");
            }
            return new LoyaltyProgram(this);
        }

        private static BigDecimal nonNegative(String what, BigDecimal value) {
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException(what + " must be 0 or more");
            }
            return value;
        }

        private static Period positive(String what, Period period) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(what + " must be 1 day or more");
            }
            return period;
        }
    }
}
