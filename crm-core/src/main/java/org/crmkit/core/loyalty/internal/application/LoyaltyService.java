package org.crmkit.core.loyalty.internal.application;

import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.domain.LedgerEntry;
import org.crmkit.core.loyalty.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyalCustomer;
import org.crmkit.core.loyalty.port.in.LoyalCustomersQuery;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.in.LoyaltyRanking;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.loyalty.LoyaltyPermission;

/**
 * The loyalty use cases. Every change locks the account row first and stores with its version, so parallel calls on
 * one account queue up instead of overwriting each other; access follows the customer (their account manager and
 * they themselves).
 */
final class LoyaltyService implements Loyalty {
    static final String TYPE = "loyalty_account";
    /** Accounts read per batch page; each account is then changed in a transaction of its own. */
    private static final int BATCH = 200;

    private final UseCaseSupport support;
    private final LoyaltyRepository accounts;
    private final CustomerDirectory customers;
    private final PurchaseDirectory sales;
    private final LoyaltyProgram program;

    LoyaltyService(UseCaseSupport support, LoyaltyRepository accounts, CustomerDirectory customers, PurchaseDirectory sales,
                   LoyaltyProgram program) {
        this.support = support;
        this.accounts = accounts;
        this.customers = customers;
        this.sales = sales;
        this.program = program;
    }

    /**
     * Opens the customer's account unless it is open (a parallel opening is waited for), then locks it; an opening
     * is published after commit. Opening comes first: on MySQL a locking read of an account that does not exist
     * locks the gap where new accounts go, and two such transactions for different customers then deadlock on their
     * inserts.
     */
    static LoyaltyAccount openAndLock(UseCaseSupport support, LoyaltyRepository accounts, LoyaltyProgram program,
                                      CustomerId customer) {
        if (accounts.find(customer).isEmpty()) {
            LoyaltyAccount fresh = LoyaltyAccount.open(customer, program.lowestTier(), support.now());
            if (accounts.addIfAbsent(fresh)) {
                support.publishAfterCommit(fresh.pullEvents());
            }
        }
        return accounts.lock(customer).orElseThrow(() -> new IllegalStateException("account vanished: " + customer));
    }

