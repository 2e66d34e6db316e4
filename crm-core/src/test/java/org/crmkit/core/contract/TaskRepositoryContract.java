package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.port.out.TaskRepository.ReminderLease;
import org.crmkit.core.task.port.out.TaskRepository.ReminderPosition;
import org.crmkit.core.task.port.out.TaskSearchCriteria;
import org.crmkit.core.testing.ParallelCalls;
import org.junit.jupiter.api.Test;

/** What every {@link TaskRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class TaskRepositoryContract extends PortContract {
    private static final Instant T0 = TaskFixtures.T0;
    private static final Instant DUE = T0.plus(Duration.ofDays(2));

    private TaskStore repo() {
        return new TaskStore(persistence.tasks());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Task stored(Task task) {
        return TaskFixtures.stored(persistence, task);
    }

    private Task load(TaskId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private void update(Task task) {
        persistence.unitOfWork().inTransaction(() -> repo().update(task));
    }

    @Test
    void returnsEveryFieldOfANewTask() {
        DepartmentId department = StaffFixtures.storedDepartment(persistence, "Sales").id();
        StaffId assignee = TaskFixtures.staff(persistence, department);
        StaffId creator = TaskFixtures.staff(persistence);
        Task task = Task.create(TaskId.next(StaffFixtures.IDS), "Call Zoë back \uD83D\uDCDE", "Line one\nline two",
                DUE, TaskPriority.URGENT, assignee, department, creator,
                TaskLink.customer(CustomerId.next(StaffFixtures.IDS)), T0.plus(Duration.ofHours(3)), T0);
        stored(task);

        assertThat(load(task.id()).snapshot()).isEqualTo(task.snapshot());
        assertThat(tx(() -> repo().findById(TaskId.next(StaffFixtures.IDS)))).isEmpty();
    }

    @Test
    void aTaskWithoutOptionalPartsRoundTrips() {
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), DUE));
        assertThat(load(task.id()).snapshot()).isEqualTo(task.snapshot());
    }

    @Test
    void anUpdateStoresEveryChangeAndMovesTheVersionOn() {
        StaffId assignee = TaskFixtures.staff(persistence);
        DepartmentId department = StaffFixtures.storedDepartment(persistence, "Support").id();
        StaffId other = TaskFixtures.staff(persistence, department);
        Task task = stored(TaskFixtures.task(assignee, null, null, DUE, TaskLink.lead(LeadId.next(StaffFixtures.IDS)),
                T0.plusSeconds(60)));
        Instant later = T0.plus(Duration.ofMinutes(5));

        Task loaded = load(task.id());
        loaded.revise("New title", "Details", DUE.plusSeconds(3600), TaskPriority.LOW,
                TaskLink.customer(CustomerId.next(StaffFixtures.IDS)), DUE, later);
        loaded.reassign(other, department, later);
        loaded.reminderFailed("SocketTimeoutException", later);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(load(task.id()).snapshot()).isEqualTo(loaded.snapshot());

        Task again = load(task.id());
        again.complete(later.plusSeconds(1));
        update(again);
        TaskSnapshot completed = load(task.id()).snapshot();
        assertThat(completed).isEqualTo(again.snapshot());
        assertThat(completed.version()).isEqualTo(2);
        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.pendingReminderAt()).isNull();
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), DUE));
        Task first = load(task.id());
        Task second = load(task.id());
        first.start(T0.plusSeconds(1));
        update(first);

        second.cancel(T0.plusSeconds(2));
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(load(task.id()).snapshot()).isEqualTo(first.snapshot());
    }

    @Test
    void searchFiltersByAssigneeStatusDueTimeAndVisibilityInDueOrder() {
        DepartmentId sales = StaffFixtures.storedDepartment(persistence, "Sales").id();
        StaffId ann = TaskFixtures.staff(persistence, sales);
        StaffId bob = TaskFixtures.staff(persistence, sales);
        StaffId cid = TaskFixtures.staff(persistence);
        Task annLate = stored(TaskFixtures.task(ann, sales, null, DUE.plusSeconds(30), null, null));
        Task annSoon = stored(TaskFixtures.task(ann, sales, null, DUE, null, null));
        Task bobs = stored(TaskFixtures.task(bob, sales, null, DUE.plusSeconds(10), null, null));
        Task cidsByAnn = stored(TaskFixtures.task(cid, null, ann, DUE.plusSeconds(20), null, null));
        Task cidsDone = stored(TaskFixtures.task(cid, null, null, DUE.plusSeconds(5), null, null));
        Task done = load(cidsDone.id());
        done.complete(T0.plusSeconds(1));
        update(done);

        assertThat(ids(criteria(ann, null, TaskStatus.OPEN, null, false))).containsExactly(annSoon.id(), annLate.id());
        assertThat(ids(criteria(ann, null, TaskStatus.OPEN, null, true))).containsExactly(annLate.id(), annSoon.id());
        assertThat(ids(criteria(null, null, TaskStatus.OPEN, null, false)))
                .containsExactly(annSoon.id(), bobs.id(), cidsByAnn.id(), annLate.id());
        assertThat(ids(criteria(null, null, Set.of(TaskStatus.COMPLETED), null, false))).containsExactly(done.id());
        assertThat(ids(criteria(null, null, TaskStatus.OPEN, DUE.plusSeconds(20), false)))
                .containsExactly(annSoon.id(), bobs.id());
        // own: assigned to or created by ann; department: and her department's
        assertThat(ids(criteria(null, new TaskSearchCriteria.Visibility(ann, null), TaskStatus.OPEN, null, false)))
                .containsExactly(annSoon.id(), cidsByAnn.id(), annLate.id());
        assertThat(ids(criteria(null, new TaskSearchCriteria.Visibility(cid, sales), TaskStatus.OPEN, null, false)))
                .containsExactly(annSoon.id(), bobs.id(), cidsByAnn.id(), annLate.id());
        assertThat(ids(criteria(null, new TaskSearchCriteria.Visibility(bob, null), TaskStatus.OPEN, null, false)))
                .containsExactly(bobs.id());
    }

    @Test
    void searchFiltersByLinkWithVisibilityInDueOrderAndResumes() {
        DepartmentId support = StaffFixtures.storedDepartment(persistence, "Support").id();
        StaffId ann = TaskFixtures.staff(persistence, support);
        StaffId bob = TaskFixtures.staff(persistence, support);
        TaskLink ticket = TaskLink.ticket(TicketId.next(StaffFixtures.IDS));
        Task annLate = stored(TaskFixtures.task(ann, support, null, DUE.plusSeconds(30), ticket, null));
        Task annSoon = stored(TaskFixtures.task(ann, support, null, DUE, ticket, null));
        Task bobs = stored(TaskFixtures.task(bob, support, null, DUE.plusSeconds(10), ticket, null));
        Task closedOne = stored(TaskFixtures.task(ann, support, null, DUE.plusSeconds(5), ticket, null));
        Task closed = load(closedOne.id());
        closed.cancel(T0.plusSeconds(1));
        update(closed);
        // the same id under another kind, another ticket, and no link at all are not the ticket's tasks
        stored(TaskFixtures.task(ann, support, null, DUE, new TaskLink(org.crmkit.core.task.TaskLinkKind.CUSTOMER,
                ticket.id()), null));
        stored(TaskFixtures.task(ann, support, null, DUE, TaskLink.ticket(TicketId.next(StaffFixtures.IDS)), null));
        stored(TaskFixtures.task(ann, support, null, DUE, null, null));
        Set<TaskStatus> every = java.util.EnumSet.allOf(TaskStatus.class);

        assertThat(ids(linked(ticket, null, every, false, null)))
                .containsExactly(annSoon.id(), closed.id(), bobs.id(), annLate.id());
        assertThat(ids(linked(ticket, null, TaskStatus.OPEN, true, null)))
                .containsExactly(annLate.id(), bobs.id(), annSoon.id());
        assertThat(ids(linked(ticket, new TaskSearchCriteria.Visibility(bob, null), every, false, null)))
                .containsExactly(bobs.id());
        assertThat(ids(linked(ticket, new TaskSearchCriteria.Visibility(bob, support), TaskStatus.OPEN, false, null)))
                .containsExactly(annSoon.id(), bobs.id(), annLate.id());
        assertThat(tx(() -> repo().search(linked(ticket, null, every, false,
                new TaskSearchCriteria.Position(DUE.plusSeconds(5), closed.id())), 1))).extracting(Task::id)
                .containsExactly(bobs.id());
    }

    private static TaskSearchCriteria linked(TaskLink link, TaskSearchCriteria.Visibility visibility,
                                             Set<TaskStatus> statuses, boolean descending,
                                             TaskSearchCriteria.Position after) {
        return new TaskSearchCriteria(null, visibility, statuses, null, descending, after, link);
    }

    @Test
    void searchPagesByKeysetThroughEqualDueTimesInBothDirections() {
        StaffId ann = TaskFixtures.staff(persistence);
        List<TaskId> ascending = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // ids whose first byte has the high bit set sort after the others when compared as unsigned bytes
            TaskId id = i % 2 == 0 ? new TaskId(StaffFixtures.withHighBit(TaskId.next(StaffFixtures.IDS).value()))
                    : TaskId.next(StaffFixtures.IDS);
            Task task = Task.create(id, "Task " + i, null, DUE.plusSeconds(i / 3), TaskPriority.HIGH, ann, null,
                    null, null, null, T0);
            stored(task);
        }
        List<Task> all = tx(() -> repo().search(criteria(ann, null, TaskStatus.OPEN, null, false), 100));
        all.forEach(t -> ascending.add(t.id()));
        assertThat(ascending).hasSize(7);
        for (int i = 1; i < all.size(); i++) {
            TaskSnapshot a = all.get(i - 1).snapshot();
            TaskSnapshot b = all.get(i).snapshot();
            assertThat(a.dueAt().isBefore(b.dueAt()) || a.dueAt().equals(b.dueAt())
                    && org.crmkit.core.shared.UuidV7.compareBytes(a.id().value(), b.id().value()) < 0).isTrue();
        }
        for (boolean descending : new boolean[] {false, true}) {
            List<TaskId> paged = new ArrayList<>();
            TaskSearchCriteria.Position after = null;
            while (true) {
                TaskSearchCriteria c = new TaskSearchCriteria(ann, null, TaskStatus.OPEN, null, descending, after);
                List<Task> page = tx(() -> repo().search(c, 2));
                page.forEach(t -> paged.add(t.id()));
                if (page.size() < 2) {
                    break;
                }
                Task last = page.get(page.size() - 1);
                after = new TaskSearchCriteria.Position(last.snapshot().dueAt(), last.id());
            }
            List<TaskId> expected = new ArrayList<>(ascending);
            if (descending) {
                java.util.Collections.reverse(expected);
            }
            assertThat(paged).as("descending %s", descending).isEqualTo(expected);
        }
    }

    @Test
    void dueRemindersListsPendingRemindersUpToTheRunsTimeInOrderAndResumes() {
        StaffId ann = TaskFixtures.staff(persistence);
        Instant r1 = T0.plusSeconds(60);
        Task second = stored(TaskFixtures.task(ann, null, null, DUE, null, r1.plusSeconds(1)));
        Task first = stored(TaskFixtures.task(ann, null, null, DUE, null, r1));
        Task later = stored(TaskFixtures.task(ann, null, null, DUE, null, r1.plusSeconds(3600)));
        Task sent = stored(TaskFixtures.task(ann, null, null, DUE, null, r1));
        Task cancelled = stored(TaskFixtures.task(ann, null, null, DUE, null, r1));
        Task failing = stored(TaskFixtures.task(ann, null, null, DUE, null, r1.plusSeconds(2)));
        stored(TaskFixtures.task(ann, DUE));
        Task s = load(sent.id());
        s.reminderSent(r1);
        update(s);
        Task c = load(cancelled.id());
        c.cancel(r1);
        update(c);
        Task f = load(failing.id());
        f.reminderFailed("IllegalStateException", r1);
        update(f);
        Instant asOf = r1.plusSeconds(10);

        List<ReminderPosition> due = tx(() -> repo().dueReminders(asOf, null, 10));
        assertThat(due).extracting(ReminderPosition::task).containsExactly(first.id(), second.id(), failing.id());
        assertThat(due.get(0).remindAt()).isEqualTo(r1);
        assertThat(tx(() -> repo().dueReminders(asOf, due.get(0), 1))).extracting(ReminderPosition::task)
                .containsExactly(second.id());
        assertThat(tx(() -> repo().dueReminders(asOf, due.get(2), 10))).isEmpty();
        assertThat(tx(() -> repo().dueReminders(r1.minusNanos(1000), null, 10))).isEmpty();
        assertThat(tx(() -> repo().dueReminders(later.snapshot().remindAt(), null, 10))).hasSize(4);
    }

    /** A lease made at {@code at}, live for a minute. */
    private static ReminderLease lease(Instant at) {
        return new ReminderLease(UUID.randomUUID(), at, at.plusSeconds(60));
    }

    @Test
    void aReminderGivenUpAfterTheMaximumOfFailuresIsNoLongerDue() {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));
        for (int i = 0; i < TaskSnapshot.MAX_REMINDER_ATTEMPTS; i++) {
            Task t = load(task.id());
            t.reminderFailed("IOException", r1.plusSeconds(i));
            update(t);
        }
        assertThat(load(task.id()).snapshot().reminderAttempts()).isEqualTo(TaskSnapshot.MAX_REMINDER_ATTEMPTS);
        assertThat(tx(() -> repo().dueReminders(DUE, null, 10))).isEmpty();
        assertThat(tx(() -> repo().claimReminder(task.id(), DUE, lease(DUE)))).isEmpty();
    }

    @Test
    void aClaimReturnsTheTaskOnlyWhileItsReminderIsDueAndLeavesItsVersion() {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));

        assertThat(tx(() -> repo().claimReminder(task.id(), r1.minusNanos(1000), lease(r1)))).isEmpty();
        assertThat(tx(() -> repo().claimReminder(TaskId.next(StaffFixtures.IDS), r1, lease(r1)))).isEmpty();
        ReminderLease lease = lease(r1);
        Optional<Task> claimed = tx(() -> repo().claimReminder(task.id(), r1, lease));
        assertThat(claimed.map(Task::snapshot)).contains(task.snapshot());

        persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().releaseReminder(task.id(), lease.claim())).isTrue();
            Task t = repo().findById(task.id()).orElseThrow();
            t.reminderSent(r1);
            repo().update(t);
        });
        // sent: never claimed again, whatever the lease
        assertThat(tx(() -> repo().claimReminder(task.id(), DUE, lease(DUE)))).isEmpty();
        assertThat(load(task.id()).snapshot().version()).isEqualTo(task.snapshot().version() + 1);
    }

    @Test
    void aCommittedLeaseHoldsTheReminderUntilItEndsAndThenItIsClaimedAgain() {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));
        ReminderLease first = new ReminderLease(UUID.randomUUID(), r1, r1.plusSeconds(300));
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, first))).isPresent();

        // a live lease: another run skips the task, up to the instant before the lease ends
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease(r1.plusSeconds(10))))).isEmpty();
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease(r1.plusSeconds(300).minusNanos(1000)))))
                .isEmpty();
        // the run died: once its lease has ended another run claims the reminder, and the first one's release finds
        // it no longer holds the task
        ReminderLease second = lease(r1.plusSeconds(300));
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, second)).map(Task::snapshot))
                .contains(task.snapshot());
        assertThat(tx(() -> repo().releaseReminder(task.id(), first.claim()))).isFalse();
        assertThat(tx(() -> repo().releaseReminder(task.id(), second.claim()))).isTrue();
        assertThat(tx(() -> repo().releaseReminder(task.id(), second.claim()))).isFalse();
        // released and not recorded as sent (the notifier failed): due again at once
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease(r1.plusSeconds(301))))).isPresent();
    }

    @Test
    void aClaimRolledBackLeavesNoLease() {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().claimReminder(task.id(), r1, lease(r1))).isPresent();
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease(r1)))).isPresent();
    }

    @Test
    void aLeaseSurvivesAnUpdateOfTheTask() {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));
        ReminderLease lease = lease(r1);
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease))).isPresent();
        Task t = load(task.id());
        t.reminderFailed("IOException", r1);
        update(t);
        assertThat(tx(() -> repo().claimReminder(task.id(), r1, lease(r1.plusSeconds(1))))).isEmpty();
        assertThat(tx(() -> repo().releaseReminder(task.id(), lease.claim()))).isTrue();
    }

    @Test
    void ofClaimsMadeAtOnceExactlyOneGetsTheReminder() throws Exception {
        Instant r1 = T0.plusSeconds(60);
        Task task = stored(TaskFixtures.task(TaskFixtures.staff(persistence), null, null, DUE, null, r1));

        List<ParallelCalls.Outcome<Boolean>> outcomes = ParallelCalls.run(4, i -> () ->
                tx(() -> repo().claimReminder(task.id(), r1, lease(r1))).isPresent());

        // one claim; the others found its lease (or, on a cluster of writers, failed certification)
        assertThat(outcomes).filteredOn(o -> "ok".equals(o.code()) && Boolean.TRUE.equals(o.value())).hasSize(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.code()).isIn("ok", "concurrent_write"));
    }

    @Test
    void linkedToReturnsTheTasksOfALinkInTheGivenStatesByIdAndResumes() {
        StaffId ann = TaskFixtures.staff(persistence);
        TaskLink lead = TaskLink.lead(LeadId.next(StaffFixtures.IDS));
        TaskLink otherLead = TaskLink.lead(LeadId.next(StaffFixtures.IDS));
        Task a = stored(TaskFixtures.task(ann, null, null, DUE, lead, null));
        Task b = stored(TaskFixtures.task(ann, null, null, DUE.plusSeconds(1), lead, null));
        Task closed = stored(TaskFixtures.task(ann, null, null, DUE, lead, null));
        stored(TaskFixtures.task(ann, null, null, DUE, otherLead, null));
        stored(TaskFixtures.task(ann, null, null, DUE, new TaskLink(
                org.crmkit.core.task.TaskLinkKind.CUSTOMER, lead.id()), null));
        Task c = load(closed.id());
        c.complete(T0.plusSeconds(1));
        update(c);

        List<TaskId> expected = new ArrayList<>(List.of(a.id(), b.id()));
        expected.sort((x, y) -> org.crmkit.core.shared.UuidV7.compareBytes(x.value(), y.value()));
        assertThat(tx(() -> repo().linkedTo(lead, TaskStatus.OPEN, null, 10))).extracting(Task::id).isEqualTo(expected);
        assertThat(tx(() -> repo().linkedTo(lead, TaskStatus.OPEN, expected.get(0), 10))).extracting(Task::id)
                .containsExactly(expected.get(1));
        assertThat(tx(() -> repo().linkedTo(lead, TaskStatus.OPEN, null, 1))).extracting(Task::id)
                .containsExactly(expected.get(0));
        assertThat(tx(() -> repo().linkedTo(lead, Set.of(TaskStatus.COMPLETED), null, 10))).extracting(Task::id)
                .containsExactly(closed.id());
        assertThat(tx(() -> repo().linkedTo(lead, java.util.EnumSet.allOf(TaskStatus.class), null, 10)))
                .hasSize(3);
    }

    private static TaskSearchCriteria criteria(StaffId assignee, TaskSearchCriteria.Visibility visibility,
                                               Set<TaskStatus> statuses, Instant dueBefore, boolean descending) {
        return new TaskSearchCriteria(assignee, visibility, statuses, dueBefore, descending, null);
    }

    private List<TaskId> ids(TaskSearchCriteria criteria) {
        return tx(() -> repo().search(criteria, 100)).stream().map(Task::id).toList();
    }
}
