package org.crmkit.persistence.mybatis.internal.loyalty;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.PointsLot;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository.LedgerSums;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;

/** The explicit mapping between the loyalty domain's records and their rows; no reflection on domain objects. */
final class LoyaltyRows {
    private LoyaltyRows() {
    }

    static AccountRow toRow(LoyaltyAccountSnapshot s) {
        return new AccountRow(s.customer().value(), s.version(), s.openedAt(), s.balance(), s.lifetimeEarned(),
                s.lifetimeRedeemed(), s.lastRedemptionAt(), s.shortfall(), s.tier(), s.earnedInWindow(),
                s.tierEvaluatedAt(), s.lastPosition());
    }

    static LoyaltyAccountSnapshot toState(AccountRow r) {
        return new LoyaltyAccountSnapshot(new CustomerId(r.customerId()), r.version(), r.openedAt(), r.balance(),
                r.lifetimeEarned(), r.lifetimeRedeemed(), r.lastRedemptionAt(), r.shortfall(), r.tier(),
                r.earnedInWindow(), r.tierEvaluatedAt(), r.lastPosition());
    }

    static EntryRow toRow(LedgerEntry e) {
        return new EntryRow(e.id(), e.customer().value(), e.position(), e.kind().name(), e.points(), e.shortfallChange(),
                e.earned(), e.balanceAfter(), e.occurredAt(), e.reference(), e.description(), e.earnedAt());
    }

    static List<EntryLineRow> toLineRows(LedgerEntry e) {
        return e.lines().stream().map(l -> new EntryLineRow(e.id(), l.lineNumber(), l.product().value(),
                l.quantity(), l.points(), l.explanation())).toList();
    }

    /** @param r the entry's row @param lines its lines, by number @return the entry */
    static LedgerEntry toEntry(EntryRow r, List<EntryLineRow> lines) {
        return new LedgerEntry(r.id(), new CustomerId(r.customerId()), r.position(), EntryKind.valueOf(r.kind()),
                r.points(),
                r.shortfallChange(), r.earned(), r.balanceAfter(), r.occurredAt(), r.reference(), r.description(),
                lines.stream().map(l -> new EarnedLine(l.lineNumber(), new ProductId(l.productId()), l.quantity(),
                        l.points(), l.explanation())).toList(), r.earnedAt());
    }

    /** @param rows entries in their order @param lines their lines by entry id @return the entries */
    static List<LedgerEntry> toEntries(List<EntryRow> rows, Map<UUID, List<EntryLineRow>> lines) {
        return rows.stream().map(r -> toEntry(r, lines.getOrDefault(r.id(), List.of()))).toList();
    }

    static LotRow toRow(PointsLot l) {
        return new LotRow(l.id(), l.customer().value(), l.entryId(), l.earnedAt(), l.expiresAt(), l.points(),
                l.remaining());
    }

    static PointsLot toLot(LotRow r) {
        return new PointsLot(r.id(), new CustomerId(r.customerId()), r.entryId(), r.earnedAt(), r.expiresAt(),
                r.points(), r.remaining());
    }

    static LedgerSums toSums(SumsRow r) {
        return new LedgerSums(r.balance(), r.shortfall(), r.ofEntries(), r.ofLots(), r.entryCount());
    }
}
