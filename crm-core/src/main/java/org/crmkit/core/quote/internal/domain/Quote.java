package org.crmkit.core.quote.internal.domain;

import org.crmkit.core.quote.QuoteError;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.QuoteEvents;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.Texts;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;

/**
 * A quote: products and quantities a customer (or a sales rep for them) asks a price for, in one currency.
 *
 * <p>Life cycle: {@link #request requested}; {@link #answer answered} by staff with a unit price per line, a validity
 * and terms (answering again while quoted revises the offer); then {@link #accept accepted} before its validity ends
 * (recording exactly one purchase), {@link #reject rejected}, or {@link #expire expired}. Accepted, rejected and
 * expired are final. Its total is computed from the priced lines, never stored apart from them.
 */
public final class Quote extends AggregateRoot {
    static final String TYPE = "quote";

    private QuoteSnapshot state;

    private Quote(QuoteSnapshot state) {
        super(TYPE, state.version());
        this.state = state;
    }

    /**
     * @param id       the new id
     * @param customer the customer it is for
     * @param currency the currency the answer must price it in
     * @param lines    1 to {@value #MAX_LINES} unpriced lines, numbered uniquely
     * @param message  what the requester wrote, or {@code null}
     * @param now      the current time
     * @return the requested quote
     * @throws InvalidValueException on {@code lines} or {@code message}
     */
    public static Quote request(QuoteId id, CustomerId customer, Currency currency, List<QuoteLine> lines,
                                String message, Instant now) {
        if (lines == null || lines.isEmpty() || lines.size() > QuoteSnapshot.MAX_LINES) {
            throw new InvalidValueException("lines", "must hold 1 to " + QuoteSnapshot.MAX_LINES + " lines");
        }
        Set<Integer> numbers = new HashSet<>();
        for (QuoteLine line : lines) {
            if (!numbers.add(line.number())) {
                throw new InvalidValueException("lines.lineNumber", "must be unique in the quote");
            }
            if (line.unitPrice() != null) {
                throw new InvalidValueException("lines.unitPrice", "is set by the answer, not the request");
            }
        }
        List<QuoteLine> sorted = lines.stream().sorted(Comparator.comparingInt(QuoteLine::number)).toList();
        Quote quote = new Quote(new QuoteSnapshot(id, 0, Objects.requireNonNull(customer, "customer"),
                Objects.requireNonNull(currency, "currency"), text("message", message, QuoteSnapshot.MAX_MESSAGE), sorted,
                QuoteStatus.REQUESTED, now, null, null, null, null, null, null, null));
        quote.record(new QuoteEvents.QuoteRequested(id, customer, now));
        return quote;
    }

    /** @param snapshot stored state @return the quote */
    public static Quote restore(QuoteSnapshot snapshot) {
        return new Quote(snapshot);
    }

    /**
     * Prices every line, sets the validity and terms. Allowed while requested, and while quoted (a revision that
     * replaces the earlier offer).
     *
     * @param prices     the unit price of every line, by line number, in the quote's currency
     * @param validUntil until when (exclusive) it may be accepted; after {@code now}
     * @param terms      the terms, or {@code null}
     * @param answeredBy the staff user answering, or {@code null} for the system
     * @param now        the current time
     * @throws BusinessRuleViolationException {@code quote_closed} once accepted, rejected or expired
     * @throws InvalidValueException          on {@code prices}, {@code currency}, {@code validUntil} or {@code terms}
     */
    public void answer(Map<Integer, Money> prices, Instant validUntil, String terms, StaffId answeredBy,
                       Instant now) {
        requireOpen();
        if (validUntil == null || !validUntil.isAfter(now)) {
            throw new InvalidValueException("validUntil", "must be in the future");
        }
        String cleanTerms = text("terms", terms, QuoteSnapshot.MAX_TERMS);
        List<QuoteLine> priced = new ArrayList<>();
        for (QuoteLine line : state.lines()) {
            Money price = prices.get(line.number());
            if (price == null) {
                throw new InvalidValueException("prices", "line " + line.number() + " has no price");
            }
            if (!price.currency().equals(state.currency())) {
                throw new InvalidValueException("currency", "must be the quote's currency "
                        + state.currency().getCurrencyCode());
            }
            priced.add(line.pricedAt(price));
        }
        if (prices.size() != priced.size()) {
            throw new InvalidValueException("prices", "names a line the quote does not have");
        }
        requireSummable(priced);
        boolean revision = state.status() == QuoteStatus.QUOTED;
        QuoteSnapshot s = state;
        state = new QuoteSnapshot(s.id(), s.version(), s.customer(), s.currency(), s.message(), priced,
                QuoteStatus.QUOTED, s.requestedAt(), now, answeredBy, validUntil, cleanTerms, null, null, null);
        record(new QuoteEvents.QuoteAnswered(s.id(), s.customer(), validUntil, revision, now));
    }