    @Override
    public LoyaltyAccountView openAccount(Actor actor, OpenLoyaltyAccountCommand command) {
        support.validate(actor, command);
        CustomerId customer = command.customerId();
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_ENROL, targetOf(customer), "loyalty.open", TYPE,
                    customer.value());
            requireLiveCustomer(customer);
            LoyaltyAccount fresh = LoyaltyAccount.open(customer, program.lowestTier(), support.now());
            if (accounts.addIfAbsent(fresh)) {
                support.audit(actor, "loyalty.open", TYPE, customer.value());
                support.publishAfterCommit(fresh.pullEvents());
            }
            // not find: after a parallel opening this transaction's snapshot (MySQL) may predate the row
            return LoyaltyAccountView.of(accounts.lock(customer).orElseThrow().snapshot());
        });
    }

    @Override
    public LoyaltyStatement statement(Actor actor, LoyaltyStatementQuery query) {
        support.validate(actor, query);
        CustomerId customer = query.customerId();
        String scope = Cursor.scope("loyalty.statement", customer);
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_VIEW, targetOf(customer), "loyalty.statement", TYPE,
                    customer.value());
            requireCustomer(customer);
            LoyaltyAccountView account = accounts.find(customer).map(LoyaltyAccountView::of)
                    .orElseGet(() -> new LoyaltyAccountView(customer, 0, null, 0, 0, 0, null, 0,
                            program.lowestTier().name(), 0, null));
            Tier next = program.nextTier(program.tier(account.tier()));
            Page<LedgerEntryView> entries = Page.slice(accounts.entries(customer, after, size + 1), size,
                    LedgerEntryView::of, e -> new EntryPosition(e.occurredAt(), e.id()).toCursor(scope));
            return new LoyaltyStatement(account, next == null ? null : next.name(),
                    next == null ? 0 : Math.max(0, next.threshold() - account.earnedInWindow()), entries);
        });
    }

    @Override
    public LedgerEntryView redeem(Actor actor, RedeemPointsCommand command) {
        support.validate(actor, command);
        CustomerId customer = command.customerId();
        String note = blankToNull(command.note());
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_REDEEM, targetOf(customer), "loyalty.redeem", TYPE,
                    customer.value());
            requireLiveCustomer(customer);
            if (accounts.find(customer).isEmpty()) {
                // no locking read of a missing row: on MySQL it would lock the gap where new accounts go
                throw new NotFoundException(TYPE, customer);
            }
            LoyaltyAccount account = accounts.lock(customer).orElseThrow();
            Optional<LedgerEntry> earlier = accounts.findEntry(customer, EntryKind.REDEEM, command.idempotencyKey());
            if (earlier.isPresent()) {
                LedgerEntry first = earlier.get();
                if (first.points() != -command.points() || !Objects.equals(first.description(), note)) {
                    throw ConflictException.duplicate("loyalty_entry", "idempotencyKey", null);
                }
                return LedgerEntryView.of(first);
            }
            Instant now = support.now();
            LedgerEntry entry = account.redeem(UuidV7.next(support.clock()), command.points(),
                    command.idempotencyKey(), note, now);
            store(actor, "loyalty.redeem", account);
            return LedgerEntryView.of(entry);
        });
    }

    @Override
    public LedgerEntryView adjust(Actor actor, AdjustPointsCommand command) {
        support.validate(actor, command);
        CustomerId customer = command.customerId();
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_ADJUST, targetOf(customer), "loyalty.adjust", TYPE,
                    customer.value());
            requireLiveCustomer(customer);
            Instant now = support.now();
            LoyaltyAccount account = openAndLock(support, accounts, program, customer);
            LedgerEntry entry = account.adjust(UuidV7.next(support.clock()), UuidV7.next(support.clock()),
                    command.points(), command.reason().strip(), program.expiryOf(now), now);
            store(actor, "loyalty.adjust", account);
            return LedgerEntryView.of(entry);
        });
    }

    @Override
    public BatchResult expirePoints(Actor actor, ExpirePointsCommand command) {
        support.validate(actor, command);
        Instant asOf = notInFuture(command.asOf());
        return batch(actor, "loyalty.expire", (after, limit) -> accounts.withLotsExpiringBy(asOf, after, limit),
                account -> {
                    List<LedgerEntry> expired = account.expire(() -> UuidV7.next(support.clock()), asOf,
                            support.now());
                    return new Step(!expired.isEmpty(), !expired.isEmpty(),
                            expired.stream().mapToLong(e -> -e.points()).sum());
                });
    }

    @Override
    public BatchResult reevaluateTiers(Actor actor, ReevaluateTiersCommand command) {
        support.validate(actor, command);
        Instant asOf = notInFuture(command.asOf());
        return batch(actor, "loyalty.tier", accounts::accounts, account -> {
            long earned = accounts.earnedBetween(account.snapshot().customer(), program.windowStart(asOf), asOf);
            String before = account.snapshot().tier();
            boolean stored = account.evaluateTier(program.tierFor(earned), earned, asOf);
            return new Step(stored, !before.equals(account.snapshot().tier()), 0);
        });
    }

    /**
     * What a batch did to one account.
     *
     * @param store   whether the account changed and is stored
     * @param counted whether the change counts (and is audited): lots expired, a tier that moved
     * @param points  the points it expired
     */
    private record Step(boolean store, boolean counted, long points) {
    }

    /**
     * Runs a change over accounts in pages of ids, one transaction per account, so that a long run holds no lock
     * for long and what it finished stays done if it stops; the transactions make a series
     * ({@link org.crmkit.core.shared.UnitOfWork#inSeries}).
     */
    private BatchResult batch(Actor actor, String action, BiFunction<CustomerId, Integer, List<CustomerId>> find,
                              Function<LoyaltyAccount, Step> change) {
        // a series: the caller's check and the accounts' transactions may share one connection
        return support.series(() -> {
            support.transaction(() -> support.authorize(actor, LoyaltyPermission.LOYALTY_BATCH, AccessTarget.none(), action,
                    TYPE, null));
            return eachAccount(actor, action, find, change);
        });
    }

    private BatchResult eachAccount(Actor actor, String action, BiFunction<CustomerId, Integer, List<CustomerId>> find,
                                    Function<LoyaltyAccount, Step> change) {
        long seen = 0;
        long changed = 0;
        long points = 0;
        CustomerId after = null;
        while (true) {
            CustomerId from = after;
            List<CustomerId> page = support.transaction(() -> find.apply(from, BATCH));
            for (CustomerId customer : page) {
                Step step = support.transaction(() -> accounts.lock(customer).map(account -> {
                    Step done = change.apply(account);
                    if (done.store()) {
                        List<DomainEvent> events = account.pullEvents();
                        accounts.update(account);
                        if (done.counted()) {
                            support.audit(actor, action, TYPE, customer.value());
                        }
                        support.publishAfterCommit(events);
                    }
                    return done;
                }).orElse(new Step(false, false, 0)));
                seen++;
                changed += step.counted() ? 1 : 0;
                points += step.points();
            }
            if (page.size() < BATCH) {
                return new BatchResult(seen, changed, points);
            }
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public List<LoyalCustomer> loyalCustomers(Actor actor, LoyalCustomersQuery query) {
        support.validate(actor, query);
        Currency currency = query.currency() == null ? null
                : UseCaseSupport.commandField(() -> Money.currency("currency", query.currency()));
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_REPORT, AccessTarget.none(), "loyalty.ranking", TYPE, null);
            List<LoyalCustomer> ranking = new ArrayList<>();
            if (query.by() == LoyaltyRanking.POINTS_EARNED) {
                for (LoyaltyRepository.Earner e : accounts.topEarners(from, to, query.limit())) {
                    ranking.add(new LoyalCustomer(ranking.size() + 1, e.customer(), e.earned(), 0, null));
                }
                return ranking;
            }
            for (TopCustomer t : sales.topCustomers(from, to, currency,
                    query.by() == LoyaltyRanking.PURCHASE_AMOUNT, query.limit())) {
                ranking.add(new LoyalCustomer(t.rank(), t.customerId(), 0, t.purchases(), t.amount()));
            }
            return ranking;
        });
    }

    /** Stores a changed, locked account, audits the change and publishes its events after commit. */
    private void store(Actor actor, String action, LoyaltyAccount account) {
        List<DomainEvent> events = account.pullEvents();
        accounts.update(account);
        support.audit(actor, action, TYPE, account.snapshot().customer().value());
        support.publishAfterCommit(events);
    }

    /** @param asOf a validated batch command's instant @return it as stored, refused when in the future */
    private Instant notInFuture(Instant asOf) {
        Instant bounded = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", asOf));
        if (bounded.isAfter(support.now())) {
            throw new InvalidCommandException(List.of(new FieldError("asOf", "must not be in the future")));
        }
        return bounded;
    }

    /** Whose account this is: the customer's, owned by their account manager. */
    private AccessTarget targetOf(CustomerId customer) {
        Optional<CustomerView> view = customers.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    private CustomerView requireCustomer(CustomerId customer) {
        return customers.find(customer).orElseThrow(() -> new NotFoundException("customer", customer));
    }

    /** Refuses a change for a customer who does not exist or was erased. */
    private void requireLiveCustomer(CustomerId customer) {
        requireCustomer(customer).requireNotErased();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
