package org.crmkit.core.task.application;

import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.LeadId;
import org.crmkit.core.task.domain.TaskLink;
import org.crmkit.core.task.port.in.TaskLinkData;

/**
 * The one place where a task's link is checked against the area it points into, as the caller (so a caller links a
 * task only to a record they may see):
 * <ul>
 *   <li>a customer must exist, be visible to the caller ({@code Customers.findById} refuses otherwise) and not be
 *       erased;</li>
 *   <li>a lead is stored as given: the lead area is not part of this build yet. When it lands, {@link #checkLead}
 *       asks its port.in ({@code Leads.findById(caller, lead)}) the same way, and {@code TaskApplication.tasks} takes
 *       the lead use cases;</li>
 *   <li>a ticket is refused ({@code task_link_unsupported}) until the ticket area exists.</li>
 * </ul>
 */
final class TaskLinkCheck {
    private final Customers customers;

    TaskLinkCheck(Customers customers) {
        this.customers = customers;
    }

    /**
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
                CustomerId customer = new CustomerId(link.id());
                customers.findById(caller, customer).orElseThrow(() -> new InvalidCommandException(List.of(
                        new FieldError("link.id", "must name an existing customer")))).requireNotErased();
                break;
            case LEAD:
                checkLead(caller, new LeadId(link.id()));
                break;
            default:
                throw new BusinessRuleViolationException("task_link_unsupported",
                        "a task cannot be linked to a " + link.kind().name().toLowerCase(java.util.Locale.ROOT)
                                + " yet");
        }
        return link.toLink();
    }

    /**
     * Where the lead check plugs in once the lead area is on this branch: refuse a lead that does not exist or that
     * the caller may not see. Until then a lead link is stored unchecked.
     */
    private void checkLead(Actor caller, LeadId lead) {
        // intentionally empty: see the class comment
    }
}
