package org.crmkit.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.port.in.CustomerView;
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
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feedback use cases on the in-memory adapters, as hosts call them. */
class FeedbackUseCasesTest {
    private FeedbackWorld w;
    private ProductFeedback feedback;
    private CustomerView alice;
    private PurchaseView alicesPurchase;

    @BeforeEach
    void setUp() {
        w = new FeedbackWorld();
        feedback = w.crm.feedback();
        alice = w.customer("Alice");
        alicesPurchase = w.purchase(alice, w.shirt, w.mug);
        w.publisher.clear();
    }

    private FeedbackView give(CustomerView customer, PurchaseView purchase, ProductView product, int rating,
                              String comment) {
        return feedback.give(FeedbackWorld.as(customer), new GiveFeedbackCommand(customer.id(), purchase.id(),
                product.id(), rating, comment));
    }

    private List<AuditEntry> audited(String action) {
        return w.store.unitOfWork().inTransaction(() -> w.store.auditLog().search(
                new AuditCriteria(null, null, action, null, null, null, null, null, null), 100));
    }

    @Test
    void aCustomerRatesAProductTheyBoughtStaffAnswerAndTheCustomerSeesTheResponse() {
        FeedbackView given = give(alice, alicesPurchase, w.shirt, 4, "  Soft fabric,\nbut runs small.  ");

        assertThat(given.rating()).isEqualTo(4);
        assertThat(given.comment()).as("trimmed").isEqualTo("Soft fabric,\nbut runs small.");
        assertThat(given.customerId()).isEqualTo(alice.id());
        assertThat(given.purchaseId()).isEqualTo(alicesPurchase.id());
        assertThat(given.productId()).isEqualTo(w.shirt.id());
        assertThat(given.givenAt()).isEqualTo(w.clock.instant());
        assertThat(given.givenBy()).as("the customer gave it themself").isNull();
        assertThat(given.isAnswered()).isFalse();
        assertThat(w.publisher.events()).singleElement().isEqualTo(new FeedbackEvents.FeedbackGiven(given.id(),
                alice.id(), alicesPurchase.id(), w.shirt.id(), 4, given.givenAt()));
        assertThat(w.publisher.insideTransaction()).as("published after commit").containsExactly(false);
        assertThat(audited("feedback.give")).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo(given.id().value());
            assertThat(e.actorRef()).isEqualTo(FeedbackWorld.as(alice).reference());
        });

        w.clock.advance(Duration.ofHours(2));
        w.publisher.clear();
        FeedbackView answered = feedback.answer(w.agent, new AnswerFeedbackCommand(given.id(),
                "Thank you! Our size guide now says so.", given.version()));

        Actor.Staff agent = (Actor.Staff) w.agent;
        assertThat(answered.response()).isEqualTo(new FeedbackResponse("Thank you! Our size guide now says so.",
                agent.id(), w.clock.instant()));
        assertThat(answered.version()).isEqualTo(1);
        assertThat(w.publisher.events()).singleElement().isEqualTo(new FeedbackEvents.FeedbackAnswered(given.id(),
                alice.id(), agent.id(), w.clock.instant()));
        assertThat(w.publisher.insideTransaction()).containsExactly(false);
        assertThat(audited("feedback.answer")).singleElement()
                .satisfies(e -> assertThat(e.actorRef()).isEqualTo(w.agent.reference()));

        assertThat(feedback.findById(FeedbackWorld.as(alice), given.id())).contains(answered);
        assertThat(feedback.history(FeedbackWorld.as(alice), new CustomerFeedbackQuery(alice.id(),
                PageRequest.first(10))).items()).containsExactly(answered);
    }

    @Test
    void supportStaffRecordFeedbackGivenOnThePhoneOnTheCustomersBehalf() {
        FeedbackView given = feedback.give(w.agent, new GiveFeedbackCommand(alice.id(), alicesPurchase.id(),
                w.mug.id(), 2, "Said on the phone: the handle came off."));
        assertThat(given.givenBy()).isEqualTo(((Actor.Staff) w.agent).id());
        assertThat(given.customerId()).isEqualTo(alice.id());
        assertThat(feedback.history(FeedbackWorld.as(alice), new CustomerFeedbackQuery(alice.id(),
                PageRequest.first(10))).items()).containsExactly(given);
    }

    @Test
    void aBlankCommentCountsAsNone() {
        assertThat(give(alice, alicesPurchase, w.mug, 5, " \n\t ").comment()).isNull();
    }

    @Test
    void aResponseIsFinal() {
        FeedbackView given = give(alice, alicesPurchase, w.shirt, 1, "Torn");
        FeedbackView answered = feedback.answer(w.agent, new AnswerFeedbackCommand(given.id(), "Sorry", null));
        w.publisher.clear();

        Throwable e = catchThrowable(() -> feedback.answer(w.supportManager,
                new AnswerFeedbackCommand(given.id(), "Sorry again", null)));

        assertThat(e).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                b -> assertThat(b.code()).isEqualTo("feedback_answered"));
        assertThat(feedback.findById(w.crmManager, given.id())).contains(answered);
        assertThat(w.publisher.events()).isEmpty();
        assertThat(audited("feedback.answer")).hasSize(1);
    }

    @Test
    void theSystemMayAnswerAndTheResponseNamesNoStaffUser() {
        FeedbackView given = give(alice, alicesPurchase, w.shirt, 3, null);
        FeedbackView answered = feedback.answer(FeedbackWorld.SYSTEM, new AnswerFeedbackCommand(given.id(),
                "Imported from the help desk", null));
        assertThat(answered.response().respondedBy()).isNull();
        assertThat(answered.response().text()).isEqualTo("Imported from the help desk");
    }

    @Test
    void aLineReturnedInFullMayStillBeRated() {
        w.crm.sales().recordReturn(FeedbackWorld.SYSTEM, new RecordReturnCommand(alicesPurchase.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), null));
        FeedbackView given = give(alice, alicesPurchase, w.shirt, 1, "Sent it back: the seams came apart.");
        assertThat(given.rating()).isEqualTo(1);
    }

    @Test
    void theUnansweredQueueIsOldestFirstInPagesAndAnAnswerTakesFeedbackOutOfIt() {
        CustomerView bob = w.customer("Bob");
        PurchaseView bobsPurchase = w.purchase(bob, w.shirt, w.mug);
        List<FeedbackView> given = new ArrayList<>();
        given.add(give(alice, alicesPurchase, w.shirt, 2, "a"));
        w.clock.advance(Duration.ofMinutes(1));
        given.add(give(bob, bobsPurchase, w.mug, 3, "b"));
        w.clock.advance(Duration.ofMinutes(1));
        given.add(give(alice, alicesPurchase, w.mug, 5, "c"));
        w.clock.advance(Duration.ofMinutes(1));
        given.add(give(bob, bobsPurchase, w.shirt, 1, "d"));

        List<FeedbackId> seen = new ArrayList<>();
        UnansweredFeedbackQuery query = UnansweredFeedbackQuery.first(3);
        Page<FeedbackView> page = feedback.unanswered(w.supportManager, query);
        page.items().forEach(v -> seen.add(v.id()));
        assertThat(page.hasNext()).isTrue();
        page = feedback.unanswered(w.supportManager, query.next(page));
        page.items().forEach(v -> seen.add(v.id()));
        assertThat(page.hasNext()).isFalse();
        assertThat(seen).containsExactlyElementsOf(given.stream().map(FeedbackView::id).toList());

        feedback.answer(w.agent, new AnswerFeedbackCommand(given.get(0).id(), "Answered", null));
        assertThat(feedback.unanswered(w.crmManager, UnansweredFeedbackQuery.first(10)).items())
                .map(FeedbackView::id).containsExactly(given.get(1).id(), given.get(2).id(), given.get(3).id());
    }

    @Test
    void aCustomersFeedbackAndAProductsFeedbackPageNewestFirst() {
        CustomerView bob = w.customer("Bob");
        PurchaseView bobsPurchase = w.purchase(bob, w.shirt);
        PurchaseView again = w.purchase(alice, w.shirt);
        FeedbackView first = give(alice, alicesPurchase, w.shirt, 2, null);
        w.clock.advance(Duration.ofMinutes(1));
        FeedbackView second = give(bob, bobsPurchase, w.shirt, 4, null);
        w.clock.advance(Duration.ofMinutes(1));
        w.clock.advance(Duration.ofMinutes(1));
        FeedbackView third = give(alice, again, w.shirt, 5, "Bought it again");
        w.clock.advance(Duration.ofMinutes(1));
        FeedbackView mug = give(alice, alicesPurchase, w.mug, 3, null);

        CustomerFeedbackQuery mine = new CustomerFeedbackQuery(alice.id(), PageRequest.first(2));
        Page<FeedbackView> page = feedback.history(FeedbackWorld.as(alice), mine);
        assertThat(page.items()).map(FeedbackView::id).containsExactly(mug.id(), third.id());
        assertThat(page.hasNext()).isTrue();
        Page<FeedbackView> last = feedback.history(FeedbackWorld.as(alice), mine.next(page));
        assertThat(last.items()).map(FeedbackView::id).containsExactly(first.id());
        assertThat(last.hasNext()).isFalse();

        ProductFeedbackQuery shirts = new ProductFeedbackQuery(w.shirt.id(), PageRequest.first(2));
        Page<ProductFeedbackEntry> products = feedback.forProduct(w.productManager, shirts);
        assertThat(products.items()).map(ProductFeedbackEntry::id).containsExactly(third.id(), second.id());
        assertThat(products.hasNext()).isTrue();
        Page<ProductFeedbackEntry> lastProducts = feedback.forProduct(w.productManager, shirts.next(products));
        assertThat(lastProducts.items()).map(ProductFeedbackEntry::id).containsExactly(first.id());
        assertThat(lastProducts.hasNext()).isFalse();
    }

    @Test
    void aProductsFeedbackShowsWhatWasSaidAndAnsweredButNotWhoSaidIt() {
        FeedbackView given = give(alice, alicesPurchase, w.shirt, 4, "Soft");
        w.clock.advance(Duration.ofMinutes(5));
        FeedbackView answered = feedback.answer(w.agent, new AnswerFeedbackCommand(given.id(), "Thank you", null));

        assertThat(feedback.forProduct(w.productManager, new ProductFeedbackQuery(w.shirt.id(),
                PageRequest.first(10))).items()).containsExactly(new ProductFeedbackEntry(given.id(), w.shirt.id(), 4,
                "Soft", given.givenAt(), "Thank you", answered.response().respondedAt(), false));
        assertThat(ProductFeedbackEntry.class.getRecordComponents()).extracting(RecordComponent::getName)
                .as("product managers may not see customers: no customer, purchase or staff ids")
                .doesNotContain("customerId", "purchaseId", "givenBy", "response", "respondedBy");
    }

    @Test
    void statisticsCountAverageAndDistributeTheRatingsOfAPeriod() {
        // eight ratings summing to 33: the mean 4.125 rounds half up to 4.13
        int[] ratings = {5, 5, 5, 4, 4, 4, 5, 1};
        List<Instant> givenAt = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            CustomerView c = w.customer("Rater" + i);
            PurchaseView p = w.purchase(c, w.shirt);
            w.clock.advance(Duration.ofHours(1));
            givenAt.add(w.clock.instant());
            give(c, p, w.shirt, ratings[i], null);
        }
        w.clock.advance(Duration.ofHours(1));
        FeedbackView mugs = give(alice, alicesPurchase, w.mug, 2, null);
        FeedbackView shirts = give(alice, alicesPurchase, w.shirt, 3, null);
        feedback.answer(w.agent, new AnswerFeedbackCommand(shirts.id(), "Thanks", null));

        FeedbackStatistics all = feedback.statistics(w.productManager,
                FeedbackStatisticsQuery.allTime(w.shirt.id()));
        assertThat(all.count()).isEqualTo(9);
        assertThat(all.average()).contains(new BigDecimal("4.00"));
        assertThat(all.distribution()).containsExactly(1L, 0L, 1L, 3L, 4L);
        assertThat(all.unanswered()).isEqualTo(8);

        FeedbackStatistics firstEight = feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(),
                givenAt.get(0), givenAt.get(7).plusNanos(1000)));
        assertThat(firstEight.count()).isEqualTo(8);
        assertThat(firstEight.average()).contains(new BigDecimal("4.13"));
        assertThat(firstEight.countOf(5)).isEqualTo(4);
        assertThat(firstEight.countOf(1)).isEqualTo(1);

        FeedbackStatistics twoOnly = feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(),
                givenAt.get(6), givenAt.get(7).plusNanos(1000)));
        assertThat(twoOnly.average()).as("5 and 1").contains(new BigDecimal("3.00"));

        FeedbackStatistics none = feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.mug.id(), null,
                givenAt.get(0)));
        assertThat(none.count()).isZero();
        assertThat(none.average()).isEmpty();
        assertThat(none.distribution()).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(feedback.statistics(w.crmManager, FeedbackStatisticsQuery.allTime(w.mug.id())).average())
                .contains(new BigDecimal("2.00"));
        assertThat(mugs.rating()).isEqualTo(2);
    }

    @Test
    void erasingTheCustomerBlanksTheirCommentsAndTheResponsesButKeepsTheRatings() {
        FeedbackView shirt = give(alice, alicesPurchase, w.shirt, 2, "Alice here, call me on 0170 1234567");
        give(alice, alicesPurchase, w.mug, 5, "Lovely mug");
        feedback.answer(w.agent, new AnswerFeedbackCommand(shirt.id(), "Dear Alice, we called you.", null));
        FeedbackStatistics before = feedback.statistics(w.crmManager, FeedbackStatisticsQuery.allTime(w.shirt.id()));
        FeedbackStatistics mugBefore = feedback.statistics(w.crmManager, FeedbackStatisticsQuery.allTime(w.mug.id()));
        assertThat(mugBefore.unanswered()).isEqualTo(1);

        w.crm.customers().erase(w.crmManager, alice.id());

        List<ProductFeedbackEntry> kept = feedback.forProduct(w.crmManager, new ProductFeedbackQuery(w.shirt.id(),
                PageRequest.first(10))).items();
        assertThat(kept).singleElement().satisfies(v -> {
            assertThat(v.rating()).isEqualTo(2);
            assertThat(v.comment()).isNull();
            assertThat(v.erased()).isTrue();
            assertThat(v.responseText()).isNull();
            assertThat(v.isAnswered()).isTrue();
        });
        assertThat(feedback.findById(w.crmManager, shirt.id()).orElseThrow().response().respondedBy())
                .isEqualTo(((Actor.Staff) w.agent).id());
        assertThat(feedback.forProduct(w.crmManager, new ProductFeedbackQuery(w.mug.id(), PageRequest.first(10)))
                .items()).singleElement().satisfies(v -> assertThat(v.comment()).isNull());
        assertThat(feedback.statistics(w.crmManager, FeedbackStatisticsQuery.allTime(w.shirt.id())))
                .isEqualTo(before);
        FeedbackStatistics mugAfter = feedback.statistics(w.crmManager, FeedbackStatisticsQuery.allTime(w.mug.id()));
        assertThat(mugAfter.unanswered()).as("the erased customer's unanswered feedback waits for nobody").isZero();
        assertThat(List.of(mugAfter.count(), mugAfter.average(), mugAfter.distribution()))
                .as("the ratings stay").isEqualTo(List.of(mugBefore.count(), mugBefore.average(),
                        mugBefore.distribution()));
        assertThat(feedback.unanswered(w.crmManager, UnansweredFeedbackQuery.first(10)).items())
                .as("nobody is left to answer").isEmpty();
    }
}
