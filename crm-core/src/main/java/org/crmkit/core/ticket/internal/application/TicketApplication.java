package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.Departments;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.internal.port.TicketDirectory;
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.core.ticket.port.out.TicketRepository;

/** Builds the ticket use cases; the one public entry of this package. */
public final class TicketApplication {
    private TicketApplication() {
    }

    /**
     * @param tickets the ticket repository
     * @return the ticket area's part in a customer's GDPR erasure: their tickets' texts are erased
     */
    public static org.crmkit.core.shared.internal.PersonalDataEraser customerEraser(TicketRepository tickets) {
        return new TicketEraser(new TicketStore(tickets));
    }

    /**
     * @param support shared use-case mechanics (transactions)
     * @param tickets the ticket repository
     * @return how other areas read tickets without an actor (the task area's part in a customer's erasure finds the
     *         customer's tickets through it)
     */
    public static TicketDirectory directory(UseCaseSupport support, TicketRepository tickets) {
        return new TicketDirectoryReads(support, new TicketStore(tickets));
    }

    /**
     * @param support     shared use-case mechanics
     * @param tickets     the ticket repository
     * @param customers   the customer use cases (a ticket's customer is checked through them)
     * @param staff       staff users and departments as other areas read them (assignees and queues)
     * @param sales       purchases as other areas read them (purchase and product links)
     * @param sla         the host's SLA configuration
     * @param notifier    hears about SLA breaches
     * @return the ticket use cases
     */
    public static Tickets tickets(UseCaseSupport support, TicketRepository tickets, CustomerDirectory customers,
                                  StaffDirectory staff, PurchaseDirectory sales, SupportSla sla,
                                  SlaBreachNotifier notifier) {
        return new TicketService(support, new TicketStore(tickets), new TicketLinks(customers, staff, sales), sla,
                notifier);
    }
}
