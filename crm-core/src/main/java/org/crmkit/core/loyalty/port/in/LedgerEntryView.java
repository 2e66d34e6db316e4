package org.crmkit.core.loyalty.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.shared.CustomerId;

/**
 * A ledger entry as a caller sees it.
 *
 * @param id              the entry
 * @param customerId      whose ledger
 * @param kind            what it records
 * @param points          the change of the balance
 * @param shortfallChange the change of the shortfall
 * @param earned          what it adds to the points earned
 * @param balanceAfter    the balance right after it was posted (the statement lists entries in posting order)
 * @param occurredAt      when it took effect
 * @param reference       the purchase, return, lot or idempotency key it belongs to, or {@code null}
 * @param description     the reason, note, or what was expired or returned
 * @param lines           for an earning, what each purchase line earned and which rules produced it
 */
public record LedgerEntryView(UUID id, CustomerId customerId, EntryKind kind, long points, long shortfallChange,
                              long earned, long balanceAfter, Instant occurredAt, String reference,
                              String description, List<EarnedLine> lines) {

    /** @param e a stored entry @return its view */
    public static LedgerEntryView of(LedgerEntry e) {
        return new LedgerEntryView(e.id(), e.customer(), e.kind(), e.points(), e.shortfallChange(), e.earned(),
                e.balanceAfter(), e.occurredAt(), e.reference(), e.description(), e.lines());
    }
}
