package org.crmkit.core.internal.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.UuidV7;

/** The audit trail in memory: an append-only list inside the unit of work. */
public final class InMemoryAuditLog implements AuditLog {
    private final InMemoryUnitOfWork unitOfWork;
    private final List<AuditEntry> entries = new ArrayList<>();

    /** @param unitOfWork the unit of work whose transactions this log takes part in */
    public InMemoryAuditLog(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(AuditEntry entry) {
        unitOfWork.inTransaction(() -> {
            entries.add(entry);
            unitOfWork.onRollback(() -> entries.remove(entries.size() - 1));
        });
    }

    @Override
    public List<AuditEntry> findByTarget(String targetType, UUID targetId) {
        return unitOfWork.inTransaction(() -> entries.stream()
                .filter(e -> e.targetType().equals(targetType) && targetId.equals(e.targetId()))
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id, UuidV7::compareBytes))
                .toList());
    }

    @Override
    public List<AuditEntry> search(AuditCriteria criteria, int limit) {
        return unitOfWork.inTransaction(() -> entries.stream()
                .filter(criteria::matches)
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id, UuidV7::compareBytes)
                        .reversed())
                .limit(limit)
                .toList());
    }

    @Override
    public long count() {
        return unitOfWork.inTransaction(() -> (long) entries.size());
    }
}
