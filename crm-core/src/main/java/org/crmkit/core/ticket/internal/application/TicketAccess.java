package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.util.Optional;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.internal.domain.Ticket;

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

    /** @return whether the caller sees a ticket as staff do (internal comments included) */
    static boolean isStaff(Actor actor) {
        return actor.type() != ActorType.CUSTOMER;
    }
}
