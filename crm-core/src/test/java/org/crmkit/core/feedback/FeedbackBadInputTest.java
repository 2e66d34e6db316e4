package org.crmkit.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedback;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.testing.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the feedback use cases: each call is refused with the documented exception naming the field or the
 * rule, and leaves every stored feedback (of every product), the audit trail and the event stream exactly as they
 * were. A refusal by the access policy writes one DENIED audit entry by design, and nothing else.
 */
class FeedbackBadInputTest {
    private FeedbackWorld w;
    private ProductFeedback feedback;
    private Refusals refusals;
    private ProductView cap;
    private CustomerView alice;
    private CustomerView bob;
    private PurchaseView alicesPurchase;
    private PurchaseView alicesCapPurchase;
    private PurchaseView bobsPurchase;
    private FeedbackView alicesShirt;

    @BeforeEach
    void setUp() {
        w = new FeedbackWorld();
        feedback = w.crm.feedback();
        cap = w.crm.products().create(FeedbackWorld.SYSTEM, new CreateProductCommand("CAP-1", "Cap", null, null,
                new BigDecimal("12.00"), "EUR"));
        alice = w.customer("Alice");
        bob = w.customer("Bob");
        alicesPurchase = w.purchase(alice, w.shirt, w.mug);
        alicesCapPurchase = w.purchase(alice, cap);
        bobsPurchase = w.purchase(bob, w.shirt, w.mug);
        alicesShirt = give(alice, alicesPurchase.id(), w.shirt.id(), 4, "Fine");
        w.clock.advance(Duration.ofMinutes(1));
        refusals = new Refusals(w.crm, w.publisher, () -> Stream.of(w.shirt, w.mug, cap)
                .map(p -> w.store.feedback().findByProduct(p.id(), null, 1000))
                .toList());
    }

    private FeedbackView give(CustomerView customer, PurchaseId purchase, ProductId product, int rating,
                              String comment) {
        return feedback.give(FeedbackWorld.as(customer), new GiveFeedbackCommand(customer.id(), purchase, product,
                rating, comment));
    }

    private <T extends CrmException> T refused(Class<T> type, ThrowingCallable call) {
        return refusals.withoutEffect(type, call);
    }

    private void assertInvalid(ThrowingCallable call, String... fields) {
        InvalidCommandException e = refused(InvalidCommandException.class, call);
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactlyInAnyOrder(fields);
    }

