package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.internal.port.TicketDirectory;

/**
 * Erases what the tasks about a customer, or about a lead that never became one, say, in the erasure's transaction
 * (keyset pages of 100, optimistic updates, {@code TaskUpdated} after commit). A customer's tasks are those linked to
 * the customer and those linked to any of their support tickets (found through the ticket area's directory): a task
 * about a ticket is as much about the person, and staff write its title and description as they do a customer's. The
 * erasure was authorized and audited by the customer or the lead area.
 */
final class TaskEraser implements PersonalDataEraser, LeadEraser {
    private static final int BATCH = 100;

    private final UseCaseSupport support;
    private final TaskStore tasks;
    private final TicketDirectory tickets;

    /**
     * @param support shared use-case mechanics
     * @param tasks   the tasks
     * @param tickets a customer's tickets, or {@code null} for the lead eraser (a lead has no tickets)
     */
    TaskEraser(UseCaseSupport support, TaskStore tasks, TicketDirectory tickets) {
        this.support = support;
        this.tasks = tasks;
        this.tickets = tickets;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        erase(TaskLink.customer(customer), at);
        for (TicketId ticket : tickets.ticketsOf(customer)) {
            erase(TaskLink.ticket(ticket), at);
        }
    }

    @Override
    public void eraseLead(LeadId lead, Instant at) {
        erase(TaskLink.lead(lead), at);
    }

    private void erase(TaskLink link, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        support.transaction(() -> {
            TaskId after = null;
            while (true) {
                List<Task> page = tasks.linkedTo(link, EnumSet.allOf(TaskStatus.class), after, BATCH);
                for (Task task : page) {
                    task.eraseText(now);
                    List<DomainEvent> events = task.pullEvents();
                    if (!events.isEmpty()) {
                        tasks.update(task);
                        support.publishAfterCommit(events);
                    }
                }
                if (page.size() < BATCH) {
                    return null;
                }
                after = page.get(page.size() - 1).id();
            }
        });
    }
}
