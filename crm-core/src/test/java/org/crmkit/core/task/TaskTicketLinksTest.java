package org.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.LinkedTasksQuery;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.task.port.out.TaskSearchCriteria;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks about support tickets: a ticket link is checked as the caller through {@code tickets.findById} (the ticket
 * area's own object-level rules: an agent reaches the tickets assigned to them and those in their department's
 * queue), the tasks of a ticket are listed for whoever may read the ticket, narrowed to the tasks they may see, and a
 * customer's erasure reaches the tasks about their tickets.
 */
class TaskTicketLinksTest {
    private static final Actor SYSTEM = TicketWorld.SYSTEM;

    private TicketWorld world;
    private Tasks tasks;
    private Refusals refusals;
    private TicketId alicesTicket;
    private TicketId bobsTicket;

    @BeforeEach
    void setUp() {
        world = TicketWorld.inMemory();
        tasks = world.crm.tasks();
        alicesTicket = world.submit(SYSTEM, world.alice.id()).id();
        bobsTicket = world.submit(SYSTEM, world.bob.id()).id();
        refusals = new Refusals(world.crm, world.publisher, () -> new TaskStore(world.store.tasks()).search(
                new TaskSearchCriteria(null, null, java.util.EnumSet.allOf(TaskStatus.class), null, false, null),
                1000).stream().map(Task::snapshot).toList());
        world.publisher.clear();
    }

    private Instant in(Duration d) {
        return world.clock.instant().plus(d);
    }

    private TaskView create(Actor by, String title, Duration dueIn, Actor assignee, TaskLinkData link) {
        return tasks.create(by, CreateTaskCommand.builder().title(title).description("Call " + title)
                .dueAt(in(dueIn)).priority(TaskPriority.MEDIUM)
                .assigneeId(assignee == null ? null : TicketWorld.idOf(assignee)).link(link).build());
    }

    @Test
    void anAgentLinksATaskToATicketInTheirQueueAndTheTaskShowsTheLink() {
        TaskView task = create(world.agentA, "Ring the printer shop", Duration.ofDays(1), null,
                TaskLinkData.ticket(alicesTicket));

        assertThat(task.link()).isEqualTo(TaskLinkData.ticket(alicesTicket));
        assertThat(task.link().kind()).isEqualTo(TaskLinkKind.TICKET);
        assertThat(tasks.findById(world.agentA, task.id())).map(TaskView::link)
                .contains(TaskLinkData.ticket(alicesTicket));
        TaskView moved = tasks.update(world.agentA, UpdateTaskCommand.of(task.id())
                .link(TaskLinkData.ticket(bobsTicket)).build());
        assertThat(moved.link()).isEqualTo(TaskLinkData.ticket(bobsTicket));
    }

