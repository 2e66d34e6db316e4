package org.crmkit.core.interaction.port.out;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.interaction.InteractionSnapshot;

/** Stores interactions. Called inside a {@code UnitOfWork}. */
public interface InteractionRepository {

    /**
     * @param interaction a new interaction
     * @throws ConflictException ({@code duplicate}) when the id exists
     */
    void add(InteractionSnapshot interaction);

    /** @param id the id @return the interaction, if stored */
    Optional<InteractionSnapshot> findById(InteractionId id);

    /**
     * @param customer the customer
     * @param after    resume strictly after this (time, id), or {@code null} for the newest
     * @param limit    most to return
     * @return the customer's interactions, newest first (by time, then id)
     */
    List<InteractionSnapshot> timelineOfCustomer(CustomerId customer, EntryPosition after, int limit);

    /**
     * @param lead  the lead
     * @param after resume strictly after this (time, id), or {@code null} for the newest
     * @param limit most to return
     * @return the interactions logged against the lead, newest first (by time, then id)
     */
    List<InteractionSnapshot> timelineOfLead(LeadId lead, EntryPosition after, int limit);

    /**
     * Moves every interaction of a lead that belongs to no customer yet to a customer (each one's version moves
     * on); the lead stays named as their origin.
     *
     * @param lead     the converted lead
     * @param customer the customer it became
     * @return how many were moved
     */
    int moveLeadToCustomer(LeadId lead, CustomerId customer);

    /**
     * A customer's GDPR erasure: every interaction of the customer that is not erased yet gets the
     * {@linkplain org.crmkit.core.interaction.InteractionSnapshot#erased erased} words (each one's version
     * moves on).
     *
     * @param customer the erased customer
     * @return how many were erased
     */
    int eraseTextOfCustomer(CustomerId customer);

    /**
     * The GDPR erasure of a lead that never became a customer: every interaction logged against the lead that is not
     * erased yet gets the {@linkplain org.crmkit.core.interaction.InteractionSnapshot#erased erased} words
     * (each one's version moves on), as in {@link #eraseTextOfCustomer}.
     *
     * @param lead the erased lead
     * @return how many were erased
     */
    int eraseTextOfLead(LeadId lead);
}
