package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;

/** Leads in memory with their stage history, versioned; searches filter and order like the SQL adapter. */
public final class InMemoryLeadRepository implements LeadRepository {
    private static final Comparator<LeadSnapshot> BY_ID = (a, b) -> UuidV7.compareBytes(a.id().value(),
            b.id().value());

    private final InMemoryTable<LeadId, LeadSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryLeadRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<>(unitOfWork, "lead", LeadSnapshot::id, LeadSnapshot::version,
                s -> s.withVersion(s.version() + 1));
    }

    @Override
    public void add(LeadSnapshot lead) {
        table.insert(lead);
    }

    @Override
    public void update(LeadSnapshot lead) {
        table.update(lead);
    }

    @Override
    public Optional<LeadSnapshot> findById(LeadId id) {
        return table.get(id);
    }

    @Override
    public Optional<LeadSnapshot> lock(LeadId id) {
        // in-memory transactions run one at a time: reading is holding
        return findById(id);
    }

    @Override
    public List<LeadSnapshot> search(LeadSearchCriteria c, int limit) {
        return table.where(s -> matches(c, s) && isAfter(c, s)).stream().sorted(order(c.sort())).limit(limit)
                .toList();
    }

    @Override
    public Map<StaffId, Instant> latestAssignments(Collection<StaffId> owners) {
        Map<StaffId, Instant> latest = new HashMap<>();
        table.where(s -> s.owner() != null && s.assignedAt() != null && owners.contains(s.owner()))
                .forEach(s -> latest.merge(s.owner(), s.assignedAt(), (a, b) -> a.isAfter(b) ? a : b));
        return latest;
    }

    private static boolean matches(LeadSearchCriteria c, LeadSnapshot s) {
        return (c.textPrefix() == null || textMatches(c.textPrefix(), s))
                && (c.stage() == null || c.stage() == s.stage())
                && (c.owner() == null || c.owner().equals(s.owner()))
                && (c.source() == null || c.source() == s.source())
                && (c.minScore() == null || s.score().points() >= c.minScore())
                && (c.maxScore() == null || s.score().points() <= c.maxScore())
                && (c.createdFrom() == null || !s.createdAt().isBefore(c.createdFrom()))
                && (c.createdBefore() == null || s.createdAt().isBefore(c.createdBefore()));
    }

    private static boolean textMatches(String prefix, LeadSnapshot s) {
        return PersonName.fold(s.contact().name().first()).startsWith(prefix)
                || PersonName.fold(s.contact().name().last()).startsWith(prefix)
                || s.contact().company() != null && PersonName.fold(s.contact().company()).startsWith(prefix)
                || s.contact().email() != null && s.contact().email().value().startsWith(prefix);
    }

    private static boolean isAfter(LeadSearchCriteria c, LeadSnapshot s) {
        LeadSearchCriteria.SeekPosition p = c.after();
        if (p == null) {
            return true;
        }
        int byId = UuidV7.compareBytes(s.id().value(), p.id().value());
        int key;
        switch (c.sort()) {
            case CREATED_ASC:
                key = s.createdAt().compareTo(p.createdAt());
                return key > 0 || key == 0 && byId > 0;
            case SCORE_DESC:
                key = Integer.compare(s.score().points(), p.score());
                return key < 0 || key == 0 && byId < 0;
            default:
                key = s.createdAt().compareTo(p.createdAt());
                return key < 0 || key == 0 && byId < 0;
        }
    }

    private static Comparator<LeadSnapshot> order(LeadSort sort) {
        switch (sort) {
            case CREATED_ASC:
                return Comparator.comparing(LeadSnapshot::createdAt).thenComparing(BY_ID);
            case SCORE_DESC:
                return Comparator.comparingInt((LeadSnapshot s) -> s.score().points()).thenComparing(BY_ID)
                        .reversed();
            default:
                return Comparator.comparing(LeadSnapshot::createdAt).thenComparing(BY_ID).reversed();
        }
    }

    @Override
    public List<LeadId> convertedInto(CustomerId customer) {
        return table.where(s -> customer.equals(s.convertedTo())).stream().map(LeadSnapshot::id)
                .sorted(Comparator.comparing(LeadId::value)).toList();
    }

    @Override
    public int eraseConvertedInto(CustomerId customer) {
        return eraseWhere(s -> customer.equals(s.convertedTo()));
    }

    @Override
    public int erase(LeadId lead) {
        return eraseWhere(s -> lead.equals(s.id()));
    }

    private int eraseWhere(Predicate<LeadSnapshot> which) {
        List<LeadSnapshot> erasing = table.where(s -> which.test(s) && !s.isErased());
        for (LeadSnapshot s : erasing) {
            table.replaceIf(s.id(), current -> !current.isErased(), current -> current.erased(current.version() + 1));
        }
        return erasing.size();
    }
}
