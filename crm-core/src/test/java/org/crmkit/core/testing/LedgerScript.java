package org.crmkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;

/**
 * Random loyalty scripts for property tests on either adapter: purchases (some dated far back), returns, redemptions
 * (with keys drawn from a small pool, so retries and key clashes happen), adjustments, expiry runs, tier reviews and
 * waiting. {@link #run} plays a script through the use cases and checks after every step that each ledger keeps its
 * invariants (balance = sum of entries = sum of open lots, balance and shortfall not negative), that each step moved
 * the balance the way it should have, and that balance, shortfall and the open lots equal those of a reference model
 * of the ledger ({@link Model}): an earning pays the shortfall off first, spending and removals take the lots that
 * expire first, a claw-back takes from its purchase's lots first and leaves what it cannot take as shortfall.
 */
public final class LedgerScript {
    /** A program that makes tiers and expiry happen within a short script. */
    public static final LoyaltyProgram PROGRAM = LoyaltyProgram.builder()
            .tiers(new Tier("BRONZE", 0, BigDecimal.ONE), new Tier("SILVER", 150, new BigDecimal("1.5")),
                    new Tier("GOLD", 600, new BigDecimal("2")))
            .tierWindow(Period.ofMonths(3)).pointsLifetime(Period.ofMonths(6)).rounding(RoundingMode.HALF_EVEN)
            .build();
    private static final int CUSTOMERS = 3;

    private LedgerScript() {
    }

    /** One step of a script; indexes are taken modulo what exists. */
    public sealed interface Op permits Buy, Return, Redeem, Adjust, Expire, Review, Wait {
    }

    /** @param customer which customer @param product which product @param quantity how many @param daysBack age */
    public record Buy(int customer, int product, int quantity, int daysBack) implements Op {
    }

    /** @param purchase which purchase @param line which line @param quantity how many, at most what is left */
    public record Return(int purchase, int line, int quantity) implements Op {
    }

    /** @param customer which customer @param points how many @param key which key of a pool of three */
    public record Redeem(int customer, int points, int key) implements Op {
    }

    /** @param customer which customer @param points the change, not 0 */
    public record Adjust(int customer, int points) implements Op {
    }

    /** Runs the expiry batch as of now. */
    public record Expire() implements Op {
    }

    /** Runs the tier review as of now. */
    public record Review() implements Op {
    }

    /** @param days how long to wait */
    public record Wait(int days) implements Op {
    }