    // ---- giving --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, 6, -1, 10, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void aRatingOutsideOneToFiveIsRefusedNamingTheRating(int rating) {
        assertInvalid(() -> give(alice, alicesPurchase.id(), w.mug.id(), rating, "ok"), "rating");
    }

    @Test
    void aBadRatingAndABadCommentAreBothNamed() {
        assertInvalid(() -> give(alice, alicesPurchase.id(), w.mug.id(), 0, "Nice\u0000mug"), "rating", "comment");
        assertInvalid(() -> feedback.give(FeedbackWorld.as(alice), new GiveFeedbackCommand(null, null, null, 6,
                "x".repeat(2001))), "customerId", "purchaseId", "productId", "rating", "comment");
    }

    @Test
    void missingIdsAreAllNamed() {
        assertInvalid(() -> feedback.give(FeedbackWorld.as(alice), new GiveFeedbackCommand(null, null, null, 3,
                null)), "customerId", "purchaseId", "productId");
    }

    @Test
    void aPurchaseOfAnotherCustomerIsReportedLikeAMissingOne() {
        NotFoundException e = refused(NotFoundException.class,
                () -> give(alice, bobsPurchase.id(), w.mug.id(), 5, "Not mine"));
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("purchase");
        assertThat(e.id()).isEqualTo(bobsPurchase.id().toString());
    }

    @Test
    void anUnknownPurchaseOrAnAnonymousSaleIsNotFound() {
        assertThat(refused(NotFoundException.class, () -> give(alice, PurchaseId.next(w.clock), w.mug.id(), 5, null))
                .type()).isEqualTo("purchase");
        PurchaseView anonymous = w.purchase(null, w.mug);
        assertThat(refused(NotFoundException.class, () -> give(alice, anonymous.id(), w.mug.id(), 5, null))
                .type()).isEqualTo("purchase");
    }

    @Test
    void aProductNeverBoughtOrNotInThatPurchaseIsRefused() {
        BusinessRuleViolationException notInIt = refused(BusinessRuleViolationException.class,
                () -> give(alice, alicesPurchase.id(), cap.id(), 5, "bought it elsewhere"));
        assertThat(notInIt.code()).isEqualTo("product_not_in_purchase");
        assertThat(refused(BusinessRuleViolationException.class,
                () -> give(bob, bobsPurchase.id(), cap.id(), 1, "never bought")).code())
                .isEqualTo("product_not_in_purchase");
        assertThat(refused(BusinessRuleViolationException.class,
                () -> give(alice, alicesCapPurchase.id(), ProductId.next(w.clock), 1, null)).code())
                .as("a product that does not exist").isEqualTo("product_not_in_purchase");
    }

    @Test
    void aSecondFeedbackOnTheSameProductOfAPurchaseIsADuplicateOnProductId() {
        ConflictException e = refused(ConflictException.class,
                () -> give(alice, alicesPurchase.id(), w.shirt.id(), 1, "Changed my mind"));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("productId");
        ConflictException byStaff = refused(ConflictException.class, () -> feedback.give(w.agent,
                new GiveFeedbackCommand(alice.id(), alicesPurchase.id(), w.shirt.id(), 2, null)));
        assertThat(byStaff.field()).as("recorded by staff on her behalf").isEqualTo("productId");
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x1b, 0x7f, 0x85, 0x0b})
    void aCommentWithControlCharactersIsRefusedNamingTheComment(int control) {
        assertInvalid(() -> give(alice, alicesPurchase.id(), w.mug.id(), 5, "Nice" + (char) control + "mug"),
                "comment");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Nice \uD83D mug", "Nice \uDE00 mug", "Nice mug \uD83D", "\uDE00\uD83D"})
    void aCommentOrAResponseWithAnUnpairedSurrogateIsRefusedNamingIt(String text) {
        assertInvalid(() -> give(alice, alicesPurchase.id(), w.mug.id(), 5, text), "comment");
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(alicesShirt.id(), text, null)),
                "text");
    }

    @Test
    void aPairedSurrogateIsOneCharacter() {
        FeedbackView given = give(alice, alicesPurchase.id(), w.mug.id(), 5, "\uD83D\uDE00".repeat(2000));
        assertThat(given.comment().codePointCount(0, given.comment().length())).isEqualTo(2000);
    }

    @Test
    void aCommentOverTwoThousandCharactersIsRefused() {
        String longest = "🦊".repeat(2000);
        assertInvalid(() -> give(alice, alicesPurchase.id(), w.mug.id(), 5, longest + "x"), "comment");
        assertThat(give(alice, alicesPurchase.id(), w.mug.id(), 5, longest).comment()).isEqualTo(longest);
    }

    @Test
    void aCustomerGivingFeedbackForAnotherCustomerIsDenied() {
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> feedback.give(FeedbackWorld.as(alice),
                new GiveFeedbackCommand(bob.id(), bobsPurchase.id(), w.mug.id(), 1, "Bob is wrong")));
        assertThat(e.code()).isEqualTo("access_denied");
    }

    @Test
    void feedbackForAnErasedCustomerIsRefused() {
        w.crm.customers().erase(w.crmManager, bob.id());
        w.publisher.clear();
        BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, () -> feedback.give(w.agent,
                new GiveFeedbackCommand(bob.id(), bobsPurchase.id(), w.mug.id(), 3, null)));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    // ---- answering -----------------------------------------------------------------------------------------------

    @Test
    void aBlankOrMissingResponseIsRefusedNamingTheText() {
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(alicesShirt.id(), " \n\t ", null)),
                "text");
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(alicesShirt.id(), null, null)),
                "text");
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(null, "Thanks", null)),
                "feedbackId");
    }

    @Test
    void aResponseOverTwoThousandCharactersOrWithControlCharactersIsRefused() {
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(alicesShirt.id(), "x".repeat(2001),
                null)), "text");
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(alicesShirt.id(), "Thanks\u0000",
                null)), "text");
    }

    @Test
    void aMissingFeedbackIdAndABadResponseAreBothNamed() {
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(null, "Thanks\u0000", null)),
                "feedbackId", "text");
        assertInvalid(() -> feedback.answer(w.agent, new AnswerFeedbackCommand(null, " ", null)),
                "feedbackId", "text");
    }

    @Test
    void aCustomerAnsweringFeedbackIsDeniedEvenTheirOwn() {
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> feedback.answer(FeedbackWorld.as(alice),
                new AnswerFeedbackCommand(alicesShirt.id(), "I answer myself", null)));
        assertThat(e.code()).isEqualTo("access_denied");
    }

    @Test
    void aSalesRepAnsweringFeedbackIsDenied() {
        refusals.deniedAndAuditedOnce(() -> feedback.answer(w.salesRep, new AnswerFeedbackCommand(alicesShirt.id(),
                "Buy more", null)));
    }

    @Test
    void anAnswerAtAStaleVersionIsAConflict() {
        ConflictException e = refused(ConflictException.class, () -> feedback.answer(w.agent,
                new AnswerFeedbackCommand(alicesShirt.id(), "Thanks", alicesShirt.version() + 1)));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void answeringUnknownFeedbackIsNotFound() {
        assertThat(refused(NotFoundException.class, () -> feedback.answer(w.agent, new AnswerFeedbackCommand(
                FeedbackId.next(w.clock), "Thanks", null))).type()).isEqualTo("feedback");
    }

    // ---- queries ---------------------------------------------------------------------------------------------------

    @Test
    void aPeriodThatIsNotOrderedIsRefusedNamingFrom() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertInvalid(() -> feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(), t, t)),
                "from");
        assertInvalid(() -> feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(),
                t.plusSeconds(1), t)), "from");
        assertInvalid(() -> feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(),
                Instant.parse("0999-12-31T00:00:00Z"), null)), "from");
    }

    @Test
    void bothBadBoundsAndAMissingProductAreAllNamed() {
        Instant tooEarly = Instant.parse("0999-12-31T00:00:00Z");
        Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");
        assertInvalid(() -> feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(w.shirt.id(), tooEarly,
                tooLate)), "from", "before");
        assertInvalid(() -> feedback.statistics(w.crmManager, new FeedbackStatisticsQuery(null, tooLate, null)),
                "productId", "from");
    }

    @Test
    void statisticsOfAnUnknownProductAreNotFound() {
        assertThat(refused(NotFoundException.class, () -> feedback.statistics(w.crmManager,
                FeedbackStatisticsQuery.allTime(ProductId.next(w.clock)))).type()).isEqualTo("product");
    }

    @Test
    void aCursorOfAnotherCustomersHistoryIsRefused() {
        give(alice, alicesPurchase.id(), w.mug.id(), 2, null);
        String cursor = feedback.history(w.crmManager, new CustomerFeedbackQuery(alice.id(), PageRequest.first(1)))
                .nextCursor().orElseThrow();
        InvalidValueException e = refused(InvalidValueException.class, () -> feedback.history(w.crmManager,
                new CustomerFeedbackQuery(bob.id(), new PageRequest(1, cursor))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void aPageSizeOutsideOneToTwoHundredIsRefused() {
        assertInvalid(() -> feedback.history(w.crmManager, new CustomerFeedbackQuery(alice.id(),
                PageRequest.first(0))), "page.size");
        assertInvalid(() -> feedback.history(w.crmManager, new CustomerFeedbackQuery(alice.id(),
                PageRequest.first(201))), "page.size");
    }
}
