package org.crmkit.core.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RejectQuoteCommand;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.testing.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the quote use cases: each call is refused with the documented error naming the field or the rule, and
 * leaves every quote, every purchase of the shop's customers, their loyalty accounts, the audit trail and the event
 * stream exactly as they were. A refusal by the access policy writes one DENIED audit entry by design, and nothing
 * else.
 */
class QuoteBadInputTest {
    private QuoteWorld w;
    private Refusals refusals;
    private QuoteView requested;
    private QuoteView quoted;

    @BeforeEach
    void setUp() {
        w = new QuoteWorld();
        requested = w.requested(w.alice);
        quoted = w.quoted(w.alice);
        refusals = new Refusals(w.crm, w.publisher, w::storedState);
    }

    private <T extends CrmException> T refused(Class<T> type, ThrowingCallable call) {
        return refusals.withoutEffect(type, call);
    }

    private void refusedNaming(String field, ThrowingCallable call) {
        InvalidCommandException e = refused(InvalidCommandException.class, call);
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly(field);
    }

    private void refusedByRule(String rule, ThrowingCallable call) {
        assertThat(refused(BusinessRuleViolationException.class, call).code()).isEqualTo(rule);
    }

    // ---- acceptance --------------------------------------------------------------------------------------------

    @Test
    void aQuoteAcceptedAfterItsValidityIsRefusedEvenBeforeTheBatchExpiredIt() {
        w.clock.advance(Duration.ofDays(14)); // valid until exactly now: no longer valid
        refusedByRule("quote_expired", () -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(quoted.id(), quoted.version())));
        w.quotes.expireQuotes(QuoteWorld.SYSTEM, new ExpireQuotesCommand(w.clock.instant()));
        refusedByRule("quote_expired", () -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(quoted.id(), quoted.version())));
        refusedByRule("quote_expired", () -> w.quotes.reject(Actor.customer(w.alice),
                new RejectQuoteCommand(quoted.id(), null, null)));
        refusedByRule("quote_closed", () -> w.quotes.answer(w.manager, w.answer(w.quotes
                .findById(w.manager, quoted.id()).orElseThrow())));
    }

    @Test
    void aQuoteNotAnsweredYetCanBeNeitherAcceptedNorRejected() {
        refusedByRule("quote_not_answered", () -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(requested.id(), requested.version())));
        refusedByRule("quote_not_answered", () -> w.quotes.reject(w.rep,
                new RejectQuoteCommand(requested.id(), null, null)));
    }

    @Test
    void aCustomerAcceptingAnotherCustomersQuoteIsDeniedAndAuditedOnce() {
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> w.quotes.accept(Actor.customer(w.bob),
                new AcceptQuoteCommand(quoted.id(), quoted.version())));
        assertThat(e.code()).isEqualTo("access_denied");
        refusals.deniedAndAuditedOnce(() -> w.quotes.request(Actor.customer(w.bob),
                w.request(w.alice, QuoteWorld.line(w.mug, 1))));
        refusals.deniedAndAuditedOnce(() -> w.quotes.answer(Actor.customer(w.alice), w.answer(requested)));
    }

    @Test
    void anUnknownQuoteIsNotFoundForManagersAndDeniedToOthers() {
        org.crmkit.core.quote.QuoteId unknown = org.crmkit.core.quote.QuoteId.next(w.clock);
        assertThat(refused(org.crmkit.core.shared.NotFoundException.class, () -> w.quotes.accept(w.manager,
                new AcceptQuoteCommand(unknown, 0L))).code()).isEqualTo("not_found");
        refusals.deniedAndAuditedOnce(() -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(unknown, 0L)));
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    @Test
    void anAnswerInAnotherCurrencyIsRefusedNamingTheCurrency() {
        refusedNaming("currency", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(), null, "USD",
                List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("18.00"))), inAWeek(), null)));
        refusedNaming("currency", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(), null, "XYZ",
                List.of(), inAWeek(), null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-0.01", "-18", "1.23456", "1234567890123456"})
    void aNegativeOrMalformedPriceIsRefusedNamingTheLinesPrice(String price) {
        refusedNaming("prices[1].unitPrice", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(),
                null, "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("18.00")),
                new AnswerQuoteCommand.LinePrice(2, new BigDecimal(price))), inAWeek(), null)));
    }

    @Test
    void aValidityThatIsNotInTheFutureIsRefusedNamingValidUntil() {
        for (Instant until : List.of(w.clock.instant(), w.clock.instant().minusSeconds(1),
                Instant.parse("0001-01-01T00:00:00Z"))) {
            refusedNaming("validUntil", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(), null,
                    "EUR", List.of(), until, null)));
        }
    }

    @Test
    void pricesForLinesTheQuoteDoesNotHaveOrTwiceForOneLineAreRefused() {
        refusedNaming("prices[1].lineNumber", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(),
                null, "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, BigDecimal.ONE),
                new AnswerQuoteCommand.LinePrice(3, BigDecimal.ONE)), inAWeek(), null)));
        refusedNaming("prices[1].lineNumber", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(),
                null, "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, BigDecimal.ONE),
                new AnswerQuoteCommand.LinePrice(1, BigDecimal.TEN)), inAWeek(), null)));
    }

    @Test
    void aLineLeftUnpricedWhoseListPriceIsInAnotherCurrencyIsRefusedNamingThePrices() {
        QuoteView withHat = w.quotes.request(w.rep, w.request(w.alice, QuoteWorld.line(w.mug, 1),
                QuoteWorld.line(w.hat, 1)));
        refusedNaming("prices", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(withHat.id(), null, "EUR",
                List.of(), inAWeek(), null)));
    }

    // ---- requests -------------------------------------------------------------------------------------------------

    @Test
    void anUnknownOrRetiredProductIsRefusedNamingTheLine() {
        w.crm.products().retire(QuoteWorld.SYSTEM, new RetireProductCommand(w.shirt.id(), null));
        InvalidCommandException e = refused(InvalidCommandException.class, () -> w.quotes.request(
                Actor.customer(w.alice), w.request(w.alice, QuoteWorld.line(w.mug, 1),
                        new RequestQuoteCommand.Line(ProductId.next(w.clock), 1), QuoteWorld.line(w.shirt, 2))));
        assertThat(e.fields()).containsExactly("lines[1].productId", "lines[2].productId");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, 1_000_001, Integer.MIN_VALUE})
    void aZeroNegativeOrHugeQuantityIsRefusedNamingTheLine(int quantity) {
        refusedNaming("lines[1].quantity", () -> w.quotes.request(Actor.customer(w.alice), w.request(w.alice,
                QuoteWorld.line(w.mug, 1), QuoteWorld.line(w.shirt, quantity))));
    }

    @Test
    void aRequestWithoutLinesOrWithTooManyIsRefusedNamingTheLines() {
        refusedNaming("lines", () -> w.quotes.request(Actor.customer(w.alice), w.request(w.alice)));
        RequestQuoteCommand.Line[] many = new RequestQuoteCommand.Line[101];
        java.util.Arrays.fill(many, QuoteWorld.line(w.mug, 1));
        refusedNaming("lines", () -> w.quotes.request(Actor.customer(w.alice), w.request(w.alice, many)));
    }

    @Test
    void aRequestInAnUnknownCurrencyOrWithATooLongMessageIsRefusedNamingTheField() {
        refusedNaming("currency", () -> w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice,
                "EU1", List.of(QuoteWorld.line(w.mug, 1)), null)));
        refusedNaming("message", () -> w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice,
                "EUR", List.of(QuoteWorld.line(w.mug, 1)), "x".repeat(2001))));
        refusedNaming("customerId", () -> w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(null,
                "EUR", List.of(QuoteWorld.line(w.mug, 1)), null)));
    }

    // ---- every bad field at once, free text --------------------------------------------------------------------

    @Test
    void aRequestWithSeveralBadFieldsNamesEveryOne() {
        InvalidCommandException e = refused(InvalidCommandException.class, () -> w.quotes.request(
                Actor.customer(w.alice), new RequestQuoteCommand(w.alice, "ZZZ", List.of(QuoteWorld.line(w.mug, 0)),
                        "x".repeat(2001))));
        assertThat(e.fields()).containsExactly("currency", "lines[0].quantity", "message");

        e = refused(InvalidCommandException.class, () -> w.quotes.request(Actor.customer(w.alice),
                new RequestQuoteCommand(null, "ZZZ", List.of(QuoteWorld.line(w.mug, 0),
                        new RequestQuoteCommand.Line(ProductId.next(w.clock), 1)), "bell\u0007")));
        assertThat(e.fields()).as("constraint and own checks together")
                .containsExactly("currency", "customerId", "lines[0].quantity", "message");
    }

    /**
     * Whether the products exist is read from the catalog only once the caller may request the quote: an unknown
     * product is named to an allowed caller, and a refused caller learns nothing of the catalog and costs no reads.
     */
    @Test
    void theProductsAreCheckedOnlyForACallerWhoMayRequest() {
        RequestQuoteCommand unknownProduct = new RequestQuoteCommand(w.alice, "EUR", List.of(QuoteWorld.line(w.mug, 1),
                new RequestQuoteCommand.Line(ProductId.next(w.clock), 1)), null);
        InvalidCommandException e = refused(InvalidCommandException.class,
                () -> w.quotes.request(Actor.customer(w.alice), unknownProduct));
        assertThat(e.fields()).containsExactly("lines[1].productId");

        AccessDeniedException denied = refusals.deniedAndAuditedOnce(
                () -> w.quotes.request(Actor.customer(w.bob), unknownProduct));
        assertThat(denied.code()).isEqualTo("access_denied");
    }

    @Test
    void anAnswerWithSeveralBadFieldsNamesEveryOne() {
        InvalidCommandException e = refused(InvalidCommandException.class, () -> w.quotes.answer(w.rep,
                new AnswerQuoteCommand(requested.id(), null, "ZZZ", List.of(
                        new AnswerQuoteCommand.LinePrice(1, new BigDecimal("-1")),
                        new AnswerQuoteCommand.LinePrice(1, new BigDecimal("1.23456"))),
                        w.clock.instant().minusSeconds(1), "net 30\u0000")));
        assertThat(e.fields()).containsExactly("currency", "prices[0].unitPrice", "prices[1].lineNumber",
                "prices[1].unitPrice", "terms", "validUntil");

        QuoteView withHat = w.quotes.request(w.rep, w.request(w.alice, QuoteWorld.line(w.mug, 1),
                QuoteWorld.line(w.hat, 1)));
        e = refused(InvalidCommandException.class, () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(withHat.id(),
                null, "USD", List.of(new AnswerQuoteCommand.LinePrice(5, BigDecimal.ONE)), inAWeek(), null)));
        assertThat(e.fields()).as("checks against the stored quote together")
                .containsExactly("currency", "prices", "prices[0].lineNumber");
    }

    @Test
    void freeTextWithControlCharactersIsRefusedAndLengthsCountCharactersNotUtf16Units() {
        refusedNaming("message", () -> w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice,
                "EUR", List.of(QuoteWorld.line(w.mug, 1)), "call me\u001b[31m")));
        refusedNaming("message", () -> w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice,
                "EUR", List.of(QuoteWorld.line(w.mug, 1)), "\uD83D\uDE00".repeat(2001))));
        refusedNaming("terms", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(), null, "EUR",
                List.of(), inAWeek(), "net\u000b30")));
        refusedNaming("reason", () -> w.quotes.reject(Actor.customer(w.alice), new RejectQuoteCommand(quoted.id(),
                null, "no\u0007")));

        String emoji = "\uD83D\uDE00".repeat(QuoteSnapshot.MAX_MESSAGE); // 2,000 characters, 4,000 UTF-16 units
        QuoteView ok = w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice, "EUR",
                List.of(QuoteWorld.line(w.mug, 1)), emoji));
        assertThat(ok.message()).isEqualTo(emoji);
        QuoteView lines = w.quotes.request(Actor.customer(w.alice), new RequestQuoteCommand(w.alice, "EUR",
                List.of(QuoteWorld.line(w.mug, 1)), "two lines:\r\n\tand a tab"));
        assertThat(lines.message()).isEqualTo("two lines:\r\n\tand a tab");
    }

    // ---- the rules of this review -------------------------------------------------------------------------------

    @Test
    void anAcceptanceMustNameTheVersionItSaw() {
        refusedNaming("expectedVersion", () -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(quoted.id(), null)));
    }

    @Test
    void aProductRetiredAfterTheRequestIsRefusedInTheAnswerNamingItsPrice() {
        w.crm.products().retire(QuoteWorld.SYSTEM, new RetireProductCommand(w.mug.id(), null));
        refusedNaming("prices", () -> w.quotes.answer(w.rep, w.answer(requested))); // the mug at its list price
        refusedNaming("prices[1].lineNumber", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(),
                null, "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, BigDecimal.TEN),
                new AnswerQuoteCommand.LinePrice(2, BigDecimal.ONE)), inAWeek(), null)));
    }

    @Test
    void aQuoteOfAnErasedCustomerCannotBeAnswered() {
        w.crm.customers().erase(QuoteWorld.SYSTEM, w.alice);
        refusedByRule("customer_erased", () -> w.quotes.answer(w.manager, w.answer(requested)));
    }

    @Test
    void aLineWhosePriceTimesQuantityOverflowsIsRefusedNamingTheCommandsPrice() {
        refusedNaming("prices[1].unitPrice", () -> w.quotes.answer(w.rep, new AnswerQuoteCommand(requested.id(),
                null, "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, BigDecimal.ONE),
                new AnswerQuoteCommand.LinePrice(2, new BigDecimal("999999999999999"))), inAWeek(), null)));
    }

    @Test
    void aPurchaseSomeoneElseRecordedUnderTheQuotesReferenceBlocksTheAcceptanceWithoutNamingIt() {
        String other = w.crm.sales().recordPurchase(QuoteWorld.SYSTEM, RecordPurchaseCommand.otherChannel(w.carol,
                w.clock.instant(), "quote", quoted.id().toString(), "EUR",
                List.of(new RecordPurchaseCommand.Line(1, w.mug.id(), 1, new BigDecimal("7.50"))))).id().toString();
        refusals = new Refusals(w.crm, w.publisher, w::storedState);
        ConflictException e = refused(ConflictException.class, () -> w.quotes.accept(Actor.customer(w.alice),
                new AcceptQuoteCommand(quoted.id(), quoted.version())));
        assertThat(e.code()).isEqualTo("quote_purchase_reference_taken");
        assertThat(e.existingId()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(other).doesNotContain(w.carol.toString());
    }

    // ---- batch and queries ----------------------------------------------------------------------------------------

    @Test
    void anExpiryAsOfTheFutureIsRefusedNamingAsOf() {
        refusedNaming("asOf", () -> w.quotes.expireQuotes(QuoteWorld.SYSTEM,
                new ExpireQuotesCommand(w.clock.instant().plusSeconds(1))));
    }

    @Test
    void aCursorOfAnotherCustomersListIsRefused() {
        for (int i = 0; i < 3; i++) {
            w.requested(w.bob);
        }
        String bobsCursor = w.quotes.customerQuotes(w.manager, new CustomerQuotesQuery(w.bob, PageRequest.first(1)))
                .nextCursor().orElseThrow();
        InvalidValueException e = refused(InvalidValueException.class, () -> w.quotes.customerQuotes(w.manager,
                new CustomerQuotesQuery(w.alice, new PageRequest(1, bobsCursor))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    private Instant inAWeek() {
        return w.clock.instant().plus(Duration.ofDays(7));
    }
}
