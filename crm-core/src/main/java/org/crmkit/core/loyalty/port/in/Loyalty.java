package org.crmkit.core.loyalty.port.in;

import java.util.List;
import org.crmkit.core.shared.Actor;

/**
 * The loyalty program's use cases. Points are earned when a purchase is recorded and clawed back when it is returned,
 * in the sales area's transaction; a purchase earns at the tier its customer held at the purchase's own time (the
 * points earned in the tier window that ends then), so a back-dated sale or a re-run import earns what it would have
 * earned then, while the tier an account shows is evaluated as of now. These use cases open accounts, redeem, adjust,
 * run the expiry and tier batches, and read statements and rankings. Every call checks its caller: a customer reaches
 * only their own account.
 */
public interface Loyalty {

    /**
     * Opens the customer's account, or returns it when it is already open.
     *
     * <p>Retry: safe: an account that is open already is returned as it is, and nothing is written.
     *
     * @param actor   the caller
     * @param command whose account
     * @return the account
     */
    LoyaltyAccountView openAccount(Actor actor, OpenLoyaltyAccountCommand command);

    /**
     * Balance, lifetime figures, tier and progress, and a page of ledger entries, newest first in the order they
     * were posted to the account (not by the time they took effect): each entry's {@code balanceAfter} is the balance
     * right after its posting, so consecutive entries always reconcile (an entry's {@code balanceAfter} is the
     * {@code balanceAfter} of the entry listed after it plus its own {@code points}). An entry still shows when it
     * took effect ({@code occurredAt}): a purchase recorded late with its earlier time is listed where it was
     * posted, above entries that took effect after it. A customer without an account gets an empty statement in the
     * lowest tier.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query whose statement, and the page of entries (a cursor of a statement taken before entries were
     *              listed in posting order is refused as {@code invalid_value} on {@code page.cursor}: start again
     *              from the first page)
     * @return the statement
     */
    LoyaltyStatement statement(Actor actor, LoyaltyStatementQuery query);

    /**
     * Spends points, oldest lots first, under an idempotency key the command must carry.
     *
     * <p>Retry: safe: the idempotency key is required, and a retry with the same key, points and note returns the first
     * call's entry and spends nothing more, after {@code outcome_unknown} too; the key with other points or another
     * note is refused ({@code duplicate} on {@code idempotencyKey}).
     *
     * @param actor   the caller
     * @param command whose points, how many, the idempotency key and an optional note
     * @return the redemption's ledger entry
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code insufficient_points}, with the balance
     *                                                               in its details; {@code points_limit} when
     *                                                               the lifetime redeemed would pass
     *                                                               {@code LoyaltyAccount.MAX_ACCOUNT_POINTS}
     * @throws org.crmkit.core.shared.ConflictException              {@code duplicate} on {@code idempotencyKey}
     *                                                               when the key was used for another request
     */
    LedgerEntryView redeem(Actor actor, RedeemPointsCommand command);

    /**
     * Adds or removes points by hand, with a reason (CRM managers). Added points open a lot that expires like
     * earned ones.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key, change and reason returns the first call's
     * entry and adjusts nothing more, after {@code outcome_unknown} too. Without a key a retry may adjust twice (read
     * the statement first).
     *
     * @param actor   the caller
     * @param command whose points, the change, the reason and an optional idempotency key
     * @return the adjustment's ledger entry
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code insufficient_points} when more would be
     *                                                               removed than the balance; {@code points_limit}
     *                                                               when the balance would pass
     *                                                               {@code LoyaltyAccount.MAX_ACCOUNT_POINTS}
     * @throws org.crmkit.core.shared.ConflictException              {@code duplicate} on {@code idempotencyKey}
     *                                                               when the key was used for another adjustment
     */
    LedgerEntryView adjust(Actor actor, AdjustPointsCommand command);

    /**
     * Expires what remains of every lot whose expiry is at or before {@code asOf}, one transaction per account.
     *
     * <p>Retry: safe to run again: each lot is expired once, so running it again for the same instant (after a run that
     * failed, say) expires nothing twice; every account's expiry commits on its own, so what a failed run finished
     * stays done.
     *
     * @param actor   the caller (a CRM manager or the system)
     * @param command the cut-off, not in the future
     * @return what was expired
     */
    BatchResult expirePoints(Actor actor, ExpirePointsCommand command);

    /**
     * Sets every account's tier from the points earned in the tier window that ends at {@code asOf}, one
     * transaction per account.
     *
     * <p>Retry: safe to run again: an account's tier is set from the points earned in the window, so running it again
     * for the same instant changes and writes nothing more.
     *
     * @param actor   the caller (a CRM manager or the system)
     * @param command the instant, not in the future
     * @return how many accounts were evaluated and how many changed tier
     */
    BatchResult reevaluateTiers(Actor actor, ReevaluateTiersCommand command);

    /**
     * The top customers of a period, by points earned or by purchase count or amount (CRM managers).
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the period, the measure and how many
     * @return the customers, best first
     */
    List<LoyalCustomer> loyalCustomers(Actor actor, LoyalCustomersQuery query);
}
