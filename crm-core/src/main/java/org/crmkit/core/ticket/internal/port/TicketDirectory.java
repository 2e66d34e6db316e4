package org.crmkit.core.ticket.internal.port;

import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.ticket.TicketId;

/**
 * How other areas read tickets: inside their own use case's transaction, after that use case has checked its own
 * caller (or inside a customer's erasure, which the customer area authorized), so without an actor, without the
 * host's {@code AccessPolicy} and without an audit entry. Never a host's.
 */
public interface TicketDirectory {

    /**
     * @param customer a customer, erased or not
     * @return the ids of every ticket of that customer, in any state, newest first
     */
    List<TicketId> ticketsOf(CustomerId customer);
}
