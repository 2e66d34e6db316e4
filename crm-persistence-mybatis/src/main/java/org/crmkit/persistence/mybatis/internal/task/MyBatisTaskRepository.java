package org.crmkit.persistence.mybatis.internal.task;

import org.crmkit.core.task.TaskSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.port.out.TaskSearchCriteria;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Tasks in {@code crm_task}, with optimistic locking on the version column. A reminder is claimed by writing a lease
 * on the task's row ({@code reminder_claim}, {@code reminder_lease_until}; V16) with one conditional
 * {@code UPDATE}: on one server a concurrent claim waits for the row and then finds the lease; on a Galera cluster
 * with several writers the two claims conflict at certification and one fails as {@code concurrent_write}. A
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} was used before: it holds only on the node that runs it.
 */
public final class MyBatisTaskRepository implements TaskRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final TaskMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisTaskRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(TaskMapper.class);
    }

    @Override
    public void add(TaskSnapshot task) {
        mapper.insert(TaskRows.toRow(task));
    }

    @Override
    public void update(TaskSnapshot task) {
        TaskRow row = TaskRows.toRow(task);
        unitOfWork.updateVersioned("task", task.id(), task.version(), () -> mapper.update(row), () -> { });
    }

    @Override
    public Optional<TaskSnapshot> findById(TaskId id) {
        return Optional.ofNullable(mapper.selectById(id.value())).map(MyBatisTaskRepository::task);
    }

    @Override
    public List<TaskSnapshot> search(TaskSearchCriteria c, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        TaskSearchCriteria.Position after = c.after();
        TaskParams.Search params = new TaskParams.Search(c.assignee() == null ? null : c.assignee().value(),
                c.visibleTo() == null ? null : c.visibleTo().staff().value(),
                c.visibleTo() == null || c.visibleTo().department() == null ? null
                        : c.visibleTo().department().value(),
                c.statuses().stream().map(Enum::name).sorted().toList(),
                c.statuses().equals(TaskStatus.OPEN), c.dueBefore(),
                c.link() == null ? null : c.link().kind().name(), c.link() == null ? null : c.link().id(),
                c.descending(),
                after == null ? null : after.dueAt(), after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> mapper.search(params).stream().map(MyBatisTaskRepository::task).toList());
    }

    @Override
    public List<ReminderPosition> dueReminders(Instant asOf, ReminderPosition after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        TaskParams.Reminders params = new TaskParams.Reminders(asOf, after == null ? null : after.remindAt(),
                after == null ? null : after.task().value(), limit);
        return unitOfWork.inTransaction(() -> mapper.dueReminders(params).stream()
                .map(r -> new ReminderPosition(r.pendingAt(), new TaskId(r.id()))).toList());
    }

    @Override
    public Optional<TaskSnapshot> claimReminder(TaskId id, Instant asOf, ReminderLease lease) {
        int claimed = mapper.claimReminder(new TaskParams.Claim(id.value(), asOf, lease.claim(), lease.at(),
                lease.until()));
        // the row is this transaction's now: the read sees it as written
        return claimed == 1 ? findById(id) : Optional.empty();
    }

    @Override
    public boolean releaseReminder(TaskId id, UUID claim) {
        return mapper.releaseReminder(new TaskParams.Release(id.value(), claim)) == 1;
    }

    @Override
    public List<TaskSnapshot> linkedTo(TaskLink link, Set<TaskStatus> statuses, TaskId after, int limit) {
        if (limit <= 0 || statuses.isEmpty()) {
            return List.of();
        }
        TaskParams.Linked params = new TaskParams.Linked(link.kind().name(), link.id(),
                statuses.stream().map(Enum::name).sorted().toList(), after == null ? null : after.value(), limit);
        return unitOfWork.inTransaction(() -> mapper.linkedTo(params).stream().map(MyBatisTaskRepository::task)
                .toList());
    }

    private static TaskSnapshot task(TaskRow row) {
        return TaskRows.toSnapshot(row);
    }
}
