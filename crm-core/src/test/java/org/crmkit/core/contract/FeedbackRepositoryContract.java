package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.feedback.internal.store.FeedbackStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.feedback.FeedbackResponse;
import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.feedback.port.out.FeedbackRepository;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.StaffId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeedbackRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class FeedbackRepositoryContract extends PortContract {
    private static final Instant T0 = FeedbackFixtures.T0;

    private Product shirt;
    private Product mug;
    private CustomerId alice;
    private CustomerId bob;
    private Purchase alicesPurchase;
    private Purchase bobsPurchase;

    private FeedbackStore repo() {
        return new FeedbackStore(persistence.feedback());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Feedback load(FeedbackId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private Feedback stored(CustomerId customer, Purchase purchase, Product product, int rating, Instant at) {
        return FeedbackFixtures.stored(persistence, FeedbackFixtures.feedback(customer, purchase.id(), product.id(),
                rating, "comment " + rating, at));
    }

    @BeforeEach
    void givenPurchases() {
        shirt = SalesFixtures.storedProduct(persistence);
        mug = SalesFixtures.storedProduct(persistence);
        alice = CustomerId.next(SalesFixtures.IDS);
        bob = CustomerId.next(SalesFixtures.IDS);
        alicesPurchase = FeedbackFixtures.storedPurchase(persistence, alice, shirt, mug);
        bobsPurchase = FeedbackFixtures.storedPurchase(persistence, bob, shirt, mug);
    }

    @Test
    void returnsEveryFieldOfNewFeedbackInAnyScript() {
        String comment = "Très bien 🦊\nΚαλό\tεἶναι «ok» 가나 " + "é".repeat(1960);
        assertThat(comment.codePointCount(0, comment.length())).isLessThanOrEqualTo(2000);
        Feedback f = FeedbackFixtures.stored(persistence, FeedbackFixtures.feedback(alice, alicesPurchase.id(),
                shirt.id(), 5, comment, StaffId.next(SalesFixtures.IDS), T0.plusNanos(123_000)));
        assertThat(load(f.id()).snapshot()).isEqualTo(f.snapshot());
    }

    @Test
    void feedbackWithoutCommentComesBackWithout() {
        Feedback f = FeedbackFixtures.stored(persistence, FeedbackFixtures.feedback(alice, alicesPurchase.id(),
                mug.id(), 1, null, T0));
        FeedbackSnapshot s = load(f.id()).snapshot();
        assertThat(s).isEqualTo(f.snapshot());
        assertThat(s.comment()).isNull();
        assertThat(s.givenBy()).isNull();
        assertThat(s.response()).isNull();
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(tx(() -> repo().findById(FeedbackId.next(SalesFixtures.IDS)))).isEmpty();
    }

    @Test
    void anAnswerIsStoredAtTheNextVersion() {
        Feedback f = stored(alice, alicesPurchase, shirt, 2, T0);
        Feedback loaded = load(f.id());
        StaffId agent = StaffId.next(SalesFixtures.IDS);
        loaded.answer("Sorry 🙏\nWe will call you.", agent, T0.plusSeconds(60));
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        assertThat(loaded.version()).isEqualTo(1);
        FeedbackSnapshot s = load(f.id()).snapshot();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.response()).isEqualTo(new FeedbackResponse("Sorry 🙏\nWe will call you.", agent,
                T0.plusSeconds(60)));
        assertThat(s).isEqualTo(loaded.snapshot());
    }

    @Test
    void anUpdateAtAStaleVersionIsAConflictAndChangesNothing() {
        Feedback f = stored(alice, alicesPurchase, shirt, 2, T0);
        Feedback first = load(f.id());
        Feedback second = load(f.id());
        first.answer("First", null, T0.plusSeconds(1));
        tx(() -> {
            repo().update(first);
            return null;
        });
        second.answer("Second", null, T0.plusSeconds(2));
        assertThatThrownBy(() -> tx(() -> {
            repo().update(second);
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(load(f.id()).snapshot().response().text()).isEqualTo("First");
        assertThat(second.version()).isZero();
    }

    @Test
    void aSecondFeedbackOnTheSameProductOfAPurchaseIsADuplicateOnProductId() {
        stored(alice, alicesPurchase, shirt, 4, T0);
        Feedback again = FeedbackFixtures.feedback(alice, alicesPurchase.id(), shirt.id(), 1, "changed my mind",
                T0.plusSeconds(5));
        assertThatThrownBy(() -> FeedbackFixtures.stored(persistence, again))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate");
                    assertThat(e.field()).isEqualTo("productId");
                });
        assertThat(tx(() -> repo().findById(again.id()))).isEmpty();
        // the same product in another purchase, and another product of the same purchase, are fine
        stored(bob, bobsPurchase, shirt, 3, T0);
        stored(alice, alicesPurchase, mug, 3, T0);
    }

    @Test
    void aCustomersFeedbackPagesNewestFirstWithTiesBrokenById() {
        Purchase more = FeedbackFixtures.storedPurchase(persistence, alice, shirt, mug);
        List<Feedback> all = new ArrayList<>(List.of(stored(alice, alicesPurchase, shirt, 1, T0),
                stored(alice, alicesPurchase, mug, 2, T0.plusSeconds(10)),
                stored(alice, more, shirt, 3, T0.plusSeconds(10)),
                stored(alice, more, mug, 4, T0.plusSeconds(20))));
        stored(bob, bobsPurchase, shirt, 5, T0.plusSeconds(30));
        List<FeedbackId> expected = List.of(all.get(3).id(), all.get(2).id(), all.get(1).id(), all.get(0).id());

        List<FeedbackId> paged = new ArrayList<>();
        EntryPosition after = null;
        for (int page = 0; page < 10; page++) {
            EntryPosition position = after;
            List<Feedback> items = tx(() -> repo().findByCustomer(alice, position, 2));
            items.forEach(f -> paged.add(f.id()));
            if (items.size() < 2) {
                break;
            }
            Feedback last = items.get(items.size() - 1);
            after = new EntryPosition(last.snapshot().givenAt(), last.id().value());
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(tx(() -> repo().findByCustomer(CustomerId.next(SalesFixtures.IDS), null, 10))).isEmpty();
    }

    @Test
    void aProductsFeedbackPagesNewestFirst() {
        Feedback a = stored(alice, alicesPurchase, shirt, 1, T0);
        Feedback b = stored(bob, bobsPurchase, shirt, 5, T0.plusSeconds(1));
        stored(alice, alicesPurchase, mug, 3, T0.plusSeconds(2));
        assertThat(tx(() -> repo().findByProduct(shirt.id(), null, 10))).map(Feedback::id)
                .containsExactly(b.id(), a.id());
        assertThat(tx(() -> repo().findByProduct(shirt.id(), new EntryPosition(b.snapshot().givenAt(),
                b.id().value()), 10))).map(Feedback::id).containsExactly(a.id());
        assertThat(tx(() -> repo().findByProduct(shirt.id(), null, 1))).map(Feedback::id).containsExactly(b.id());
    }

    @Test
    void theUnansweredQueueIsOldestFirstWithoutAnsweredOrErasedFeedback() {
        Feedback newest = stored(alice, alicesPurchase, shirt, 1, T0.plusSeconds(30));
        Feedback answered = stored(alice, alicesPurchase, mug, 2, T0);
        Feedback oldest = stored(bob, bobsPurchase, shirt, 3, T0.plusSeconds(10));
        Feedback tied = stored(bob, bobsPurchase, mug, 4, T0.plusSeconds(10));
        Feedback loaded = load(answered.id());
        loaded.answer("Done", null, T0.plusSeconds(40));
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        List<FeedbackId> ties = org.crmkit.core.shared.UuidV7.compareBytes(oldest.id().value(), tied.id().value()) < 0
                ? List.of(oldest.id(), tied.id()) : List.of(tied.id(), oldest.id());
        assertThat(tx(() -> repo().findUnanswered(null, 10))).map(Feedback::id)
                .containsExactly(ties.get(0), ties.get(1), newest.id());
        Feedback first = load(ties.get(0));
        assertThat(tx(() -> repo().findUnanswered(new EntryPosition(first.snapshot().givenAt(), first.id().value()),
                10))).map(Feedback::id).containsExactly(ties.get(1), newest.id());
        assertThat(tx(() -> repo().findUnanswered(null, 1))).map(Feedback::id).containsExactly(ties.get(0));

        tx(() -> repo().eraseCustomer(bob, T0.plusSeconds(50)));
        assertThat(tx(() -> repo().findUnanswered(null, 10))).map(Feedback::id).containsExactly(newest.id());
    }

    @Test
    void ratingsAreTalliedPerRatingWithinThePeriod() {
        Purchase more = FeedbackFixtures.storedPurchase(persistence, alice, shirt);
        stored(alice, alicesPurchase, shirt, 5, T0);
        stored(bob, bobsPurchase, shirt, 5, T0.plusSeconds(10));
        Feedback three = stored(alice, more, shirt, 3, T0.plusSeconds(20));
        stored(alice, alicesPurchase, mug, 1, T0.plusSeconds(10));
        Feedback loaded = load(three.id());
        loaded.answer("Thanks", null, T0.plusSeconds(30));
        tx(() -> {
            repo().update(loaded);
            return null;
        });

        assertThat(tx(() -> repo().tallyRatings(shirt.id(), null, null))).containsExactlyInAnyOrder(
                new RatingTally(5, 2, 2), new RatingTally(3, 1, 0));
        assertThat(tx(() -> repo().tallyRatings(shirt.id(), T0.plusSeconds(10), T0.plusSeconds(20))))
                .as("from is inclusive, before exclusive").containsExactly(new RatingTally(5, 1, 1));
        assertThat(tx(() -> repo().tallyRatings(shirt.id(), T0.plusSeconds(21), null))).isEmpty();
        assertThat(tx(() -> repo().tallyRatings(mug.id(), null, T0.plusSeconds(11))))
                .containsExactly(new RatingTally(1, 1, 1));
    }

    @Test
    void erasingACustomerBlanksTheirTextsKeepsTheirRatingsAndLeavesOthersAlone() {
        Feedback answered = stored(alice, alicesPurchase, shirt, 2, T0);
        Feedback plain = stored(alice, alicesPurchase, mug, 4, T0.plusSeconds(1));
        Feedback bobs = stored(bob, bobsPurchase, shirt, 5, T0.plusSeconds(2));
        Feedback loaded = load(answered.id());
        StaffId agent = StaffId.next(SalesFixtures.IDS);
        loaded.answer("Dear Alice, sorry.", agent, T0.plusSeconds(60));
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        Instant erasedAt = T0.plusSeconds(3600);
        assertThat(tx(() -> repo().tallyRatings(mug.id(), null, null))).containsExactly(new RatingTally(4, 1, 1));

        assertThat(tx(() -> repo().eraseCustomer(alice, erasedAt))).isEqualTo(2);

        FeedbackSnapshot a = load(answered.id()).snapshot();
        assertThat(a.comment()).isNull();
        assertThat(a.rating()).isEqualTo(2);
        assertThat(a.erasedAt()).isEqualTo(erasedAt);
        assertThat(a.response()).isEqualTo(new FeedbackResponse(null, agent, T0.plusSeconds(60)));
        assertThat(a.version()).isEqualTo(2);
        FeedbackSnapshot p = load(plain.id()).snapshot();
        assertThat(p).isEqualTo(plain.snapshot().erased(erasedAt).withVersion(1));
        assertThat(load(bobs.id()).snapshot()).isEqualTo(bobs.snapshot());
        assertThat(tx(() -> repo().tallyRatings(shirt.id(), null, null))).containsExactlyInAnyOrder(
                new RatingTally(2, 1, 0), new RatingTally(5, 1, 1));
        assertThat(tx(() -> repo().tallyRatings(mug.id(), null, null)))
                .as("an erased customer's unanswered feedback is never answered: not counted as waiting")
                .containsExactly(new RatingTally(4, 1, 0));
        assertThat(tx(() -> repo().eraseCustomer(alice, erasedAt.plusSeconds(1)))).as("erased before").isZero();
        assertThat(load(plain.id()).snapshot().erasedAt()).isEqualTo(erasedAt);
    }

    @Test
    void nothingAddedInARolledBackTransactionStays() {
        Feedback f = FeedbackFixtures.feedback(alice, alicesPurchase.id(), shirt.id(), 3, null, T0);
        assertThatThrownBy(() -> tx(() -> {
            repo().add(f);
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tx(() -> repo().findById(f.id()))).isEmpty();
        FeedbackFixtures.stored(persistence, f);
        assertThat(load(f.id()).snapshot()).isEqualTo(f.snapshot());
    }
}
