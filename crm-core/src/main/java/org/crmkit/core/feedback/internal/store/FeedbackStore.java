package org.crmkit.core.feedback.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.feedback.port.out.FeedbackRepository;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;

/**
 * The feedback area's repository of aggregates, on the adapter's {@link FeedbackRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port
 * stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class FeedbackStore {
    private final FeedbackRepository port;

    /** @param port the adapter's port */
    public FeedbackStore(FeedbackRepository port) {
        this.port = port;
    }

    /** @see FeedbackRepository#add */
    public void add(Feedback feedback) {
        port.add(feedback.snapshot());
    }

    /** @see FeedbackRepository#update */
    public void update(Feedback feedback) {
        port.update(feedback.snapshot());
        feedback.recordStored();
    }

    /** @see FeedbackRepository#findById */
    public Optional<Feedback> findById(FeedbackId id) {
        return port.findById(id).map(Feedback::restore);
    }

    /** @see FeedbackRepository#findByCustomer */
    public List<Feedback> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        return port.findByCustomer(customer, after, limit).stream().map(Feedback::restore).toList();
    }

    /** @see FeedbackRepository#findByProduct */
    public List<Feedback> findByProduct(ProductId product, EntryPosition after, int limit) {
        return port.findByProduct(product, after, limit).stream().map(Feedback::restore).toList();
    }

    /** @see FeedbackRepository#findUnanswered */
    public List<Feedback> findUnanswered(EntryPosition after, int limit) {
        return port.findUnanswered(after, limit).stream().map(Feedback::restore).toList();
    }

    /** @see FeedbackRepository#tallyRatings */
    public List<RatingTally> tallyRatings(ProductId product, Instant from, Instant before) {
        return port.tallyRatings(product, from, before);
    }

    /** @see FeedbackRepository#eraseCustomer */
    public int eraseCustomer(CustomerId customer, Instant at) {
        return port.eraseCustomer(customer, at);
    }
}
