package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.ticket.internal.port.TicketDirectory;
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.crmkit.core.task.port.out.TaskRepository;

/** Builds the task use cases and the task area's part in a lead's conversion; the one public entry of this package. */
public final class TaskApplication {
    private TaskApplication() {
    }

    /**
     * @param support   shared use-case mechanics
     * @param tasks     the task repository
     * @param staff     the staff use cases (an assignee is checked through them)
     * @param customers the customer use cases (a customer link is checked through them, as the caller)
     * @param leads     the lead use cases (a lead link is checked through them, as the caller)
     * @param tickets   the ticket use cases (a ticket link is checked through them, as the caller)
     * @param directory customers as other areas read them (whether a ticket's customer was erased)
     * @param notifier  delivers due reminders
     * @return the task use cases
     */
    public static Tasks tasks(UseCaseSupport support, TaskRepository tasks, StaffDirectory staff, Customers customers,
                              Leads leads, Tickets tickets, CustomerDirectory directory, ReminderNotifier notifier) {
        return new TaskService(support, new TaskStore(tasks), staff,
                new TaskLinkCheck(customers, leads, tickets, directory), notifier);
    }

    /**
     * The participant the lead area calls inside a conversion's transaction: it points the lead's open tasks
     * (pending or in progress) at the customer the lead became.
     *
     * @param support shared use-case mechanics (clock, events after commit)
     * @param tasks   the task repository
     * @return the participant
     */
    public static LeadConversionParticipant leadConversionParticipant(UseCaseSupport support, TaskRepository tasks) {
        return new LeadTasksMover(support, new TaskStore(tasks));
    }

    /**
     * The task area's part in a customer's GDPR erasure, called inside the erasure's transaction: every task about
     * the customer or about one of their support tickets (open or closed) loses its title and description, which
     * staff may have written the person's name or details into; the tasks and their links stay.
     *
     * @param support shared use-case mechanics (events after commit)
     * @param tasks   the task repository
     * @param tickets the customer's tickets, as the ticket area hands them to other areas
     * @return the eraser
     */
    public static PersonalDataEraser customerEraser(UseCaseSupport support, TaskRepository tasks,
                                                    TicketDirectory tickets) {
        return new TaskEraser(support, new TaskStore(tasks), tickets);
    }

    /**
     * The task area's part in the GDPR erasure of a lead that never became a customer, called inside the erasure's
     * transaction: every task linked to the lead (open or closed) loses its title and description, as in
     * {@link #customerEraser}; the tasks and their link (the lead's id) stay.
     *
     * @param support shared use-case mechanics (events after commit)
     * @param tasks   the task repository
     * @return the eraser
     */
    public static LeadEraser leadEraser(UseCaseSupport support, TaskRepository tasks) {
        return new TaskEraser(support, new TaskStore(tasks), null);
    }
}
