package org.crmkit.core.feedback.internal.application;

import org.crmkit.core.feedback.FeedbackError;
import org.crmkit.core.feedback.internal.store.FeedbackStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.feedback.internal.domain.FeedbackText;
import org.crmkit.core.feedback.RatingSummary;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatistics;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedback;
import org.crmkit.core.feedback.port.in.ProductFeedbackEntry;
import org.crmkit.core.feedback.port.in.ProductFeedbackQuery;
import org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.feedback.FeedbackPermission;

/**
 * Feedback on products bought. The customer, the purchase and the product are checked through their areas' use cases,
 * as the system; access follows the customer (their account manager owns their feedback, as their purchases).
 */
final class FeedbackService implements ProductFeedback {
    static final String TYPE = "feedback";

    private final UseCaseSupport support;
    private final FeedbackStore feedback;
    private final CustomerDirectory customers;
    private final ProductCatalog products;
    private final PurchaseDirectory sales;

    FeedbackService(UseCaseSupport support, FeedbackStore feedback, CustomerDirectory customers, ProductCatalog products,
                    PurchaseDirectory sales) {
        this.support = support;
        this.feedback = feedback;
        this.customers = customers;
        this.products = products;
        this.sales = sales;
    }

    @Override
    public FeedbackView give(Actor actor, GiveFeedbackCommand command) {
        // the comment is checked with the constraints, so that a bad rating and a bad comment are both named
        String comment = support.validate(actor, command, checks -> FeedbackText.optional("comment", command.comment()));
        // built (and so checked) before any storage is read or any access decided
        Feedback candidate = UseCaseSupport.commandField(() -> Feedback.give(FeedbackId.next(support.clock()),
                command.customerId(), command.purchaseId(), command.productId(), command.rating(), comment,
                staffOf(actor), support.now()));
        return support.transaction(() -> {
            support.authorize(actor, FeedbackPermission.FEEDBACK_GIVE, targetOf(command.customerId()), "feedback.give", TYPE,
                    null);
            customers.find(command.customerId())
                    .orElseThrow(() -> new NotFoundException("customer", command.customerId())).requireNotErased();
            // another customer's purchase is reported like a missing one: the caller learns nothing about it
            PurchaseView purchase = sales.find(command.purchaseId())
                    .filter(p -> command.customerId().equals(p.customer()))
                    .orElseThrow(() -> new NotFoundException("purchase", command.purchaseId()));
            if (!purchase.includes(command.productId())) {
                throw new BusinessRuleViolationException(FeedbackError.PRODUCT_NOT_IN_PURCHASE,
                        "purchase " + purchase.id() + " holds no product " + command.productId());
            }
            feedback.add(candidate);
            support.audit(actor, "feedback.give", TYPE, candidate.id().value());
            support.publishAfterCommit(candidate.pullEvents());
            return FeedbackViews.of(candidate);
        });
    }

    @Override
    public FeedbackView answer(Actor actor, AnswerFeedbackCommand command) {
        String text = support.validate(actor, command, checks -> FeedbackText.required("text", command.text()));
        FeedbackId id = command.feedbackId();
        return support.transaction(() -> {
            Optional<Feedback> found = feedback.findById(id);
            support.authorize(actor, FeedbackPermission.FEEDBACK_ANSWER,
                    targetOf(found.map(f -> f.snapshot().customer()).orElse(null)), "feedback.answer", TYPE,
                    id.value());
            Feedback f = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            support.applyChange(actor, "feedback.answer", TYPE, id.value(), f, command.expectedVersion(),
                    answered -> answered.answer(text, staffOf(actor), support.now()), feedback::update);
            return FeedbackViews.of(f);
        });
    }

    @Override
    public Optional<FeedbackView> findById(Actor actor, FeedbackId feedbackId) {
        support.validate(actor, new Arguments.FeedbackIdQuery(feedbackId));
        return support.transaction(() -> {
            Optional<Feedback> found = feedback.findById(feedbackId);
            support.authorize(actor, FeedbackPermission.FEEDBACK_VIEW,
                    targetOf(found.map(f -> f.snapshot().customer()).orElse(null)), "feedback.view", TYPE,
                    feedbackId.value());
            return found.map(FeedbackViews::of);
        });
    }

    @Override
    public Page<FeedbackView> history(Actor actor, CustomerFeedbackQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("feedback.history", query.customerId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, FeedbackPermission.FEEDBACK_VIEW, targetOf(query.customerId()), "feedback.history", TYPE,
                    null);
            return page(feedback.findByCustomer(query.customerId(), after, size + 1), size, scope);
        });
    }

    @Override
    public Page<ProductFeedbackEntry> forProduct(Actor actor, ProductFeedbackQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("feedback.product", query.productId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, FeedbackPermission.FEEDBACK_PRODUCT_VIEW, AccessTarget.none(), "feedback.product", TYPE,
                    null);
            requireProduct(query.productId());
            return Page.slice(feedback.findByProduct(query.productId(), after, size + 1), size,
                    f -> ProductFeedbackEntry.of(FeedbackViews.of(f)), f -> positionOf(f).toCursor(scope));
        });
    }

    @Override
    public Page<FeedbackView> unanswered(Actor actor, UnansweredFeedbackQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("feedback.unanswered");
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, FeedbackPermission.FEEDBACK_QUEUE, AccessTarget.none(), "feedback.unanswered", TYPE,
                    null);
            return page(feedback.findUnanswered(after, size + 1), size, scope);
        });
    }

    @Override
    public FeedbackStatistics statistics(Actor actor, FeedbackStatisticsQuery query) {
        Period period = support.validate(actor, query, checks -> Period.of(query));
        Instant from = period.from();
        Instant before = period.before();
        // a report: the caller and the product are checked on the primary (a product created a moment ago exists),
        // the tally is read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(() -> {
            support.authorize(actor, FeedbackPermission.FEEDBACK_STATISTICS, AccessTarget.none(), "feedback.statistics",
                    TYPE, null);
            requireProduct(query.productId());
            return query.productId();
        }, product -> FeedbackStatistics.of(product, from, before,
                RatingSummary.of(feedback.tallyRatings(product, from, before))));
    }

    /** A statistics period as the storage compares it; both bounds are checked, and named, before their order. */
    private record Period(Instant from, Instant before) {
        static Period of(FeedbackStatisticsQuery query) {
            FieldChecks checks = new FieldChecks();
            Instant from = checks.attempt(() -> StoredTime.bound("from", query.from()));
            Instant before = checks.attempt(() -> StoredTime.bound("before", query.before()));
            checks.throwIfAny();
            StoredTime.requireOrdered("from", from, "before", before);
            return new Period(from, before);
        }
    }

    private static Page<FeedbackView> page(List<Feedback> fetched, int size, String scope) {
        return Page.slice(fetched, size, FeedbackViews::of, f -> positionOf(f).toCursor(scope));
    }

    private static EntryPosition positionOf(Feedback f) {
        return new EntryPosition(f.snapshot().givenAt(), f.id().value());
    }

    private void requireProduct(ProductId product) {
        if (products.find(product).isEmpty()) {
            throw new NotFoundException("product", product);
        }
    }

    /** The staff user acting, kept with what they wrote; {@code null} for a customer or the system. */
    private static StaffId staffOf(Actor actor) {
        return actor instanceof Actor.Staff staff ? staff.id() : null;
    }

    /** Whose feedback this is: the customer's, owned by their account manager; an unknown one is nobody's. */
    private AccessTarget targetOf(CustomerId customer) {
        if (customer == null) {
            return AccessTarget.none();
        }
        Optional<CustomerView> view = customers.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }
}
