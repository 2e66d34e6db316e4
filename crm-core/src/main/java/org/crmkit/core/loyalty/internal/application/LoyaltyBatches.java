package org.crmkit.core.loyalty.internal.application;

import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.crmkit.core.loyalty.LoyaltyPermission;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The loyalty batches a host schedules, point expiry and tier re-evaluation: one change run over many accounts,
 * each account in a transaction of its own.
 */
final class LoyaltyBatches {
    private static final String TYPE = LoyaltyAccess.TYPE;
    /** Accounts read per batch page; each account is then changed in a transaction of its own. */
    private static final int BATCH = 200;

    private final UseCaseSupport support;
    private final LoyaltyStore accounts;
    private final LoyaltyProgram program;

    LoyaltyBatches(UseCaseSupport support, LoyaltyStore accounts, LoyaltyProgram program) {
        this.support = support;
        this.accounts = accounts;
        this.program = program;
    }

    BatchResult expirePoints(Actor actor, ExpirePointsCommand command) {
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

    BatchResult reevaluateTiers(Actor actor, ReevaluateTiersCommand command) {
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
            support.transaction(() -> support.authorize(actor, LoyaltyPermission.LOYALTY_BATCH, AccessTarget.none(),
                    action, TYPE, null));
            return eachAccount(actor, action, find, change);
        });
    }

    private BatchResult eachAccount(Actor actor, String action,
                                    BiFunction<CustomerId, Integer, List<CustomerId>> find,
                                    Function<LoyaltyAccount, Step> change) {
        long seen = 0;
        long changed = 0;
        long points = 0;
        CustomerId after = null;
        while (true) {
            CustomerId from = after;
            List<CustomerId> page = support.transaction(() -> find.apply(from, BATCH));
            for (CustomerId customer : page) {
                Step step = support.transaction(() -> changeOne(actor, action, customer, change));
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

    /** Applies the change to one locked account and stores it when it changed; an account not found is left. */
    private Step changeOne(Actor actor, String action, CustomerId customer, Function<LoyaltyAccount, Step> change) {
        return accounts.lock(customer).map(account -> {
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
        }).orElse(new Step(false, false, 0));
    }

    /** @param asOf a validated batch command's instant @return it as stored, refused when in the future */
    private Instant notInFuture(Instant asOf) {
        Instant bounded = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", asOf));
        if (bounded.isAfter(support.now())) {
            throw new InvalidCommandException(List.of(new FieldError("asOf", "must not be in the future")));
        }
        return bounded;
    }
}
