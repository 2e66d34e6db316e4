package org.crmkit.persistence.mybatis.internal.audit;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.persistence.mybatis.internal.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/** The audit trail in {@code crm_audit_entry}: append-only, searched newest first. */
public final class MyBatisAuditLog implements AuditLog {
    private static final MultiRowInsert<AuditRow> ENTRIES = MultiRowInsert.of("crm_audit_entry", AuditRow.class);

    private final MyBatisUnitOfWork unitOfWork;
    private final AuditMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisAuditLog(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(AuditMapper.class);
    }

    @Override
    public void append(AuditEntry e) {
        mapper.insert(toRow(e));
    }

    /** Appends the entries in multi-row inserts of at most {@value MultiRowInsert#CHUNK} rows. */
    @Override
    public void appendAll(List<AuditEntry> entries) {
        ENTRIES.insert(unitOfWork, entries.stream().map(MyBatisAuditLog::toRow).toList());
    }

    private static AuditRow toRow(AuditEntry e) {
        return new AuditRow(e.id(), e.at(), e.actorType().name(), e.actorRef(), e.action(), e.targetType(),
                e.targetId(), e.outcome().name());
    }

    @Override
    public List<AuditEntry> findByTarget(String targetType, UUID targetId) {
        if (!isAscii(targetType)) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> mapper.selectByTarget(targetType, targetId).stream()
                .map(MyBatisAuditLog::toEntry)
                .toList());
    }

    @Override
    public List<AuditEntry> search(AuditCriteria c, int limit) {
        if (!isAscii(c.action()) || !isAscii(c.targetType())) {
            return List.of();
        }
        EntryPosition after = c.after();
        SearchParams params = new SearchParams(c.actorType() == null ? null : c.actorType().name(), c.actorRef(),
                c.action(), c.targetType(), c.targetId(), c.from(), c.before(),
                c.outcome() == null ? null : c.outcome().name(),
                after == null ? null : after.at(), after == null ? null : after.id(), limit);
        return mapper.search(params).stream().map(MyBatisAuditLog::toEntry).toList();
    }

    @Override
    public long count() {
        return mapper.count();
    }

    /**
     * Action and target type are ASCII columns: text outside ASCII matches no entry, and the server would refuse
     * to compare it ("illegal mix of collations") rather than find nothing.
     */
    private static boolean isAscii(String text) {
        return text == null || text.chars().allMatch(c -> c < 0x80);
    }

    private static AuditEntry toEntry(AuditRow r) {
        return new AuditEntry(r.id(), r.at(), ActorType.valueOf(r.actorType()), r.actorRef(), r.action(),
                r.targetType(), r.targetId(), AuditOutcome.valueOf(r.outcome()));
    }
}