    /** @return any step */
    public static Arbitrary<Op> operations() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, CUSTOMERS - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Combinators.combine(who, Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 400))
                        .as(Buy::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(1, 4))
                        .as(Return::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(who, Arbitraries.integers().between(1, 300),
                        Arbitraries.integers().between(0, 2)).as(Redeem::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(who, Arbitraries.integers().between(-200, 200)
                        .filter(p -> p != 0)).as(Adjust::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Expire())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Review())),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 120).map(Wait::new)));
    }

    /**
     * Plays a script and checks every step.
     *
     * @param world a fresh world running {@link #PROGRAM}
     * @param ops   the script
     */
    public static void run(LoyaltyWorld world, List<Op> ops) {
        new Play(world).all(ops);
    }

    /**
     * The ledger as a customer would reckon it by hand: lots (each with the purchase that earned it, if any) and a
     * shortfall. Written apart from the domain's account, to check it.
     */
    static final class Model {
        private final List<long[]> remaining = new ArrayList<>();
        private final List<Object[]> lots = new ArrayList<>();
        private long shortfall;

        /** A purchase earned {@code gross}: the shortfall is paid first, the rest opens a lot (expired already if old). */
        void earn(String purchase, Instant earnedAt, long gross, Instant now) {
            long settled = Math.min(gross, shortfall);
            shortfall -= settled;
            long net = gross - settled;
            if (net > 0) {
                Instant expiresAt = PROGRAM.expiryOf(earnedAt);
                add(purchase, earnedAt, expiresAt, expiresAt.isAfter(now) ? net : 0);
            }
        }

        /** An adjustment added points now. */
        void add(long points, Instant now) {
            add(null, now, PROGRAM.expiryOf(now), points);
        }

        private void add(String purchase, Instant earnedAt, Instant expiresAt, long points) {
            lots.add(new Object[] {purchase, earnedAt, expiresAt});
            remaining.add(new long[] {points});
        }

        /** A redemption or a removal: from the lots that expire first. */
        void take(long points) {
            long left = takeFrom(order(null), points);
            assertThat(left).as("the model took more than the balance").isZero();
        }

        /** A return took back what its lines earned: from its purchase's lots first; the rest becomes shortfall. */
        void clawBack(String purchase, long points) {
            shortfall += takeFrom(order(purchase), points);
        }

        /** The expiry run: every lot due by then loses what is left. */
        void expire(Instant asOf) {
            for (int i = 0; i < lots.size(); i++) {
                if (!((Instant) lots.get(i)[2]).isAfter(asOf)) {
                    remaining.get(i)[0] = 0;
                }
            }
        }

        long balance() {
            return remaining.stream().mapToLong(r -> r[0]).sum();
        }

        long shortfall() {
            return shortfall;
        }

        /** @return the points left, summed per expiry */
        Map<Instant, Long> openByExpiry() {
            Map<Instant, Long> open = new java.util.TreeMap<>();
            for (int i = 0; i < lots.size(); i++) {
                if (remaining.get(i)[0] > 0) {
                    open.merge((Instant) lots.get(i)[2], remaining.get(i)[0], Long::sum);
                }
            }
            return open;
        }

        private long takeFrom(List<Integer> order, long points) {
            long left = points;
            for (int i : order) {
                long part = Math.min(left, remaining.get(i)[0]);
                remaining.get(i)[0] -= part;
                left -= part;
            }
            return left;
        }

        /** The lots in the order they are taken from: the purchase's first, then by expiry, earning time, age. */
        private List<Integer> order(String purchase) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < lots.size(); i++) {
                order.add(i);
            }
            order.sort(java.util.Comparator.comparing((Integer i) -> purchase == null
                            || !purchase.equals(lots.get(i)[0]))
                    .thenComparing(i -> (Instant) lots.get(i)[2]).thenComparing(i -> (Instant) lots.get(i)[1])
                    .thenComparing(i -> i));
            return order;
        }
    }

    private static final class Play {
        private final LoyaltyWorld world;
        private final List<CustomerId> customers = new ArrayList<>();
        private final List<ProductView> products = new ArrayList<>();
        private final List<PurchaseView> purchases = new ArrayList<>();
        private final Map<String, LedgerEntryView> redemptions = new HashMap<>();
        private final Map<CustomerId, Long> redeemed = new HashMap<>();
        private final Map<CustomerId, Model> models = new HashMap<>();

        Play(LoyaltyWorld world) {
            this.world = world;
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.add(world.customer("C" + i).id());
                models.put(customers.get(i), new Model());
            }
            products.add(world.product("PEN", "3.99", null));
            products.add(world.product("BAG", "25.00", null));
            products.add(world.product("LAMP", "120.00", null));
        }

        void all(List<Op> ops) {
            for (Op op : ops) {
                Map<CustomerId, LoyaltyAccountView> before = accounts();
                step(op, before);
                for (CustomerId c : customers) {
                    var sums = world.sums(c);
                    assertThat(sums.hold()).as("invariants of %s after %s: %s", c, op, sums).isTrue();
                    LoyaltyAccountView after = world.statement(c).account();
                    assertThat(after.balance()).isEqualTo(sums.balance());
                    assertThat(after.lifetimeRedeemed()).isEqualTo(redeemed.getOrDefault(c, 0L));
                    Model model = models.get(c);
                    assertThat(after.balance()).as("balance of %s after %s, as the model reckons it", c, op)
                            .isEqualTo(model.balance());
                    assertThat(after.shortfall()).as("shortfall of %s after %s, as the model reckons it", c, op)
                            .isEqualTo(model.shortfall());
                    assertThat(sums.shortfall()).isEqualTo(model.shortfall());
                    assertThat(world.openLotsByExpiry(c)).as("open lots of %s after %s", c, op)
                            .isEqualTo(model.openByExpiry());
                }
            }
        }

        private void step(Op op, Map<CustomerId, LoyaltyAccountView> before) {
            Instant now = world.clock().instant();
            if (op instanceof Buy b) {
                CustomerId c = customers.get(b.customer());
                PurchaseView bought = world.buy(c, now.minus(Duration.ofDays(b.daysBack())),
                        products.get(b.product()), b.quantity());
                purchases.add(bought);
                world.earning(c, bought.id()).ifPresent(e -> models.get(c).earn(bought.id().toString(),
                        e.earnedAt(), e.earned(), now));
                assertThat(balance(c)).as("an earning never lowers the balance")
                        .isGreaterThanOrEqualTo(before.get(c).balance());
            } else if (op instanceof Return r) {
                if (purchases.isEmpty()) {
                    return;
                }
                int at = r.purchase() % purchases.size();
                PurchaseView p = world.crm().sales().findById(world.manager(), purchases.get(at).id()).orElseThrow();
                PurchaseLine line = p.lines().get(r.line() % p.lines().size());
                int quantity = Math.min(r.quantity(), line.returnable());
                if (quantity == 0) {
                    return;
                }
                purchases.set(at, world.giveBack(p, line.number(), quantity));
                CustomerId c = p.customer();
                world.earning(c, p.id()).filter(e -> PROGRAM.expiryOf(e.earnedAt()).isAfter(now)).ifPresent(e ->
                        e.lines().stream().filter(l -> l.lineNumber() == line.number()).findFirst().ifPresent(l ->
                                models.get(c).clawBack(p.id().toString(),
                                        share(l.points(), line.returned() + quantity, line.quantity())
                                                - share(l.points(), line.returned(), line.quantity()))));
                assertThat(balance(c)).as("a claw-back never raises the balance")
                        .isLessThanOrEqualTo(before.get(c).balance());
            } else if (op instanceof Redeem r) {
                redeem(r, before);
            } else if (op instanceof Adjust a) {
                CustomerId c = customers.get(a.customer());
                long was = before.get(c).balance();
                Throwable refused = catchThrowable(() -> world.crm().loyalty().adjust(world.manager(),
                        new AdjustPointsCommand(c, a.points(), "script")));
                if (-a.points() > was) {
                    assertThat(refused).isInstanceOf(BusinessRuleViolationException.class);
                    assertThat(balance(c)).isEqualTo(was);
                } else {
                    assertThat(refused).isNull();
                    assertThat(balance(c)).isEqualTo(was + a.points());
                    if (a.points() > 0) {
                        models.get(c).add(a.points(), now);
                    } else {
                        models.get(c).take(-a.points());
                    }
                }
            } else if (op instanceof Expire) {
                BatchResult result = world.crm().loyalty().expirePoints(world.manager(), new ExpirePointsCommand(now));
                models.values().forEach(m -> m.expire(now));
                long total = customers.stream().mapToLong(c -> before.get(c).balance() - balance(c)).sum();
                assertThat(result.points()).isEqualTo(total);
                assertThat(world.crm().loyalty().expirePoints(world.manager(), new ExpirePointsCommand(now))
                        .points()).as("a second run expires nothing").isZero();
            } else if (op instanceof Review) {
                world.crm().loyalty().reevaluateTiers(world.manager(), new ReevaluateTiersCommand(now));
                customers.forEach(c -> assertThat(balance(c)).isEqualTo(before.get(c).balance()));
            } else if (op instanceof Wait w) {
                world.clock().advance(Duration.ofDays(w.days()));
            }
        }

        private void redeem(Redeem r, Map<CustomerId, LoyaltyAccountView> before) {
            CustomerId c = customers.get(r.customer());
            long was = before.get(c).balance();
            String key = "key-" + r.key();
            RedeemPointsCommand command = new RedeemPointsCommand(c, r.points(), key, null);
            LedgerEntryView first = redemptions.get(c + "/" + key);
            LedgerEntryView[] result = new LedgerEntryView[1];
            Throwable refused = catchThrowable(() -> result[0] = world.crm().loyalty().redeem(world.manager(),
                    command));
            if (first != null) {
                if (first.points() == -r.points()) {
                    assertThat(result[0]).as("a retry returns the first result").isEqualTo(first);
                } else {
                    assertThat(refused).isInstanceOf(ConflictException.class);
                }
                assertThat(balance(c)).isEqualTo(was);
            } else if (!before.get(c).isOpen()) {
                assertThat(refused).isInstanceOf(NotFoundException.class);
            } else if (r.points() > was) {
                assertThat(refused).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.details()).containsEntry("balance", Long.toString(was)));
                assertThat(balance(c)).isEqualTo(was);
            } else {
                assertThat(refused).isNull();
                assertThat(balance(c)).isEqualTo(was - r.points());
                redemptions.put(c + "/" + key, result[0]);
                redeemed.merge(c, (long) r.points(), Long::sum);
                models.get(c).take(r.points());
            }
        }

        private Map<CustomerId, LoyaltyAccountView> accounts() {
            Map<CustomerId, LoyaltyAccountView> views = new HashMap<>();
            customers.forEach(c -> views.put(c, world.statement(c).account()));
            return views;
        }

        private long balance(CustomerId c) {
            return world.statement(c).account().balance();
        }
    }

    /** @return {@code floor(points x part / whole)}, as a return's claw-back counts each line's share */
    static long share(long points, int part, int whole) {
        return java.math.BigInteger.valueOf(points).multiply(java.math.BigInteger.valueOf(part))
                .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
    }
}
