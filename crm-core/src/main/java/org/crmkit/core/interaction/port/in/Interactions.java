package org.crmkit.core.interaction.port.in;

import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;

/**
 * Calls, emails, meetings and notes logged against customers and leads. An interaction is its customer's or its
 * lead's record: access follows the customer's account manager or the lead's owner (a sales rep reaches only their
 * own). Every method checks the command ({@link InvalidCommandException}), the caller ({@link AccessDeniedException})
 * and writes nothing when any step fails. Permissions are listed in docs/authorization.md.
 */
public interface Interactions {

    /**
     * Logs an interaction. Logged against a lead, it moves the lead's last-activity time and rescores the lead in the
     * same transaction (one audit entry: {@code interaction.log}).
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the interaction the first call logged
     * (and does not touch the lead again); without a key a retry may log it twice.
     *
     * @param actor   staff with {@code INTERACTION_LOG}, or the system
     * @param command what happened, and with whom
     * @return the interaction
     * @throws NotFoundException              for an unknown customer or lead
     * @throws BusinessRuleViolationException {@code lead_converted} for a converted lead (log it against the
     *                                        customer), {@code customer_erased}, {@code staff_inactive}
     */
    InteractionView log(Actor actor, LogInteractionCommand command);

    /**
     * A customer's or a lead's interactions, newest first, keyset paged. A customer's timeline holds the interactions
     * of the leads converted into them.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code INTERACTION_VIEW}
     * @param query the customer or the lead, and the page
     * @return one page
     * @throws NotFoundException for an unknown customer or lead
     */
    Page<InteractionView> timeline(Actor actor, TimelineQuery query);
}