    /**
     * Accepts the offer before its validity ends and records its purchase, once. Accepting an accepted quote changes
     * nothing (and records nothing).
     *
     * @param now      the current time
     * @param purchase records the quote's purchase and returns it; called once, only when the quote can be accepted
     * @throws BusinessRuleViolationException {@code quote_not_answered} before the answer, {@code quote_expired}
     *                                        once its validity ended, {@code quote_closed} once rejected
     */
    public void accept(Instant now, Supplier<PurchaseId> purchase) {
        if (state.status() == QuoteStatus.ACCEPTED) {
            return;
        }
        requireDecidable(now);
        PurchaseId recorded = Objects.requireNonNull(purchase.get(), "purchase");
        close(QuoteStatus.ACCEPTED, now, recorded, null);
        record(new QuoteEvents.QuoteAccepted(state.id(), state.customer(), recorded, now));
    }

    /**
     * Declines the offer. Rejecting a rejected quote changes nothing.
     *
     * @param reason the customer's reason, or {@code null}
     * @param now    the current time
     * @throws BusinessRuleViolationException {@code quote_not_answered} before the answer, {@code quote_expired}
     *                                        once its validity ended, {@code quote_closed} once accepted
     */
    public void reject(String reason, Instant now) {
        if (state.status() == QuoteStatus.REJECTED) {
            return;
        }
        requireDecidable(now);
        close(QuoteStatus.REJECTED, now, null, text("reason", reason, QuoteSnapshot.MAX_REASON));
        record(new QuoteEvents.QuoteRejected(state.id(), state.customer(), now));
    }

    /**
     * Expires the quote if it is still waiting for a decision and its validity ended by {@code asOf}.
     *
     * @param asOf the instant the batch runs for
     * @param now  the current time
     * @return whether it expired now
     */
    public boolean expire(Instant asOf, Instant now) {
        if (state.status() != QuoteStatus.QUOTED || state.validUntil().isAfter(asOf)) {
            return false;
        }
        close(QuoteStatus.EXPIRED, now, null, null);
        record(new QuoteEvents.QuoteExpired(state.id(), state.customer(), now));
        return true;
    }

    /**
     * Blanks what the customer wrote (the request's message, a rejection's reason), for the customer's erasure. The
     * lines, prices, terms and decision stay: they are the shop's record of an offer.
     *
     * @return whether anything was blanked
     */
    public boolean erasePersonalText() {
        QuoteSnapshot s = state;
        if (s.message() == null && s.rejection() == null) {
            return false;
        }
        state = new QuoteSnapshot(s.id(), s.version(), s.customer(), s.currency(), null, s.lines(), s.status(),
                s.requestedAt(), s.answeredAt(), s.answeredBy(), s.validUntil(), s.terms(), s.closedAt(),
                s.purchase(), null);
        return true;
    }

    private void requireOpen() {
        if (state.status().isFinal()) {
            throw new BusinessRuleViolationException(QuoteError.QUOTE_CLOSED, "quote " + state.id() + " is "
                    + state.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * @param now the current time
     * @throws BusinessRuleViolationException {@code quote_not_answered} before the answer, {@code quote_expired}
     *                                        once its validity ended, {@code quote_closed} once accepted or rejected
     */
    public void requireDecidable(Instant now) {
        if (state.status() == QuoteStatus.REQUESTED) {
            throw new BusinessRuleViolationException(QuoteError.QUOTE_NOT_ANSWERED, "quote " + state.id()
                    + " has not been answered yet");
        }
        if (state.status() == QuoteStatus.EXPIRED
                || state.status() == QuoteStatus.QUOTED && !now.isBefore(state.validUntil())) {
            throw new BusinessRuleViolationException(QuoteError.QUOTE_EXPIRED, "quote " + state.id() + " was valid until "
                    + state.validUntil(), Map.of("validUntil", state.validUntil().toString()));
        }
        requireOpen();
    }

    private void close(QuoteStatus status, Instant now, PurchaseId purchase, String rejection) {
        QuoteSnapshot s = state;
        state = new QuoteSnapshot(s.id(), s.version(), s.customer(), s.currency(), s.message(), s.lines(), status,
                s.requestedAt(), s.answeredAt(), s.answeredBy(), s.validUntil(), s.terms(), now, purchase, rejection);
    }

    private static void requireSummable(List<QuoteLine> lines) {
        try {
            lines.stream().map(QuoteLine::total).reduce(Money::plus);
        } catch (InvalidValueException tooLarge) {
            throw new InvalidValueException("prices", "add up to more than the largest amount (15 integer digits)");
        }
    }

    private static String text(String field, String value, int max) {
        return Texts.optional(field, value, max, true);
    }

    @Override
    protected Object identity() {
        return state.id();
    }

    /** @return the id */
    public QuoteId id() {
        return state.id();
    }

    /** @return the customer it is for */
    public CustomerId customer() {
        return state.customer();
    }

    /** @return where it is in its life */
    public QuoteStatus status() {
        return state.status();
    }

    /** @return the sum of the priced lines, or {@code null} before the answer */
    public Money total() {
        if (state.lines().stream().anyMatch(l -> l.unitPrice() == null)) {
            return null;
        }
        return state.lines().stream().map(QuoteLine::total)
                .reduce(new Money(BigDecimal.ZERO, state.currency()), Money::plus);
    }

    /** @return the current state, at the version it was loaded at */
    public QuoteSnapshot snapshot() {
        return state.withVersion(version());
    }
}
