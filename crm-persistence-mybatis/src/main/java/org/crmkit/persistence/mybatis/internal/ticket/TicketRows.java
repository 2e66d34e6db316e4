package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.SlaTargets;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketComment;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.TicketStatus;

/** Explicit mapping between {@link TicketSnapshot} and the rows of the ticket tables. */
final class TicketRows {
    private TicketRows() {
    }

    static TicketRow toRow(TicketSnapshot s) {
        return new TicketRow(s.id().value(), s.version(), s.customer().value(), s.subject(),
                s.subject().toLowerCase(Locale.ROOT), s.description(), s.category(), s.priority().name(),
                s.channel().name(), s.purchase() == null ? null : s.purchase().value(),
                s.product() == null ? null : s.product().value(),
                s.relatedTicket() == null ? null : s.relatedTicket().value(), s.status().name(),
                s.assignee() == null ? null : s.assignee().value(),
                s.department() == null ? null : s.department().value(), s.targets().firstResponse().getSeconds(),
                s.targets().resolution().getSeconds(), s.firstResponseDueAt(), s.firstRespondedAt(),
                s.resolutionDueAt(), s.resolvedAt(), s.createdAt(), s.updatedAt());
    }

    static List<CommentRow> commentRows(TicketSnapshot s, int from) {
        List<CommentRow> rows = new ArrayList<>();
        for (int i = from; i < s.comments().size(); i++) {
            TicketComment c = s.comments().get(i);
            rows.add(new CommentRow(c.id(), s.id().value(), i, c.internal(), c.body(), c.authorType().name(),
                    c.authorRef(), c.at()));
        }
        return rows;
    }

    static List<HistoryRow> historyRows(TicketSnapshot s, int from) {
        List<HistoryRow> rows = new ArrayList<>();
        for (int i = from; i < s.history().size(); i++) {
            HistoryEntry h = s.history().get(i);
            rows.add(new HistoryRow(h.id(), s.id().value(), i, h.kind().name(), h.from(), h.to(), h.at(),
                    h.byType().name(), h.byRef(), h.reason()));
        }
        return rows;
    }

    static TicketSnapshot toSnapshot(TicketRow r, List<CommentRow> comments, List<HistoryRow> history) {
        return new TicketSnapshot(new TicketId(r.id()), r.version(), new CustomerId(r.customerId()), r.subject(),
                r.description(), r.category(), TicketPriority.valueOf(r.priority()),
                TicketChannel.valueOf(r.channel()), r.purchaseId() == null ? null : new PurchaseId(r.purchaseId()),
                r.productId() == null ? null : new ProductId(r.productId()),
                r.relatedTicketId() == null ? null : new TicketId(r.relatedTicketId()),
                TicketStatus.valueOf(r.status()), r.assigneeId() == null ? null : new StaffId(r.assigneeId()),
                r.departmentId() == null ? null : new DepartmentId(r.departmentId()),
                new SlaTargets(Duration.ofSeconds(r.firstResponseTargetS()),
                        Duration.ofSeconds(r.resolutionTargetS())),
                r.firstResponseDueAt(), r.firstRespondedAt(), r.resolutionDueAt(), r.resolvedAt(), r.createdAt(),
                r.updatedAt(), comments.stream().map(TicketRows::comment).toList(),
                history.stream().map(TicketRows::entry).toList());
    }

    private static TicketComment comment(CommentRow c) {
        return new TicketComment(c.id(), c.internal(), c.body(), ActorType.valueOf(c.authorType()), c.authorRef(),
                c.createdAt());
    }

    private static HistoryEntry entry(HistoryRow h) {
        return new HistoryEntry(h.id(), HistoryKind.valueOf(h.kind()), h.fromValue(), h.toValue(), h.at(),
                ActorType.valueOf(h.byType()), h.byRef(), h.reason());
    }

    static TicketSlaState toSlaState(SlaRow r) {
        return new TicketSlaState(new TicketId(r.id()), TicketPriority.valueOf(r.priority()),
                TicketStatus.valueOf(r.status()), new SlaTargets(Duration.ofSeconds(r.firstResponseTargetS()),
                Duration.ofSeconds(r.resolutionTargetS())), r.firstResponseDueAt(), r.firstRespondedAt(),
                r.resolutionDueAt(), r.resolvedAt());
    }

    static UUID value(TicketId id) {
        return id == null ? null : id.value();
    }
}
