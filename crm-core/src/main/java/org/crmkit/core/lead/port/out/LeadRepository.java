package org.crmkit.core.lead.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.lead.LeadSnapshot;

/** Stores leads with their append-only stage history. Called inside a {@code UnitOfWork}. */
public interface LeadRepository {

    /**
     * @param lead a new lead (version 0) with its first history entry
     * @throws ConflictException ({@code duplicate}) when the id exists
     */
    void add(LeadSnapshot lead);

    /**
     * Stores the lead's changes if the stored version still equals {@link LeadSnapshot#version()}, appends the history
     * entries not stored yet, then advances the lead's version.
     *
     * @param lead a loaded, changed lead
     * @throws ConflictException ({@code stale_version}) when someone else stored a change first
     */
    void update(LeadSnapshot lead);

    /** @param id the id @return the lead, if stored */
    Optional<LeadSnapshot> findById(LeadId id);

    /**
     * Reads a lead and holds it until the transaction ends ({@code SELECT ... FOR UPDATE}), so two conversions of one
     * lead run one after the other and the second sees the first one's result.
     *
     * @param id the id
     * @return the lead, if stored
     */
    Optional<LeadSnapshot> lock(LeadId id);

    /**
     * @param criteria filters, order and seek position
     * @param limit    most leads to return
     * @return matching leads in the criteria's order, after its seek position
     */
    List<LeadSnapshot> search(LeadSearchCriteria criteria, int limit);

    /**
     * For round-robin assignment.
     *
     * @param owners staff users
     * @return for each of them who owns a lead, the latest time one of their leads was assigned to them
     */
    Map<StaffId, Instant> latestAssignments(Collection<StaffId> owners);

    /**
     * @param customer a customer
     * @return the leads converted into that customer, by id (for the erasure of what other areas hold about them)
     */
    List<LeadId> convertedInto(CustomerId customer);

    /**
     * A customer's GDPR erasure: every lead converted into the customer whose personal data is not erased yet gets
     * its {@linkplain org.crmkit.core.lead.LeadSnapshot#erased erased} state, stage history included (each
     * one's version moves on).
     *
     * @param customer the erased customer
     * @return how many leads were erased
     */
    int eraseConvertedInto(CustomerId customer);

    /**
     * The GDPR erasure of one lead, by the same rule as {@link #eraseConvertedInto}: unless its personal data is
     * erased already, the lead gets its {@linkplain org.crmkit.core.lead.LeadSnapshot#erased erased} state,
     * stage history included (its version moves on).
     *
     * @param lead the lead
     * @return 1 when it was erased now, 0 when there is no such lead or it was erased already
     */
    int erase(LeadId lead);
}
