package org.crmkit.core.sales.port.in;

import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.sales.PurchaseId;

/**
 * Purchases and returns ({@code crm.sales()}). Recording needs {@code SALES_RECORD}, returns {@code SALES_RETURN},
 * reading {@code SALES_VIEW}; a customer reads only their own purchases, a sales rep those of the customers they
 * manage.
 */
public interface Sales {

    /**
     * Records a purchase of active products under a source and external reference, unique together. A retired
     * product is refused ({@code product_retired}). The points it earns are posted in the same transaction: a
     * purchase that would take its customer's loyalty account past {@code LoyaltyAccount.MAX_ACCOUNT_POINTS} is
     * refused ({@code points_limit}) and nothing is stored.
     *
     * <p>Retry: safe: recording the same source and external reference again with the same content returns the purchase
     * recorded first (and earns no points twice); with other content it is refused as {@code duplicate} on
     * {@code externalReference}, naming the purchase only to callers who may view every purchase.
     *
     * @param actor   the caller
     * @param command the purchase
     * @return the purchase
     */
    PurchaseView recordPurchase(Actor actor, RecordPurchaseCommand command);

    /**
     * Takes back quantities of some lines, never more than was bought and not yet returned
     * ({@code return_exceeds_purchase}); the refund is the returned quantities at their unit prices.
     *
     * <p>Retry: safe when the command carries a {@code reference}: recording the return again under it with the same
     * lines returns the purchase as it is (with other lines: {@code duplicate} on {@code reference}); else when it
     * carries the purchase's {@code expectedVersion}, a retry of a stored return fails with {@code stale_version}. With
     * neither, a retry may return the lines twice (or be refused with {@code return_exceeds_purchase}).
     *
     * @param actor   the caller
     * @param command the return
     * @return the purchase with the return
     */
    PurchaseView recordReturn(Actor actor, RecordReturnCommand command);

    /**
     * Reads a purchase.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param purchaseId the purchase
     * @return it, if it exists
     */
    Optional<PurchaseView> findById(Actor actor, PurchaseId purchaseId);

    /**
     * A customer's purchases.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the customer and page
     * @return their purchases, newest first
     */
    Page<PurchaseView> history(Actor actor, PurchaseHistoryQuery query);

    /**
     * A customer's purchase totals.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param customerId the customer
     * @return their purchase totals per currency
     */
    PurchaseTotals totals(Actor actor, CustomerId customerId);

    /**
     * The best customers of a period by number of purchases or amount spent (CRM and sales managers).
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the period, the measure, the currency and how many
     * @return the customers, best first
     */
    java.util.List<TopCustomer> topCustomers(Actor actor, TopCustomersQuery query);

    /**
     * Imports sale lines in batches, one transaction per batch: consecutive lines of one order become one purchase
     * (with its loyalty points), cancellations become returns against the customer's latest earlier purchase of the
     * SKU, lines without a customer become anonymous sales. A cancellation takes back only from a purchase stored
     * before it (by an earlier run, or earlier in the file), and loyalty posts earnings and claw-backs in the file's
     * order, so the outcome is the same whatever the batch size. A line that cannot be stored is rejected with its
     * source line, field and reason and the rest go on; an order is stored whole or not at all (when one of its lines
     * is rejected, its other lines are rejected with it, naming it), while each line of a cancellation is a return of
     * its own; an order or cancellation stored by an earlier run is not stored again. A storage failure (a lost
     * connection, a server restart) stops the import with {@code persistence_failure}: the batches before it are
     * stored (the progress listener heard them), nothing of the failing batch is, and running the same import again
     * completes it, counting what is stored as already imported. Needs SALES_IMPORT (sales managers). Refused with {@code import_needs_own_transactions} inside another
     * transaction or on an adapter whose transactions the host manages: a failed batch must be rolled back before
     * its orders are stored one by one. The batches' transactions make a series ({@link
     * org.crmkit.core.shared.UnitOfWork#inSeries}): on MySQL they share one connection, which the import holds while
     * it reads the next batch's lines, unless the reading pauses for more than a second.
     *
     * <p>Retry: safe to run again: an order or cancellation stored by an earlier run counts as already imported and is
     * not stored twice, nor are the products and customers the import created; so after {@code persistence_failure} or
     * {@code outcome_unknown} (whose failing batch may or may not be stored) run the same lines again.
     *
     * @param actor    the caller
     * @param options  source, currency, channel, what to create, batch size
     * @param rows     the lines, as a reader such as {@code org.crmkit.csv.SalesCsvReader} hands them over; read once.
     *                 A {@code null} among them is refused ({@code invalid_command} naming {@code rows}): before
     *                 anything is stored when {@code rows} is a {@link java.util.Collection}, else when it is reached,
     *                 the batches stored before it staying stored (a run again stores nothing twice)
     * @param progress hears about every batch
     * @return what was imported, skipped and rejected
     */
    ImportSummary importSales(Actor actor, SalesImportOptions options, Iterable<? extends ImportRow> rows,
                              ImportProgress progress);
}
