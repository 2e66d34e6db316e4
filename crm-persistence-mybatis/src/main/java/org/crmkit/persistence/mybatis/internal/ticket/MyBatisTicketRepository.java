package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;
import org.crmkit.persistence.mybatis.internal.support.LikePatterns;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Tickets in {@code crm_ticket} with their comments in {@code crm_ticket_comment} and their history in
 * {@code crm_ticket_history}, both append-only and ordered by position. A page of tickets is read in three statements
 * (tickets, comments, history); the scan of pending tickets' SLA figures in one, of the ticket rows alone. An update is
 * versioned; the children not stored yet are inserted after it, while it holds the ticket's row. Breach claims are
 * conditional updates of their own columns.
 */
public final class MyBatisTicketRepository implements TicketRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final TicketMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisTicketRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(TicketMapper.class);
    }

    @Override
    public void add(TicketSnapshot ticket) {
        TicketSnapshot s = ticket;
        unitOfWork.inTransaction(() -> {
            mapper.insert(TicketRows.toRow(s));
            insertChildren(s, 0, 0);
        });
    }

    @Override
    public void update(TicketSnapshot ticket) {
        TicketSnapshot s = ticket;
        unitOfWork.updateVersioned("ticket", ticket.id(), ticket.version(), () -> mapper.update(TicketRows.toRow(s)),
                () -> insertChildren(s, mapper.countComments(s.id().value()), mapper.countHistory(s.id().value())));
    }

    @Override
    public void updateErased(TicketSnapshot ticket) {
        TicketSnapshot s = ticket;
        unitOfWork.updateVersioned("ticket", ticket.id(), ticket.version(),
                () -> mapper.updateWithTexts(TicketRows.toRow(s)), () -> {
            int stored = mapper.countComments(s.id().value());
            List<CommentRow> rewritten = TicketRows.commentRows(s, 0).subList(0, stored);
            if (!rewritten.isEmpty()) {
                mapper.rewriteComments(s.id().value(), rewritten);
            }
            int storedHistory = mapper.countHistory(s.id().value());
            List<HistoryRow> reasons = TicketRows.historyRows(s, 0).subList(0, storedHistory);
            if (!reasons.isEmpty()) {
                mapper.rewriteHistoryReasons(s.id().value(), reasons);
            }
            insertChildren(s, stored, storedHistory);
        });
    }

    private void insertChildren(TicketSnapshot s, int storedComments, int storedHistory) {
        List<CommentRow> comments = TicketRows.commentRows(s, storedComments);
        if (!comments.isEmpty()) {
            mapper.insertComments(comments);
        }
        List<HistoryRow> history = TicketRows.historyRows(s, storedHistory);
        if (!history.isEmpty()) {
            mapper.insertHistory(history);
        }
    }

    @Override
    public Optional<TicketSnapshot> findById(TicketId id) {
        return unitOfWork.inTransaction(() -> {
            TicketRow row = mapper.selectById(id.value());
            return row == null ? Optional.<TicketSnapshot>empty() : Optional.of(restore(List.of(row)).get(0));
        });
    }

    @Override
    public List<TicketSnapshot> search(TicketCriteria c, EntryPosition after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SearchParams params = params(c, after == null ? null : after.at(), after == null ? null : after.id(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.search(params)));
    }

    @Override
    public List<TicketSlaState> findPendingSla(TicketCriteria criteria, TicketId after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SearchParams params = params(criteria, null, TicketRows.value(after), limit);
        // the ticket rows' SLA columns alone: no comment or history is read (restore is not called)
        return unitOfWork.inTransaction(() -> mapper.selectPendingSla(params).stream().map(TicketRows::toSlaState)
                .toList());
    }

    private static SearchParams params(TicketCriteria c, Instant afterAt, UUID afterId, int limit) {
        return new SearchParams(c.statuses().stream().map(Enum::name).sorted().toList(),
                c.priority() == null ? null : c.priority().name(), c.assignee() == null ? null : c.assignee().value(),
                c.department() == null ? null : c.department().value(),
                c.customer() == null ? null : c.customer().value(), c.category(), c.breachedAsOf(), c.createdFrom(),
                c.createdBefore(), c.text() == null ? null : LikePatterns.containing(c.text()),
                c.scopeCustomer() == null ? null : c.scopeCustomer().value(),
                c.scopeAgent() == null ? null : c.scopeAgent().value(),
                c.scopeDepartment() == null ? null : c.scopeDepartment().value(), afterAt, afterId, limit);
    }

    @Override
    public List<BreachCandidate> findUnnotifiedBreaches(Instant asOf, BreachCandidate after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> mapper.selectUnnotifiedBreaches(asOf,
                after == null ? null : after.ticketId().value(), after == null ? null : after.target().name(), limit)
                .stream().map(r -> new BreachCandidate(new TicketId(r.ticketId()), SlaTarget.valueOf(r.target()),
                        r.dueAt())).toList());
    }

    @Override
    public boolean claimBreach(TicketId id, SlaTarget target, Instant at) {
        return unitOfWork.inTransaction(() -> (target == SlaTarget.FIRST_RESPONSE
                ? mapper.claimFirstResponse(id.value(), at) : mapper.claimResolution(id.value(), at)) == 1);
    }

    @Override
    public void releaseBreach(TicketId id, SlaTarget target, Instant claimedAt) {
        unitOfWork.inTransaction(() -> target == SlaTarget.FIRST_RESPONSE
                ? mapper.releaseFirstResponse(id.value(), claimedAt)
                : mapper.releaseResolution(id.value(), claimedAt));
    }

    @Override
    public Optional<Instant> breachNotifiedAt(TicketId id, SlaTarget target) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(target == SlaTarget.FIRST_RESPONSE
                ? mapper.selectFirstResponseNotifiedAt(id.value()) : mapper.selectResolutionNotifiedAt(id.value())));
    }

    @Override
    public List<TicketSnapshot> findForReport(Instant from, Instant to, TicketId after, int limit) {
        return limit <= 0 ? List.of() : unitOfWork.inTransaction(() -> restore(mapper.selectForReport(from, to,
                TicketRows.value(after), limit)));
    }

    private List<TicketSnapshot> restore(List<TicketRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(TicketRow::id).toList();
        Map<UUID, List<CommentRow>> comments = new HashMap<>();
        mapper.selectComments(ids).forEach(c -> comments.computeIfAbsent(c.ticketId(), k -> new java.util.ArrayList<>())
                .add(c));
        Map<UUID, List<HistoryRow>> history = new HashMap<>();
        mapper.selectHistory(ids).forEach(h -> history.computeIfAbsent(h.ticketId(), k -> new java.util.ArrayList<>())
                .add(h));
        return rows.stream().map(r -> TicketRows.toSnapshot(r, comments.getOrDefault(r.id(),
                List.of()), history.getOrDefault(r.id(), List.of()))).toList();
    }
}
