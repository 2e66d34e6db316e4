package org.crmkit.persistence.mybatis.internal.quote;

import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;

/** Maps quote snapshots to rows and back, explicitly. */
final class QuoteRows {
    private QuoteRows() {
    }

    static QuoteRow toRow(QuoteSnapshot s) {
        return new QuoteRow(s.id().value(), s.version(), s.customer().value(), s.currency().getCurrencyCode(),
                s.message(), s.status().name(), s.requestedAt(), s.answeredAt(),
                s.answeredBy() == null ? null : s.answeredBy().value(), s.validUntil(), s.terms(), s.closedAt(),
                s.purchase() == null ? null : s.purchase().value(), s.rejection());
    }

    static List<QuoteLineRow> toLineRows(QuoteSnapshot s) {
        return s.lines().stream().map(l -> new QuoteLineRow(s.id().value(), l.number(), l.product().value(),
                l.quantity(), l.unitPrice() == null ? null : l.unitPrice().amount())).toList();
    }

    static QuoteSnapshot toSnapshot(QuoteRow r, List<QuoteLineRow> lines) {
        Currency currency = Currency.getInstance(r.currency());
        return new QuoteSnapshot(new QuoteId(r.id()), r.version(), new CustomerId(r.customerId()), currency,
                r.message(), lines.stream().map(l -> new QuoteLine(l.lineNumber(), new ProductId(l.productId()),
                        l.quantity(), l.unitPrice() == null ? null : new Money(l.unitPrice(), currency))).toList(),
                QuoteStatus.valueOf(r.status()), r.requestedAt(), r.answeredAt(),
                r.answeredBy() == null ? null : new StaffId(r.answeredBy()), r.validUntil(), r.terms(),
                r.closedAt(), r.purchaseId() == null ? null : new PurchaseId(r.purchaseId()), r.rejection());
    }

    static List<UUID> ids(List<QuoteRow> rows) {
        return rows.stream().map(QuoteRow::id).toList();
    }
}
