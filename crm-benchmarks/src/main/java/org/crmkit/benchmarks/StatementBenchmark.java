package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.loyalty.Basket;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;

/**
 * The loyalty statement of a customer with a short ledger against one with a long ledger. The ledgers are built
 * through the loyalty port with the domain's own {@link LoyaltyAccount} and {@link LoyaltyProgram#earn}, as
 * {@code LoyaltyEarning} builds them for recorded purchases (an earning entry with its lines and a lot per purchase),
 * but many earnings per transaction: earning one purchase at a time reads every open lot of the account, which for
 * 10,000 open lots would take far longer than the benchmark itself.
 */
final class StatementBenchmark {
    /** Earnings stored per transaction while a ledger is built. */
    private static final int EARNINGS_PER_TRANSACTION = 2_000;
    private static final Currency EUR = Currency.getInstance(RetailData.CURRENCY);

    private final Crm crm;
    private final MyBatisCrmPersistence persistence;
    private final Actor actor;
    private final LoyaltyProgram program;
    private final Clock clock;
    private final List<ProductView> products;

    /**
     * @param crm      crmkit on the server, built with {@code program} and {@code clock}
     * @param persistence an adapter on the same server, through which the ledgers are written directly
     * @param actor    who reads the statements
     * @param program  the loyalty program
     * @param clock    the clock
     * @param products the catalog the earnings' lines name
     */
    StatementBenchmark(Crm crm, MyBatisCrmPersistence persistence, Actor actor, LoyaltyProgram program, Clock clock, List<ProductView> products) {
        this.crm = crm;
        this.persistence = persistence;
        this.actor = actor;
        this.program = program;
        this.clock = clock;
        this.products = List.copyOf(products);
    }

    /**
     * Registers a customer and gives them a ledger of earnings of 1 to 3 lines each, spread over the last 11 months.
     *
     * @param reference the customer's external reference
     * @param entries   how many ledger entries
     * @param random    the source of the purchases' lines
     * @return the customer
     */
    CustomerId customerWithLedger(String reference, int entries, Random random) {
        CustomerId customer = crm.customers().register(actor, RegisterCustomerCommand.imported("Ledger",
                "Customer " + reference, "ledger-" + reference.toLowerCase(Locale.ROOT) + "@bench.example.invalid",
                reference)).id();
        LoyaltyRepository accounts = persistence.port(LoyaltyRepository.class).orElseThrow();
        LoyaltyStore store = new LoyaltyStore(accounts);
        Instant end = clock.instant().minus(Duration.ofDays(1));
        Instant start = end.minus(Duration.ofDays(334));
        long step = Duration.between(start, end).toSeconds() / entries;
        long[] earned = {0};
        for (int from = 0; from < entries; from += EARNINGS_PER_TRANSACTION) {
            int first = from;
            int last = Math.min(entries, from + EARNINGS_PER_TRANSACTION);
            persistence.unitOfWork().inTransaction(() -> {
                if (store.find(customer).isEmpty()) {
                    store.addIfAbsent(LoyaltyAccount.open(customer, program.lowestTier(), clock.instant()));
                }
                LoyaltyAccount account = store.lock(customer).orElseThrow();
                for (int k = first; k < last; k++) {
                    Instant at = start.plusSeconds(k * step);
                    List<EarnedLine> lines;
                    PurchaseId purchase;
                    do {
                        purchase = PurchaseId.next(clock);
                        lines = program.earn(new Basket(EUR, at, purchaseLines(random)),
                                program.tier(account.snapshot().tier()), product -> List.of());
                    } while (lines.stream().mapToLong(EarnedLine::points).sum() == 0);
                    Instant now = clock.instant();
                    account.earn(UuidV7.next(clock), UuidV7.next(clock), purchase, at, program.expiryOf(at), lines,
                            now);
                    earned[0] += lines.stream().mapToLong(EarnedLine::points).sum();
                    account.evaluateTier(program.tierFor(earned[0]), earned[0], now);
                }
                store.update(account);
            });
        }
        LoyaltyRepository.LedgerSums sums = persistence.unitOfWork().inTransaction(() -> accounts.sums(customer));
        if (sums.entryCount() != entries || !sums.hold()) {
            throw new IllegalStateException("the ledger of " + reference + " is not as built: " + sums);
        }
        return customer;
    }

    private List<Basket.Line> purchaseLines(Random random) {
        List<Basket.Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int number = 1; number <= count; number++) {
            ProductView product = products.get(random.nextInt(products.size()));
            int quantity = 1 + random.nextInt(4);
            lines.add(new Basket.Line(number, product.id(), quantity, Money.of("total",
                    product.listPrice().amount().multiply(BigDecimal.valueOf(quantity)), EUR)));
        }
        return lines;
    }

    /**
     * Times statements of two customers, alternately (which goes first alternates too).
     *
     * @param a        one customer
     * @param b        the other
     * @param pageSize entries per statement page
     * @param calls    statements per customer
     * @return per customer, the nanoseconds of each call
     */
    long[][] time(CustomerId a, CustomerId b, int pageSize, int calls) {
        LoyaltyStatementQuery qa = new LoyaltyStatementQuery(a, PageRequest.first(pageSize));
        LoyaltyStatementQuery qb = new LoyaltyStatementQuery(b, PageRequest.first(pageSize));
        long[] ta = new long[calls];
        long[] tb = new long[calls];
        for (int i = 0; i < calls; i++) {
            if (i % 2 == 0) {
                ta[i] = one(qa);
                tb[i] = one(qb);
            } else {
                tb[i] = one(qb);
                ta[i] = one(qa);
            }
        }
        return new long[][] {ta, tb};
    }

    /** @param customer a customer @param pageSize entries per page @return their statement's first page */
    LoyaltyStatement statement(CustomerId customer, int pageSize) {
        return crm.loyalty().statement(actor, new LoyaltyStatementQuery(customer, PageRequest.first(pageSize)));
    }

    private long one(LoyaltyStatementQuery query) {
        long start = System.nanoTime();
        LoyaltyStatement statement = crm.loyalty().statement(actor, query);
        long elapsed = System.nanoTime() - start;
        if (statement.entries().items().isEmpty()) {
            throw new IllegalStateException("an empty statement");
        }
        return elapsed;
    }
}
