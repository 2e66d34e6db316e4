package org.crmkit.core.internal.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.port.out.InteractionRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.UuidV7;

/** Interactions in memory; timelines newest first like the SQL adapter. */
public final class InMemoryInteractionRepository implements InteractionRepository {
    private static final Comparator<InteractionSnapshot> NEWEST_FIRST = Comparator
            .comparing(InteractionSnapshot::occurredAt)
            .thenComparing(s -> s.id().value(), UuidV7::compareBytes).reversed();

    private final InMemoryTable<InteractionId, InteractionSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryInteractionRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<>(unitOfWork, "interaction", InteractionSnapshot::id,
                InteractionSnapshot::version, s -> s.withVersion(s.version() + 1));
    }

    @Override
    public void add(InteractionSnapshot interaction) {
        table.insert(interaction);
    }

    @Override
    public Optional<InteractionSnapshot> findById(InteractionId id) {
        return table.get(id);
    }

    @Override
    public List<InteractionSnapshot> timelineOfCustomer(CustomerId customer, EntryPosition after, int limit) {
        return timeline(s -> customer.equals(s.customer()), after, limit);
    }

    @Override
    public List<InteractionSnapshot> timelineOfLead(LeadId lead, EntryPosition after, int limit) {
        return timeline(s -> lead.equals(s.lead()), after, limit);
    }

    private List<InteractionSnapshot> timeline(Predicate<InteractionSnapshot> whose, EntryPosition after, int limit) {
        return table.where(s -> whose.test(s) && EntryPosition.isAfter(after, s.occurredAt(), s.id().value()))
                .stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public int moveLeadToCustomer(LeadId lead, CustomerId customer) {
        List<InteractionSnapshot> moving = table.where(s -> lead.equals(s.lead()) && s.customer() == null);
        for (InteractionSnapshot s : moving) {
            table.replaceIf(s.id(), current -> current.customer() == null,
                    current -> current.movedTo(customer, current.version() + 1));
        }
        return moving.size();
    }

    @Override
    public int eraseTextOfCustomer(CustomerId customer) {
        return eraseWhere(s -> customer.equals(s.customer()));
    }

    @Override
    public int eraseTextOfLead(LeadId lead) {
        return eraseWhere(s -> lead.equals(s.lead()));
    }

    private int eraseWhere(Predicate<InteractionSnapshot> which) {
        List<InteractionSnapshot> erasing = table.where(s -> which.test(s) && !s.isErased());
        for (InteractionSnapshot s : erasing) {
            table.replaceIf(s.id(), current -> !current.isErased(), current -> current.erased(current.version() + 1));
        }
        return erasing.size();
    }
}