    @Test
    void anUnknownTicketIsABadCommandOnLinkIdAndNothingIsWritten() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class, () -> create(world.manager,
                "Nowhere", Duration.ofDays(1), null, TaskLinkData.ticket(TicketId.next(world.clock))));
        assertThat(e.fields()).containsExactly("link.id");
        assertThat(e.errors().get(0).message()).contains("existing ticket");
        // an agent's grant reaches only tickets that are someone's, so the ticket read refuses a ticket of nobody
        refusals.deniedAndAuditedOnce(() -> create(world.agentA, "Nowhere", Duration.ofDays(1), null,
                TaskLinkData.ticket(TicketId.next(world.clock))));
    }

    @Test
    void aTicketTheCallerMayNotReadIsRefusedAndAuditedAsTheTicketRead() {
        // the billing agent reaches neither the support queue's tickets nor those assigned to others
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> create(world.billingAgent, "Peek",
                Duration.ofDays(1), null, TaskLinkData.ticket(alicesTicket)));
        assertThat(e.permission()).isEqualTo(TicketPermission.TICKET_VIEW);
        assertThat(e.action()).isEqualTo("ticket.view");
    }

    @Test
    void aCustomerCannotLinkATaskEvenToTheirOwnTicket() {
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> create(world.aliceActor, "Mine",
                Duration.ofDays(1), world.agentA, TaskLinkData.ticket(alicesTicket)));
        assertThat(e.permission()).isEqualTo(TaskPermission.TASK_MANAGE);
    }

    @Test
    void theTasksOfATicketAreListedByDueTimeNarrowedToTheTasksTheCallerMaySee() {
        create(world.agentA, "Later", Duration.ofDays(3), null, TaskLinkData.ticket(alicesTicket));
        create(world.manager, "Sooner", Duration.ofDays(1), world.agentB,
                TaskLinkData.ticket(alicesTicket));
        TaskView done = create(world.agentA, "Done", Duration.ofDays(2), null, TaskLinkData.ticket(alicesTicket));
        tasks.complete(world.agentA, new TaskStatusCommand(done.id()));
        create(world.agentA, "Bob's", Duration.ofHours(1), null, TaskLinkData.ticket(bobsTicket));
        create(world.agentA, "About Alice herself", Duration.ofHours(2), null,
                TaskLinkData.customer(world.alice.id()));
        create(world.agentA, "About nothing", Duration.ofHours(3), null, null);
        TaskLinkData ticket = TaskLinkData.ticket(alicesTicket);

        // the support manager reaches every task of the department; the agent only their own (assigned or created)
        assertThat(titles(tasks.linkedTo(world.manager, LinkedTasksQuery.of(ticket, 10))))
                .containsExactly("Sooner", "Done", "Later");
        assertThat(titles(tasks.linkedTo(world.agentA, LinkedTasksQuery.of(ticket, 10))))
                .containsExactly("Done", "Later");
        assertThat(titles(tasks.linkedTo(world.agentB, LinkedTasksQuery.open(ticket, 10))))
                .containsExactly("Sooner");
        assertThat(titles(tasks.linkedTo(SYSTEM, LinkedTasksQuery.open(ticket, 10))))
                .containsExactly("Sooner", "Later");

        Page<TaskView> first = tasks.linkedTo(world.manager, LinkedTasksQuery.of(ticket, 2));
        LinkedTasksQuery next = LinkedTasksQuery.of(ticket, 2).next(first);
        assertThat(titles(first)).containsExactly("Sooner", "Done");
        assertThat(titles(tasks.linkedTo(world.manager, next))).containsExactly("Later");
    }

    @Test
    void listingTheTasksOfATicketFollowsTheTicketsAccessRules() {
        create(world.agentA, "Ring back", Duration.ofDays(1), null, TaskLinkData.ticket(alicesTicket));
        TaskLinkData ticket = TaskLinkData.ticket(alicesTicket);

        AccessDeniedException otherQueue = refusals.deniedAndAuditedOnce(() -> tasks.linkedTo(world.billingAgent,
                LinkedTasksQuery.of(ticket, 10)));
        assertThat(otherQueue.permission()).isEqualTo(TicketPermission.TICKET_VIEW);
        AccessDeniedException customer = refusals.deniedAndAuditedOnce(() -> tasks.linkedTo(world.aliceActor,
                LinkedTasksQuery.of(ticket, 10)));
        assertThat(customer.permission()).isEqualTo(TaskPermission.TASK_VIEW);
        InvalidCommandException unknown = refusals.withoutEffect(InvalidCommandException.class,
                () -> tasks.linkedTo(world.manager, LinkedTasksQuery.of(TaskLinkData.ticket(
                        TicketId.next(world.clock)), 10)));
        assertThat(unknown.fields()).containsExactly("link.id");
        InvalidCommandException noLink = refusals.withoutEffect(InvalidCommandException.class,
                () -> tasks.linkedTo(world.manager, LinkedTasksQuery.of(null, 10)));
        assertThat(noLink.fields()).containsExactly("link");
    }

    @Test
    void erasingACustomerErasesTheTextOfTheTasksAboutTheirTicketsAndNoOtherTasks() {
        TaskView aboutTicket = create(world.agentA, "Call Alice about the printer", Duration.ofDays(1), null,
                TaskLinkData.ticket(alicesTicket));
        TaskView closed = create(world.agentA, "Alice called back", Duration.ofDays(1), null,
                TaskLinkData.ticket(alicesTicket));
        tasks.complete(world.agentA, new TaskStatusCommand(closed.id()));
        TaskView aboutBob = create(world.agentA, "Call Bob about the printer", Duration.ofDays(1), null,
                TaskLinkData.ticket(bobsTicket));

        world.crm.customers().erase(SYSTEM, world.alice.id());

        for (TaskView erased : List.of(aboutTicket, closed)) {
            TaskView now = tasks.findById(SYSTEM, erased.id()).orElseThrow();
            assertThat(now.title()).isEqualTo(Task.ERASED_TITLE);
            assertThat(now.description()).isNull();
            assertThat(now.link()).as("the link stays").isEqualTo(TaskLinkData.ticket(alicesTicket));
        }
        assertThat(tasks.findById(SYSTEM, closed.id())).map(TaskView::status).contains(TaskStatus.COMPLETED);
        assertThat(tasks.findById(SYSTEM, aboutBob.id())).contains(aboutBob);
        // the ticket's tasks stay listable, and no new task may be about the erased person's ticket
        assertThat(titles(tasks.linkedTo(world.manager, LinkedTasksQuery.of(TaskLinkData.ticket(alicesTicket),
                10)))).containsOnly(Task.ERASED_TITLE).hasSize(2);
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> create(world.agentA, "Again", Duration.ofDays(1), null, TaskLinkData.ticket(alicesTicket)));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    private static List<String> titles(Page<TaskView> page) {
        return page.items().stream().map(TaskView::title).toList();
    }
}
