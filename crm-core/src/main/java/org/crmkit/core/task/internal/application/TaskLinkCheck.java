package org.crmkit.core.task.internal.application;

import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.lead.LeadError;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.in.Tickets;

/**
 * The one place where a task's link is checked against the area it points into. The record is read through that
 * area's own read use case <em>as the caller</em>, so a caller reaches through a task only the records that area lets
 * them read, by the same object-level rules, refused and audited the same way ({@code access_denied}); a record that
 * does not exist is a bad command on {@code link.id} (for a caller whose grant is narrower than "any", that area may
 * refuse it first, as its read would):
 * <ul>
 *   <li>a customer through {@code Customers.findById};</li>
 *   <li>a lead through {@code Leads.findById};</li>
 *   <li>a ticket through {@code Tickets.findById}.</li>
 * </ul>
 * A new link ({@link #check}) must also lead somewhere a task may still be about: not an erased customer, nor a ticket
 * of one ({@code customer_erased}: the erasure has run, so what a new task said would outlive it), nor a converted
 * lead (its open tasks moved to its customer: {@code lead_converted}, naming the customer). Listing the tasks of a
 * record ({@link #visible}) asks only that the caller may read it, so the tasks of an erased customer or of a converted
 * lead stay listable.
 */
final class TaskLinkCheck {
    private final Customers customers;
    private final Leads leads;
    private final Tickets tickets;
    private final CustomerDirectory customerDirectory;

    TaskLinkCheck(Customers customers, Leads leads, Tickets tickets, CustomerDirectory customerDirectory) {
        this.customers = customers;
        this.leads = leads;
        this.tickets = tickets;
        this.customerDirectory = customerDirectory;
    }

    /**
     * Checks a link a command names for a task to carry.
     *
     * @param caller the caller, as the host named them
     * @param link   the link a command names, or {@code null}
     * @return the link to store, or {@code null}
     */
    TaskLink check(Actor caller, TaskLinkData link) {
        if (link == null) {
            return null;
        }
        switch (link.kind()) {
            case CUSTOMER:
                customer(caller, new CustomerId(link.id())).requireNotErased();
                break;
            case LEAD:
                LeadView lead = lead(caller, new LeadId(link.id()));
                if (lead.isConverted()) {
                    throw new BusinessRuleViolationException(LeadError.LEAD_CONVERTED, "lead " + lead.id()
                            + " was converted into customer " + lead.convertedTo() + "; link the task to the customer",
                            Map.of("customerId", lead.convertedTo().toString()));
                }
                break;
            case TICKET:
                TicketView ticket = ticket(caller, new TicketId(link.id()));
                customerDirectory.find(ticket.customerId()).ifPresent(CustomerView::requireNotErased);
                break;
            default:
                throw new IllegalStateException("unknown link kind " + link.kind());
        }
        return link.toLink();
    }

    /**
     * Checks that the caller may read the record a listing names.
     *
     * @param caller the caller, as the host named them
     * @param link   the record whose tasks are listed
     * @return the link
     */
    TaskLink visible(Actor caller, TaskLinkData link) {
        switch (link.kind()) {
            case CUSTOMER:
                customer(caller, new CustomerId(link.id()));
                break;
            case LEAD:
                lead(caller, new LeadId(link.id()));
                break;
            case TICKET:
                ticket(caller, new TicketId(link.id()));
                break;
            default:
                throw new IllegalStateException("unknown link kind " + link.kind());
        }
        return link.toLink();
    }

    private CustomerView customer(Actor caller, CustomerId id) {
        return customers.findById(caller, id).orElseThrow(() -> unknown("customer"));
    }

    private LeadView lead(Actor caller, LeadId id) {
        return leads.findById(caller, id).orElseThrow(() -> unknown("lead"));
    }

    private TicketView ticket(Actor caller, TicketId id) {
        return tickets.findById(caller, id).orElseThrow(() -> unknown("ticket"));
    }

    private static InvalidCommandException unknown(String kind) {
        return new InvalidCommandException(List.of(new FieldError("link.id", "must name an existing " + kind)));
    }
}
