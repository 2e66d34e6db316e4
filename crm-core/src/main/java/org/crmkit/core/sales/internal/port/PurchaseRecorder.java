package org.crmkit.core.sales.internal.port;

import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;

/**
 * How another area records a purchase as part of its own use case (quote acceptance): in that use case's
 * transaction, after it has checked its own caller for its own permission, so without asking the host's
 * {@code AccessPolicy} whether that caller may record sales. Never a host's.
 */
public interface PurchaseRecorder {

    /**
     * Records the purchase exactly as {@code Sales.recordPurchase} does (validation, idempotency by reference,
     * loyalty earning, events), without the access check.
     *
     * @param caller  the resolved caller of the other area's use case, whom the audit entry names
     * @param command the purchase
     * @return the purchase, or the one already recorded under the same reference with the same content
     * @throws org.crmkit.core.shared.ConflictException ({@code duplicate}) when the reference holds another purchase
     */
    PurchaseView record(Actor caller, RecordPurchaseCommand command);
}
