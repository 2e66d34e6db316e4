package org.crmkit.persistence.mybatis.internal.feedback;

import org.crmkit.core.feedback.FeedbackSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.feedback.port.out.FeedbackRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * FeedbackSnapshot in {@code crm_feedback}, one per purchase and product ({@code uq_crm_feedback__productId}), with optimistic
 * locking on the version column. The statistics' tallies are one {@code GROUP BY rating}.
 */
public final class MyBatisFeedbackRepository implements FeedbackRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final FeedbackMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisFeedbackRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(FeedbackMapper.class);
    }

    @Override
    public void add(FeedbackSnapshot feedback) {
        mapper.insert(FeedbackRows.toRow(feedback));
    }

    @Override
    public void update(FeedbackSnapshot feedback) {
        FeedbackRow row = FeedbackRows.toRow(feedback);
        unitOfWork.updateVersioned("feedback", feedback.id(), feedback.version(), () -> mapper.update(row), () -> { });
    }

    @Override
    public Optional<FeedbackSnapshot> findById(FeedbackId id) {
        return Optional.ofNullable(mapper.selectById(id.value())).map(MyBatisFeedbackRepository::restore);
    }

    @Override
    public List<FeedbackSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        return page(() -> mapper.selectByCustomer(params(customer.value(), null, after, limit)), limit);
    }

    @Override
    public List<FeedbackSnapshot> findByProduct(ProductId product, EntryPosition after, int limit) {
        return page(() -> mapper.selectByProduct(params(null, product.value(), after, limit)), limit);
    }

    @Override
    public List<FeedbackSnapshot> findUnanswered(EntryPosition after, int limit) {
        return page(() -> mapper.selectUnanswered(params(null, null, after, limit)), limit);
    }

    @Override
    public List<RatingTally> tallyRatings(ProductId product, Instant from, Instant before) {
        return unitOfWork.inTransaction(() -> mapper.tally(product.value(), from, before).stream()
                .map(FeedbackRows::toTally).toList());
    }

    @Override
    public int eraseCustomer(CustomerId customer, Instant at) {
        return unitOfWork.inTransaction(() -> mapper.eraseCustomer(customer.value(), at));
    }

    private List<FeedbackSnapshot> page(java.util.function.Supplier<List<FeedbackRow>> select, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> select.get().stream().map(MyBatisFeedbackRepository::restore).toList());
    }

    private static PageParams params(java.util.UUID customer, java.util.UUID product, EntryPosition after,
                                     int limit) {
        return new PageParams(customer, product, after == null ? null : after.at(),
                after == null ? null : after.id(), limit);
    }

    private static FeedbackSnapshot restore(FeedbackRow row) {
        return FeedbackRows.toSnapshot(row);
    }
}
