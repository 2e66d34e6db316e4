package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPermission;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.internal.domain.TicketDraft;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket's submission: what it names in other areas is checked (every bad link named at once), and it starts in
 * the named queue or the policy's default one, with the policy's targets.
 */
final class TicketSubmission {
    private static final Logger LOG = LoggerFactory.getLogger(TicketSubmission.class);

    private final UseCaseSupport support;
    private final TicketStore tickets;
    private final TicketLinks links;
    private final SupportSla sla;

    TicketSubmission(UseCaseSupport support, TicketStore tickets, TicketLinks links, SupportSla sla) {
        this.support = support;
        this.tickets = tickets;
        this.links = links;
        this.sla = sla;
    }

    TicketView submit(Actor actor, SubmitTicketCommand command) {
        support.validate(actor, command);
        TicketDraft draft = new TicketDraft(command.customerId(), command.subject().strip(),
                command.description().strip(), command.category() == null ? null : command.category().strip(),
                command.priority(), command.channel(), command.purchaseId(), command.productId(),
                command.relatedTicketId());
        return support.transaction(() -> {
            Optional<CustomerView> customer = links.customer(command.customerId());
            support.authorize(actor, TicketPermission.TICKET_SUBMIT, AccessTarget.customer(command.customerId(),
                    customer.map(CustomerView::accountManager).orElse(null)), "ticket.submit", TicketAccess.TYPE,
                    null);
            requireLinks(command);
            boolean staff = TicketAccess.isStaff(actor);
            return support.once(actor, "ticket.submit", command.idempotencyKey(), command, () -> {
                Ticket ticket = Ticket.submit(TicketId.next(support.clock()), draft, queueOf(command), sla, actor,
                        support.now());
                tickets.add(ticket);
                support.audit(actor, "ticket.submit", TicketAccess.TYPE, ticket.id().value());
                support.publishAfterCommit(ticket.pullEvents());
                return TicketViews.of(ticket, staff);
            }, v -> v.id().value(), id -> TicketViews.of(tickets.findById(new TicketId(id)).orElseThrow(), staff));
        });
    }

    /**
     * Refuses a customer who does not exist or was erased; then checks the purchase and product, the related ticket
     * and the queue the command names, naming every bad one at once.
     */
    private void requireLinks(SubmitTicketCommand command) {
        links.requireCustomer(command.customerId());
        FieldChecks checks = new FieldChecks();
        checks.attempt(() -> {
            links.requireBought(command.customerId(), command.purchaseId(), command.productId());
            return null;
        });
        if (command.relatedTicketId() != null) {
            checks.attempt(() -> {
                requireClosedOf(command.customerId(), command.relatedTicketId());
                return null;
            });
        }
        if (command.departmentId() != null) {
            checks.attempt(() -> links.requireActiveDepartment(command.departmentId(),
                    "departmentId"));
        }
        checks.throwIfAny();
    }

    /**
     * The queue a new ticket starts in: the one named, else the policy's default queue when that is an active
     * department (a misconfigured one is logged by id and left out, so the ticket waits for a manager).
     */
    private DepartmentId queueOf(SubmitTicketCommand command) {
        if (command.departmentId() != null) {
            return command.departmentId();
        }
        Optional<DepartmentId> queue = sla.defaultQueue();
        if (queue.isPresent() && !links.isActiveDepartment(queue.get())) {
            LOG.warn("the default ticket queue {} is not an active department; the ticket is put in no queue",
                    queue.get());
            return null;
        }
        return queue.orElse(null);
    }

    private void requireClosedOf(CustomerId customer, TicketId related) {
        boolean ok = tickets.findById(related).filter(t -> t.customer().equals(customer))
                .filter(t -> t.status() == TicketStatus.CLOSED).isPresent();
        if (!ok) {
            throw new InvalidCommandException(List.of(new FieldError("relatedTicketId",
                    "must be a closed ticket of the ticket's customer")));
        }
    }
}
