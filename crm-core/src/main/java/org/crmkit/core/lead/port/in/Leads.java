package org.crmkit.core.lead.port.in;

import java.util.Optional;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;

/**
 * The sales pipeline's leads. Every method takes the calling {@link Actor}, checks the command
 * ({@link InvalidCommandException} names each bad field), asks the access policy ({@link AccessDeniedException}; a
 * sales rep reaches only the leads they own), and writes nothing when any step fails. Changes are audited in their
 * transaction and their events published after commit. Permissions are listed in docs/authorization.md. An erased
 * lead ({@link #erase}, or its customer's erasure) refuses every change with {@code lead_erased}.
 */
public interface Leads {

    /**
     * Creates a {@code NEW} lead. A staff caller who names no owner owns it; naming another owner needs
     * {@code LEAD_ASSIGN} as well.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the lead the first call created;
     * without a key a retry may create a second lead.
     *
     * @param actor   staff with {@code LEAD_CREATE}, or the system
     * @param command the lead's data
     * @return the new lead, scored
     * @throws BusinessRuleViolationException {@code owner_not_sales} when the owner is not an active staff user who
     *                                        may work on leads
     */
    LeadView create(Actor actor, CreateLeadCommand command);

    /**
     * Reads a lead.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor  staff with {@code LEAD_VIEW}
     * @param leadId the lead
     * @return the lead with its history and score explanation, or empty when there is none
     */
    Optional<LeadView> findById(Actor actor, LeadId leadId);

    /**
     * Filters, sorts and pages leads by keyset; a sales rep sees only their own.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code LEAD_VIEW}
     * @param query filters, sort and page
     * @return one page
     */
    Page<LeadView> search(Actor actor, LeadSearchQuery query);

    /**
     * Replaces a lead's contact, source, estimated value and notes, and rescores it.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry finds the details as asked and changes and writes nothing.
     *
     * @param actor   staff with {@code LEAD_UPDATE}
     * @param command the new details and the version the caller read
     * @return the lead
     * @throws NotFoundException              for an unknown lead
     * @throws ConflictException              for a stale version
     * @throws BusinessRuleViolationException {@code lead_converted} once converted
     */
    LeadView updateDetails(Actor actor, UpdateLeadCommand command);

    /**
     * Moves an open lead forward ({@code CONTACTED}, {@code QUALIFIED}) or to {@code LOST} with a reason.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused: {@code illegal_transition} for a forward move made
     * already, {@code lead_closed} for a lead lost already.
     *
     * @param actor   staff with {@code LEAD_UPDATE}
     * @param command the lead, the stage, the reason for {@code LOST}
     * @return the lead
     * @throws BusinessRuleViolationException {@code illegal_transition}, {@code lead_closed},
     *                                        {@code lead_won_by_conversion}
     */
    LeadView changeStage(Actor actor, ChangeLeadStageCommand command);

    /**
     * Reopens a won or lost lead to the stage it was closed from.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code lead_not_closed} (the lead is open again).
     *
     * @param actor   a sales manager ({@code LEAD_REOPEN})
     * @param command the lead
     * @return the lead
     * @throws BusinessRuleViolationException {@code lead_not_closed} for an open lead
     */
    LeadView reopen(Actor actor, LeadCommand command);

    /**
     * Gives a lead to an owner.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the lead has that owner).
     *
     * @param actor   a sales manager ({@code LEAD_ASSIGN})
     * @param command the lead and the new owner
     * @return the lead
     * @throws BusinessRuleViolationException {@code owner_not_sales} when the owner is not an active staff user who
     *                                        may work on leads
     */
    LeadView assign(Actor actor, AssignLeadCommand command);

    /**
     * Gives a lead to the next active sales rep of a department in turn: the one whose latest assignment is the
     * oldest (one who has none first; ties by id).
     *
     * <p>Retry: safe only when the command carries {@code expectedVersion}: a retry of an assignment that was stored
     * fails with {@code stale_version}. Without it, the retry is applied again and gives the lead to the next sales rep
     * in turn (the first call's rep now holds the newest assignment), unless the department has one sales rep.
     *
     * @param actor   a sales manager ({@code LEAD_ASSIGN})
     * @param command the lead and the department
     * @return the lead
     * @throws BusinessRuleViolationException {@code no_sales_rep} when the department has no active sales rep
     */
    LeadView assignRoundRobin(Actor actor, AssignRoundRobinCommand command);

    /**
     * Converts a qualified lead into a customer, in one transaction: links it to the existing customer holding the
     * lead's email or phone (never registering a duplicate), otherwise registers a new customer through the customer
     * area (which audits that registration); moves the lead's interactions and open tasks to the customer; marks the
     * lead {@code WON}.
     *
     * <p>Retry: safe: a retry of a stored conversion converts and registers nothing twice; it fails with
     * {@code stale_version} when the command carries {@code expectedVersion}, else with {@code lead_not_qualified} (the
     * lead is won). Read the lead: its {@code convertedTo} names the customer.
     *
     * @param actor   staff with {@code LEAD_CONVERT} (and {@code CUSTOMER_REGISTER} when a customer is registered)
     * @param command the lead
     * @return the lead and its customer
     * @throws BusinessRuleViolationException {@code lead_not_qualified}, {@code lead_email_missing}
     */
    LeadConversionView convert(Actor actor, LeadCommand command);

    /**
     * Erases the personal data of a lead that never became a customer (GDPR), in one transaction: an open lead is
     * first closed as {@code LOST} with the reason {@code [erased]}; then both name parts become {@code [erased]},
     * company, email, phone and notes are cleared, the lost reason and the stage history's reasons become
     * {@code [erased]} (as a customer's erasure does to the leads converted into it); the interactions logged against
     * the lead and the tasks linked to it lose their text. The lead keeps its id, stage, owner, value, score and times
     * for the pipeline reports, stays findable by id, and refuses every change afterwards ({@code lead_erased}).
     * Audited as {@code lead.erase}; {@code LeadErased} is published after commit.
     *
     * <p>Retry: safe: erasing an erased lead returns it and writes nothing (no second audit entry), whatever version
     * the command names.
     *
     * @param actor   an admin, a CRM manager or the system ({@code LEAD_ERASE})
     * @param command the lead, and optionally the version the caller read
     * @return the erased lead
     * @throws NotFoundException              for an unknown lead
     * @throws ConflictException              for a stale version
     * @throws BusinessRuleViolationException {@code lead_converted} for a lead converted into a customer (its
     *                                        details name the customer: erase the customer, which erases the lead)
     */
    LeadView erase(Actor actor, LeadCommand command);
}
