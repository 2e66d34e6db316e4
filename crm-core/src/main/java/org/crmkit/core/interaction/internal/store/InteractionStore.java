package org.crmkit.core.interaction.internal.store;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.internal.domain.Interaction;
import org.crmkit.core.interaction.port.out.InteractionRepository;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;

/**
 * The interaction area's repository of aggregates, on the adapter's {@link InteractionRepository} of snapshots: it
 * hands the port snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it.
 * The port stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class InteractionStore {
    private final InteractionRepository port;

    /** @param port the adapter's port */
    public InteractionStore(InteractionRepository port) {
        this.port = port;
    }

    /** @see InteractionRepository#add */
    public void add(Interaction interaction) {
        port.add(interaction.snapshot());
    }

    /** @see InteractionRepository#findById */
    public Optional<Interaction> findById(InteractionId id) {
        return port.findById(id).map(Interaction::restore);
    }

    /** @see InteractionRepository#timelineOfCustomer */
    public List<Interaction> timelineOfCustomer(CustomerId customer, EntryPosition after, int limit) {
        return port.timelineOfCustomer(customer, after, limit).stream().map(Interaction::restore).toList();
    }

    /** @see InteractionRepository#timelineOfLead */
    public List<Interaction> timelineOfLead(LeadId lead, EntryPosition after, int limit) {
        return port.timelineOfLead(lead, after, limit).stream().map(Interaction::restore).toList();
    }

    /** @see InteractionRepository#moveLeadToCustomer */
    public int moveLeadToCustomer(LeadId lead, CustomerId customer) {
        return port.moveLeadToCustomer(lead, customer);
    }

    /** @see InteractionRepository#eraseTextOfCustomer */
    public int eraseTextOfCustomer(CustomerId customer) {
        return port.eraseTextOfCustomer(customer);
    }

    /** @see InteractionRepository#eraseTextOfLead */
    public int eraseTextOfLead(LeadId lead) {
        return port.eraseTextOfLead(lead);
    }
}
