package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.TaskError;
import org.crmkit.core.lead.LeadError;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.port.in.TaskLinkData;

/**
 * The one place where a task's link is checked against the area it points into, as the caller (so a caller links a
 * task only to a record they may see):
 * <ul>
 *   <li>a customer must exist, be visible to the caller ({@code Customers.findById} refuses otherwise) and not be
 *       erased;</li>
 *   <li>a lead must exist and be visible to the caller ({@code Leads.findById}), and not be converted yet: the
 *       open tasks of a lead move to its customer when it is converted, so a task for a converted lead is linked to
 *       the customer instead ({@code lead_converted}, naming the customer);</li>
 *   <li>a ticket is refused ({@code task_link_unsupported}) until the ticket area exists.</li>
 * </ul>
 */
final class TaskLinkCheck {
    private final Customers customers;
    private final Leads leads;

    TaskLinkCheck(Customers customers, Leads leads) {
        this.customers = customers;
        this.leads = leads;
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
                throw new BusinessRuleViolationException(TaskError.TASK_LINK_UNSUPPORTED,
                        "a task cannot be linked to a " + link.kind().name().toLowerCase(java.util.Locale.ROOT)
                                + " yet");
        }
        return link.toLink();
    }

    private void checkLead(Actor caller, LeadId lead) {
        LeadView view = leads.findById(caller, lead).orElseThrow(() -> new InvalidCommandException(List.of(
                new FieldError("link.id", "must name an existing lead"))));
        if (view.isConverted()) {
            throw new BusinessRuleViolationException(LeadError.LEAD_CONVERTED, "lead " + view.id()
                    + " was converted into customer " + view.convertedTo() + "; link the task to the customer",
                    Map.of("customerId", view.convertedTo().toString()));
        }
    }
}
