package org.crmkit.core.lead.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * The lead area's repository of aggregates, on the adapter's {@link LeadRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class LeadStore {
    private final LeadRepository port;

    /** @param port the adapter's port */
    public LeadStore(LeadRepository port) {
        this.port = port;
    }

    /** @see LeadRepository#add */
    public void add(Lead lead) {
        port.add(lead.snapshot());
    }

    /** @see LeadRepository#update */
    public void update(Lead lead) {
        port.update(lead.snapshot());
        lead.recordStored();
    }

    /** @see LeadRepository#findById */
    public Optional<Lead> findById(LeadId id) {
        return port.findById(id).map(Lead::restore);
    }

    /** @see LeadRepository#lock */
    public Optional<Lead> lock(LeadId id) {
        return port.lock(id).map(Lead::restore);
    }

    /** @see LeadRepository#search */
    public List<Lead> search(LeadSearchCriteria criteria, int limit) {
        return port.search(criteria, limit).stream().map(Lead::restore).toList();
    }

    /** @see LeadRepository#latestAssignments */
    public Map<StaffId, Instant> latestAssignments(Collection<StaffId> owners) {
        return port.latestAssignments(owners);
    }

    /** @see LeadRepository#convertedInto */
    public List<LeadId> convertedInto(CustomerId customer) {
        return port.convertedInto(customer);
    }

    /** @see LeadRepository#eraseConvertedInto */
    public int eraseConvertedInto(CustomerId customer) {
        return port.eraseConvertedInto(customer);
    }

    /** @see LeadRepository#erase */
    public int erase(LeadId lead) {
        return port.erase(lead);
    }
}
