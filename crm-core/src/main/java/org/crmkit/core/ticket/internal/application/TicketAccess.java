package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.util.Optional;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.out.TicketCriteria;

/**
 * Whose a ticket is, as the access policy sees it: its customer's (a customer reaches only their own), owned by its
 * assignee (an agent's own), in its department's queue (an agent's department); and the load-and-authorize step of
 * the use cases that work on one ticket.
 */
final class TicketAccess {
    static final String TYPE = "ticket";

    private final UseCaseSupport support;
    private final TicketStore tickets;

    TicketAccess(UseCaseSupport support, TicketStore tickets) {
        this.support = support;
        this.tickets = tickets;
    }

    /** @return the ticket, after authorizing the caller on it (a ticket not found is nobody's, then not found) */
    Ticket load(Actor actor, Permission permission, String action, TicketId id) {
        Optional<Ticket> found = tickets.findById(id);
        support.authorize(actor, permission, targetOf(found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /** Whose ticket it is: its customer's, owned by its assignee, in its department's queue. */
    static AccessTarget targetOf(Optional<Ticket> ticket) {
        return ticket.map(TicketAccess::target).orElse(AccessTarget.none());
    }

    static AccessTarget target(Ticket t) {
        return new AccessTarget(Optional.of(t.customer()), Optional.ofNullable(t.assignee()),
                Optional.ofNullable(t.department()));
    }

    /**
     * The criteria narrowed to what a grant reaches, for the searches and scans over many tickets, so that the store
     * reads only those: a customer's own tickets; a staff user's own (assigned to them) and, with a department grant,
     * their department's queue. Every record with an "any" grant.
     *
     * @param grant    the caller's grant
     * @param criteria the caller's filters, without a scope
     * @return the criteria with the grant's scope, or empty when the grant reaches no ticket (a narrow grant of a
     *         caller that is neither a customer nor a staff user, which a host's policy might give a system process)
     */
    static Optional<TicketCriteria> narrowed(UseCaseSupport.Grant grant, TicketCriteria criteria) {
        TicketCriteria c = criteria;
        if (grant.scope() == AccessScope.ANY) {
            return Optional.of(c);
        }
        if (grant.actor() instanceof Actor.Customer customer) {
            return Optional.of(new TicketCriteria(c.statuses(), c.priority(), c.assignee(), c.department(),
                    c.customer(), c.category(), c.breachedAsOf(), c.createdFrom(), c.createdBefore(), c.text(),
                    customer.id(), null, null));
        }
        if (grant.actor() instanceof Actor.Staff staff) {
            return Optional.of(new TicketCriteria(c.statuses(), c.priority(), c.assignee(), c.department(),
                    c.customer(), c.category(), c.breachedAsOf(), c.createdFrom(), c.createdBefore(), c.text(), null,
                    staff.id(), grant.scope() == AccessScope.DEPARTMENT ? staff.department() : null));
        }
        return Optional.empty();
    }

    /** @return whether the caller sees a ticket as staff do (internal comments included) */
    static boolean isStaff(Actor actor) {
        return actor.type() != ActorType.CUSTOMER;
    }
}
