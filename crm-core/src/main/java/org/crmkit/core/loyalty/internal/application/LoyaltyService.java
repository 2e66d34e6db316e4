package org.crmkit.core.loyalty.internal.application;

import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.internal.domain.Points;
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
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.InvalidValueException;
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
 * they themselves; {@link LoyaltyAccess}). The expiry and tier batches are in {@link LoyaltyBatches}.
 */
final class LoyaltyService implements Loyalty {
    private static final String TYPE = LoyaltyAccess.TYPE;
    /**
     * The statement's cursor scope: it names the order (posting position) so that a cursor of the earlier statement
     * ordered by time and id is refused as one of another query rather than misread.
     */
    private static final String STATEMENT = "loyalty.statement/position";

    private final UseCaseSupport support;
    private final LoyaltyStore accounts;
    private final PurchaseDirectory sales;
    private final LoyaltyProgram program;
    private final LoyaltyAccess access;
    private final LoyaltyBatches batches;

    LoyaltyService(UseCaseSupport support, LoyaltyStore accounts, CustomerDirectory customers,
                   PurchaseDirectory sales, LoyaltyProgram program) {
        this.support = support;
        this.accounts = accounts;
        this.sales = sales;
        this.program = program;
        this.access = new LoyaltyAccess(customers);
        this.batches = new LoyaltyBatches(support, accounts, program);
    }

    /**
     * Opens the customer's account unless it is open (a parallel opening is waited for), then locks it; an opening
     * is published after commit. Opening comes first: on MySQL a locking read of an account that does not exist
     * locks the gap where new accounts go, and two such transactions for different customers then deadlock on their
     * inserts.
     */
    static LoyaltyAccount openAndLock(UseCaseSupport support, LoyaltyStore accounts, LoyaltyProgram program,
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
            support.authorize(actor, LoyaltyPermission.LOYALTY_ENROL, access.targetOf(customer), "loyalty.open",
                    TYPE, customer.value());
            access.requireLiveCustomer(customer);
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
        String scope = Cursor.scope(STATEMENT, customer);
        Long before = fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_VIEW, access.targetOf(customer), "loyalty.statement",
                    TYPE, customer.value());
            access.requireCustomer(customer);
            LoyaltyAccountView account = accounts.find(customer).map(LoyaltyAccountView::of)
                    .orElseGet(() -> new LoyaltyAccountView(customer, 0, null, 0, 0, 0, null, 0,
                            program.lowestTier().name(), 0, null));
            Tier next = program.nextTier(program.tier(account.tier()));
            Page<LedgerEntryView> entries = Page.slice(accounts.entries(customer, before, size + 1), size,
                    LedgerEntryView::of, e -> Cursor.encode(scope, List.of(Long.toString(e.position()))));
            return new LoyaltyStatement(account, next == null ? null : next.name(),
                    next == null ? 0 : Math.max(0, next.threshold() - account.earnedInWindow()), entries);
        });
    }

    /**
     * @return the position a statement cursor resumes below, or {@code null} for the first page
     * @throws org.crmkit.core.shared.InvalidValueException ({@code page.cursor}) when it is not a cursor of this
     *                                                      statement, such as one of the time-ordered statement
     *                                                      before the ledger was numbered (issue 17)
     */
    private static Long fromCursor(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        String value = Cursor.decode(cursor, scope, 1).get(0);
        try {
            long position = Long.parseLong(value);
            if (position >= 1) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below, as any cursor that is not one of this query
        }
        throw new InvalidValueException("page.cursor", "is not a cursor of this query");
    }

    @Override
    public LedgerEntryView redeem(Actor actor, RedeemPointsCommand command) {
        support.validate(actor, command);
        CustomerId customer = command.customerId();
        String note = blankToNull(command.note());
        return support.transaction(() -> {
            support.authorize(actor, LoyaltyPermission.LOYALTY_REDEEM, access.targetOf(customer), "loyalty.redeem",
                    TYPE, customer.value());
            access.requireLiveCustomer(customer);
            if (accounts.find(customer).isEmpty()) {
                // no locking read of a missing row: on MySQL it would lock the gap where new accounts go
                throw new NotFoundException(TYPE, customer);
            }
            LoyaltyAccount account = accounts.lock(customer).orElseThrow();
            Optional<LedgerEntryView> replayed = replay(customer, EntryKind.REDEEM, command.idempotencyKey(),
                    -command.points(), note);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            Instant now = support.now();
            LedgerEntry entry = account.redeem(UuidV7.next(support.clock()), Points.of(command.points()),
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
            support.authorize(actor, LoyaltyPermission.LOYALTY_ADJUST, access.targetOf(customer), "loyalty.adjust",
                    TYPE, customer.value());
            access.requireLiveCustomer(customer);
            Instant now = support.now();
            LoyaltyAccount account = openAndLock(support, accounts, program, customer);
            String reason = command.reason().strip();
            String key = command.idempotencyKey();
            Optional<LedgerEntryView> replayed = key == null ? Optional.empty()
                    : replay(customer, EntryKind.ADJUST, key, command.points(), reason);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            LedgerEntry entry = command.points() > 0
                    ? account.addPoints(UuidV7.next(support.clock()), UuidV7.next(support.clock()),
                            Points.of(command.points()), reason, key, program.expiryOf(now), now)
                    : account.removePoints(UuidV7.next(support.clock()), Points.of(-command.points()), reason, key,
                            now);
            store(actor, "loyalty.adjust", account);
            return LedgerEntryView.of(entry);
        });
    }

    /**
     * Looks a keyed request up under the account's lock, so that a retry finds what the first call stored.
     *
     * @return the first call's entry when it made the same change; empty when the key is new
     * @throws ConflictException {@code duplicate} on {@code idempotencyKey} when the key was used for another change
     */
    private Optional<LedgerEntryView> replay(CustomerId customer, EntryKind kind, String key, long points,
                                             String description) {
        Optional<LedgerEntry> earlier = accounts.findEntry(customer, kind, key);
        if (earlier.isPresent() && (earlier.get().points() != points
                || !Objects.equals(earlier.get().description(), description))) {
            throw UseCaseSupport.keyReused();
        }
        return earlier.map(LedgerEntryView::of);
    }

    @Override
    public BatchResult expirePoints(Actor actor, ExpirePointsCommand command) {
        return batches.expirePoints(actor, command);
    }

    @Override
    public BatchResult reevaluateTiers(Actor actor, ReevaluateTiersCommand command) {
        return batches.reevaluateTiers(actor, command);
    }

    @Override
    public List<LoyalCustomer> loyalCustomers(Actor actor, LoyalCustomersQuery query) {
        support.validate(actor, query);
        Currency currency = query.currency() == null ? null
                : UseCaseSupport.commandField(() -> Money.currency("currency", query.currency()));
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        // a report: read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(() -> support.authorize(actor, LoyaltyPermission.LOYALTY_REPORT, AccessTarget.none(),
                "loyalty.ranking", TYPE, null), granted -> {
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
