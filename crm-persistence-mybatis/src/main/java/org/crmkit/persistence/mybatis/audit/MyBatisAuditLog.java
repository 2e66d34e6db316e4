package org.crmkit.persistence.mybatis.audit;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.persistence.mybatis.support.MyBatisUnitOfWork;

/** The audit trail in {@code crm_audit_entry}: append-only. */
public final class MyBatisAuditLog implements AuditLog {
    private final MyBatisUnitOfWork unitOfWork;
    private final AuditMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisAuditLog(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(AuditMapper.class);
    }

    @Override
    public void append(AuditEntry e) {
        mapper.insert(new AuditRow(e.id(), e.at(), e.actorType().name(), e.actorRef(), e.action(), e.targetType(),
                e.targetId(), e.outcome().name()));
    }

    @Override
    public List<AuditEntry> findByTarget(String targetType, UUID targetId) {
        return unitOfWork.inTransaction(() -> mapper.selectByTarget(targetType, targetId).stream()
                .map(r -> new AuditEntry(r.id(), r.at(), ActorType.valueOf(r.actorType()), r.actorRef(), r.action(),
                        r.targetType(), r.targetId(), AuditOutcome.valueOf(r.outcome())))
                .toList());
    }

    @Override
    public long count() {
        return mapper.count();
    }
}
