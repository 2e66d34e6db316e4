package org.crmkit.persistence.mybatis.internal.interaction;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.out.InteractionRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Interactions in {@code crm_interaction}. They are inserted once; a conversion moves a lead's interactions to the
 * customer in one statement that moves each one's version on.
 */
public final class MyBatisInteractionRepository implements InteractionRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final InteractionMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisInteractionRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(InteractionMapper.class);
    }

    @Override
    public void add(InteractionSnapshot interaction) {
        InteractionSnapshot s = interaction;
        unitOfWork.inTransaction(() -> mapper.insert(new InteractionRow(s.id().value(), s.version(), s.type().name(),
                s.customer() == null ? null : s.customer().value(), s.lead() == null ? null : s.lead().value(),
                s.occurredAt(), s.duration() == null ? null : s.duration().getSeconds(),
                s.direction() == null ? null : s.direction().name(), s.subject(), s.summary(), s.staff().value(),
                s.outcome(), s.loggedAt())));
    }

    @Override
    public Optional<InteractionSnapshot> findById(InteractionId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectById(id.value()))
                .map(MyBatisInteractionRepository::restore));
    }

    @Override
    public List<InteractionSnapshot> timelineOfCustomer(CustomerId customer, EntryPosition after, int limit) {
        return timeline(new TimelineParams(customer.value(), null, after == null ? null : after.at(),
                after == null ? null : after.id(), limit));
    }

    @Override
    public List<InteractionSnapshot> timelineOfLead(LeadId lead, EntryPosition after, int limit) {
        return timeline(new TimelineParams(null, lead.value(), after == null ? null : after.at(),
                after == null ? null : after.id(), limit));
    }

    private List<InteractionSnapshot> timeline(TimelineParams params) {
        return unitOfWork.inTransaction(() -> mapper.timeline(params).stream()
                .map(MyBatisInteractionRepository::restore).toList());
    }

    @Override
    public int moveLeadToCustomer(LeadId lead, CustomerId customer) {
        return unitOfWork.inTransaction(() -> mapper.moveLeadToCustomer(lead.value(), customer.value()));
    }

    @Override
    public int eraseTextOfCustomer(CustomerId customer) {
        return unitOfWork.inTransaction(() -> mapper.eraseText(customer.value(), null, InteractionSnapshot.ERASED));
    }

    @Override
    public int eraseTextOfLead(LeadId lead) {
        return unitOfWork.inTransaction(() -> mapper.eraseText(null, lead.value(), InteractionSnapshot.ERASED));
    }

    private static InteractionSnapshot restore(InteractionRow r) {
        return new InteractionSnapshot(new InteractionId(r.id()), r.version(),
                InteractionType.valueOf(r.type()), r.customerId() == null ? null : new CustomerId(r.customerId()),
                r.leadId() == null ? null : new LeadId(r.leadId()), r.occurredAt(),
                r.durationSeconds() == null ? null : Duration.ofSeconds(r.durationSeconds()),
                r.direction() == null ? null : Direction.valueOf(r.direction()), r.subject(), r.summary(),
                new StaffId(r.staffId()), r.outcome(), r.loggedAt());
    }
}
