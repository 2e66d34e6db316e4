package org.crmkit.persistence.mybatis.internal.sales;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.ReturnLine;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.out.PurchaseRepository.CurrencyTotals;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;

/**
 * The explicit mapping between a purchase snapshot and its rows; no reflection on domain objects. Amounts are stored
 * without currency: the purchase's currency is every one's. DECIMAL(19,4) reads back with four decimals; Money
 * normalizes them to the currency's digits again.
 */
final class PurchaseRows {
    private PurchaseRows() {
    }

    static PurchaseRow toRow(PurchaseSnapshot s) {
        return new PurchaseRow(s.id().value(), s.version(), s.customer() == null ? null : s.customer().value(),
                s.occurredAt(), s.channel().name(), s.source(), s.externalReference(),
                s.currency().getCurrencyCode(), s.recordedAt());
    }

    static List<PurchaseLineRow> toLineRows(PurchaseSnapshot s) {
        return s.lines().stream().map(l -> new PurchaseLineRow(s.id().value(), l.number(), l.product().value(),
                l.quantity(), l.unitPrice().amount(), l.returned())).toList();
    }

    static ReturnRow toReturnRow(PurchaseId purchase, PurchaseReturn r) {
        return new ReturnRow(r.id(), purchase.value(), r.occurredAt(), r.refund().amount(), r.reference());
    }

    static List<ReturnLineRow> toReturnLineRows(PurchaseReturn r) {
        return r.lines().stream()
                .map(l -> new ReturnLineRow(r.id(), l.lineNumber(), l.quantity(), l.refund().amount())).toList();
    }

    static List<UUID> ids(List<PurchaseRow> rows) {
        return rows.stream().map(PurchaseRow::id).toList();
    }

    /**
     * @param r       the purchase's row
     * @param lines   its lines, by number
     * @param returns its returns with their lines, oldest first, each return's lines by number
     * @return the snapshot
     */
    static PurchaseSnapshot toSnapshot(PurchaseRow r, List<PurchaseLineRow> lines, List<ReturnWithLineRow> returns) {
        Currency currency = Currency.getInstance(r.currency());
        List<PurchaseLine> purchaseLines = lines.stream().map(l -> new PurchaseLine(l.lineNumber(),
                new ProductId(l.productId()), l.quantity(), new Money(l.unitPrice(), currency), l.returned())).toList();
        Map<UUID, List<ReturnWithLineRow>> byReturn = new LinkedHashMap<>();
        returns.forEach(row -> byReturn.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<PurchaseReturn> purchaseReturns = byReturn.values().stream().map(rows -> {
            ReturnWithLineRow head = rows.get(0);
            List<ReturnLine> returnLines = rows.stream().filter(row -> row.lineNumber() != null)
                    .map(row -> new ReturnLine(row.lineNumber(), row.quantity(), new Money(row.lineRefund(), currency)))
                    .toList();
            return new PurchaseReturn(head.id(), head.occurredAt(), returnLines, new Money(head.refund(), currency),
                    head.reference());
        }).toList();
        return new PurchaseSnapshot(new PurchaseId(r.id()), r.version(),
                r.customerId() == null ? null : new CustomerId(r.customerId()), r.occurredAt(),
                SalesChannel.valueOf(r.channel()), r.source(), r.externalReference(), currency, purchaseLines,
                purchaseReturns, r.recordedAt());
    }

    static CurrencyTotals toTotals(TotalsRow r) {
        Currency currency = Currency.getInstance(r.currency());
        return new CurrencyTotals(currency, r.purchases(), new MoneyTotal(r.amount(), currency), r.firstAt(), r.lastAt());
    }
}
