package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.Money;

/** Builds PurchaseViews from Purchases, so the view, which is API, names no domain type. */
final class PurchaseViews {
    private PurchaseViews() {
    }

    /** @param p a purchase @return its view */
    static PurchaseView of(Purchase p) {
        PurchaseSnapshot s = p.snapshot();
        Money zero = new Money(java.math.BigDecimal.ZERO, s.currency());
        return new PurchaseView(s.id(), s.version(), s.customer(), s.occurredAt(), s.channel(), s.source(),
                s.externalReference(), s.lines(), p.total(),
                s.returns().stream().map(PurchaseReturn::refund).reduce(zero, Money::plus), s.returns(),
                s.recordedAt());
    }
}
