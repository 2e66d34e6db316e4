package org.crmkit.core.task.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.port.out.TaskSearchCriteria;

/**
 * The task area's repository of aggregates, on the adapter's {@link TaskRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class TaskStore {
    private final TaskRepository port;

    /** @param port the adapter's port */
    public TaskStore(TaskRepository port) {
        this.port = port;
    }

    /** @see TaskRepository#add */
    public void add(Task task) {
        port.add(task.snapshot());
    }

    /** @see TaskRepository#update */
    public void update(Task task) {
        port.update(task.snapshot());
        task.recordStored();
    }

    /** @see TaskRepository#findById */
    public Optional<Task> findById(TaskId id) {
        return port.findById(id).map(Task::restore);
    }

    /** @see TaskRepository#search */
    public List<Task> search(TaskSearchCriteria criteria, int limit) {
        return port.search(criteria, limit).stream().map(Task::restore).toList();
    }

    /** @see TaskRepository#dueReminders */
    public List<TaskRepository.ReminderPosition> dueReminders(Instant asOf, TaskRepository.ReminderPosition after, int limit) {
        return port.dueReminders(asOf, after, limit);
    }

    /** @see TaskRepository#claimReminder */
    public Optional<Task> claimReminder(TaskId id, Instant asOf, TaskRepository.ReminderLease lease) {
        return port.claimReminder(id, asOf, lease).map(Task::restore);
    }

    /** @see TaskRepository#releaseReminder */
    public boolean releaseReminder(TaskId id, java.util.UUID claim) {
        return port.releaseReminder(id, claim);
    }

    /** @see TaskRepository#linkedTo */
    public List<Task> linkedTo(TaskLink link, Set<TaskStatus> statuses, TaskId after, int limit) {
        return port.linkedTo(link, statuses, after, limit).stream().map(Task::restore).toList();
    }
}
