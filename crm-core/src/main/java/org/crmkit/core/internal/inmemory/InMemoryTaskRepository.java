package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.port.out.TaskSearchCriteria;

/**
 * Tasks in memory, versioned, with their reminder leases in a table of their own (a versioned update of a task never
 * touches them, as on MySQL). Transactions of the in-memory unit of work run one at a time, so a lease committed by
 * one is seen by every later one.
 */
public final class InMemoryTaskRepository implements TaskRepository {
    private static final Comparator<TaskSnapshot> BY_DUE = Comparator.comparing(TaskSnapshot::dueAt)
            .thenComparing(t -> t.id().value(), UuidV7::compareBytes);
    private static final Comparator<TaskSnapshot> BY_REMINDER = Comparator.comparing(TaskSnapshot::pendingReminderAt)
            .thenComparing(t -> t.id().value(), UuidV7::compareBytes);

    private final InMemoryTable<TaskId, TaskSnapshot> table;
    private final InMemoryTable<TaskId, Lease> leases;

    /** A reminder lease: held by {@code claim} until {@code until}. */
    private record Lease(TaskId task, UUID claim, Instant until) {
    }

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryTaskRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<>(unitOfWork, "task", TaskSnapshot::id, TaskSnapshot::version,
                s -> s.withVersion(s.version() + 1));
        this.leases = new InMemoryTable<>(unitOfWork, "task_reminder_lease", Lease::task, l -> 0L, l -> l);
    }

    @Override
    public void add(TaskSnapshot task) {
        table.insert(task);
    }

    @Override
    public void update(TaskSnapshot task) {
        table.update(task);
    }

    @Override
    public Optional<TaskSnapshot> findById(TaskId id) {
        return table.get(id);
    }

    @Override
    public List<TaskSnapshot> search(TaskSearchCriteria criteria, int limit) {
        return table.where(t -> criteria.matches(t) && criteria.isAfterPosition(t)).stream()
                .sorted(criteria.descending() ? BY_DUE.reversed() : BY_DUE)
                .limit(Math.max(0, limit))
                
                .toList();
    }

    @Override
    public List<ReminderPosition> dueReminders(Instant asOf, ReminderPosition after, int limit) {
        return table.where(t -> t.pendingReminderAt() != null && !t.pendingReminderAt().isAfter(asOf)
                        && (after == null || isAfter(t, after))).stream()
                .sorted(BY_REMINDER)
                .limit(Math.max(0, limit))
                .map(t -> new ReminderPosition(t.pendingReminderAt(), t.id()))
                .toList();
    }

    private static boolean isAfter(TaskSnapshot t, ReminderPosition after) {
        int byTime = t.pendingReminderAt().compareTo(after.remindAt());
        return byTime > 0 || byTime == 0 && UuidV7.compareBytes(t.id().value(), after.task().value()) > 0;
    }

    @Override
    public Optional<TaskSnapshot> claimReminder(TaskId id, Instant asOf, ReminderLease lease) {
        Optional<TaskSnapshot> due = table.get(id)
                .filter(t -> t.pendingReminderAt() != null && !t.pendingReminderAt().isAfter(asOf));
        if (due.isEmpty()) {
            return due;
        }
        Lease claimed = new Lease(id, lease.claim(), lease.until());
        if (leases.get(id).isEmpty()) {
            leases.insert(claimed);
            return due;
        }
        return leases.replaceIf(id, l -> !l.until().isAfter(lease.at()), l -> claimed) ? due : Optional.empty();
    }

    @Override
    public boolean releaseReminder(TaskId id, UUID claim) {
        if (leases.get(id).filter(l -> l.claim().equals(claim)).isEmpty()) {
            return false;
        }
        leases.delete(id);
        return true;
    }

    @Override
    public List<TaskSnapshot> linkedTo(TaskLink link, Set<TaskStatus> statuses, TaskId after, int limit) {
        return table.where(t -> link.equals(t.link()) && statuses.contains(t.status())
                        && (after == null || UuidV7.compareBytes(t.id().value(), after.value()) > 0)).stream()
                .sorted(Comparator.comparing(t -> t.id().value(), UuidV7::compareBytes))
                .limit(Math.max(0, limit))
                
                .toList();
    }
}
