package org.crmkit.persistence.mybatis.internal.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;
import org.crmkit.persistence.mybatis.internal.support.LikePatterns;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Leads in {@code crm_lead} with their append-only history ({@code crm_lead_stage_change}) and score reasons
 * ({@code crm_lead_score_reason}), with optimistic locking on the version column. {@link #lock} reads the lead row
 * {@code FOR UPDATE} and its children with locking reads, so what it returns is the latest state whatever the
 * transaction's snapshot.
 */
public final class MyBatisLeadRepository implements LeadRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final LeadMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisLeadRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(LeadMapper.class);
    }

    @Override
    public void add(LeadSnapshot lead) {
        LeadSnapshot s = lead;
        unitOfWork.inTransaction(() -> {
            mapper.insert(LeadRows.toRow(s));
            insertChildren(s, 0);
        });
    }

    @Override
    public void update(LeadSnapshot lead) {
        LeadSnapshot s = lead;
        unitOfWork.updateVersioned("lead", lead.id(), lead.version(), () -> mapper.update(LeadRows.toRow(s)), () -> {
            // a locking read: the latest history, even under a snapshot older than the row just updated
            int stored = mapper.lastSequence(s.id().value());
            mapper.deleteReasons(s.id().value());
            insertChildren(s, stored);
        });
    }

    private void insertChildren(LeadSnapshot s, int storedHistory) {
        List<StageChangeRow> history = LeadRows.historyRows(s, storedHistory);
        if (!history.isEmpty()) {
            mapper.insertHistory(history);
        }
        List<ScoreReasonRow> reasons = LeadRows.reasonRows(s);
        if (!reasons.isEmpty()) {
            mapper.insertReasons(reasons);
        }
    }

    @Override
    public List<LeadId> convertedInto(CustomerId customer) {
        return unitOfWork.inTransaction(() -> mapper.selectConvertedInto(customer.value()).stream().map(LeadId::new)
                .toList());
    }

    @Override
    public int eraseConvertedInto(CustomerId customer) {
        return erase(customer.value(), null);
    }

    @Override
    public int erase(LeadId lead) {
        return erase(null, lead.value());
    }

    private int erase(UUID customer, UUID lead) {
        return unitOfWork.inTransaction(() -> {
            // the lead rows first: their condition looks at the history's reasons still to erase
            int erased = mapper.erase(customer, lead, LeadSnapshot.ERASED, PersonName.fold(LeadSnapshot.ERASED));
            mapper.eraseHistoryReasons(customer, lead, LeadSnapshot.ERASED);
            return erased;
        });
    }

    @Override
    public Optional<LeadSnapshot> findById(LeadId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> restore(List.of(row)).get(0)));
    }

    @Override
    public Optional<LeadSnapshot> lock(LeadId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectByIdForUpdate(id.value()))
                .map(row -> LeadRows.toSnapshot(row, mapper.selectHistoryLocked(row.id()),
                        mapper.selectReasonsLocked(row.id()))));
    }

    @Override
    public List<LeadSnapshot> search(LeadSearchCriteria c, int limit) {
        LeadSearchCriteria.SeekPosition after = c.after();
        LeadSearchParams params = new LeadSearchParams(
                c.textPrefix() == null ? null : LikePatterns.startingWith(c.textPrefix()),
                c.stage() == null ? null : c.stage().name(), c.owner() == null ? null : c.owner().value(),
                c.source() == null ? null : c.source().name(), c.minScore(), c.maxScore(), c.createdFrom(),
                c.createdBefore(), c.sort().name(), after == null ? null : after.createdAt(),
                after == null ? null : after.score(), after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.search(params)));
    }

    @Override
    public Map<StaffId, Instant> latestAssignments(Collection<StaffId> owners) {
        if (owners.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = owners.stream().map(StaffId::value).distinct().toList();
        return unitOfWork.inTransaction(() -> {
            Map<StaffId, Instant> latest = new HashMap<>();
            mapper.latestAssignments(ids).forEach(r -> latest.put(new StaffId(r.ownerId()), r.assignedAt()));
            return latest;
        });
    }

    private List<LeadSnapshot> restore(List<LeadRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(LeadRow::id).toList();
        Map<UUID, List<StageChangeRow>> history = mapper.selectHistory(ids).stream()
                .collect(Collectors.groupingBy(StageChangeRow::leadId));
        Map<UUID, List<ScoreReasonRow>> reasons = mapper.selectReasons(ids).stream()
                .collect(Collectors.groupingBy(ScoreReasonRow::leadId));
        return rows.stream().map(r -> LeadRows.toSnapshot(r, history.getOrDefault(r.id(), List.of()),
                reasons.getOrDefault(r.id(), List.of()))).toList();
    }
}
