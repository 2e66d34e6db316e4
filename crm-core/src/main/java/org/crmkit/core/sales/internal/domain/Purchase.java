package org.crmkit.core.sales.internal.domain;

import org.crmkit.core.sales.SalesError;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.ReturnLine;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.SalesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.internal.Texts;

/**
 * A purchase: a customer (or an anonymous sale), when and where, lines in one currency, and the returns made against
 * it. Its total is computed from the lines, never stored apart from them. A return never takes back more of a line
 * than was bought and not yet returned.
 *
 * <p>Every amount a purchase stores or reports is a storable {@link Money} (below 10^15, what {@code DECIMAL(19,4)}
 * holds): each unit price, each line's amount ({@link PurchaseLine#amount}) and the total are checked when the
 * purchase is recorded, and a refund, a part of the lines' amounts, is never larger than the total. A purchase past
 * the limit is refused before anything is stored.
 */
public final class Purchase extends AggregateRoot {
    static final String TYPE = "purchase";
    /** Most lines of one purchase. */
    public static final int MAX_LINES = 500;

    private final PurchaseSnapshot recorded;
    private final List<PurchaseLine> lines;
    private final List<PurchaseReturn> returns;

    private Purchase(PurchaseSnapshot s) {
        super(TYPE, s.version());
        this.recorded = s;
        this.lines = new ArrayList<>(s.lines());
        this.returns = new ArrayList<>(s.returns());
    }

    /**
     * @param id                the new id
     * @param customer          the customer, or {@code null} for an anonymous sale
     * @param occurredAt        when it was made
     * @param channel           where
     * @param source            the system of the external reference (1 to 32 characters)
     * @param externalReference the order reference (1 to 64 characters)
     * @param currency          the currency every line is priced in
     * @param lines             1 to 500 lines, numbered uniquely, whose total is a storable amount
     * @param now               the current time
     * @return the purchase
     * @throws InvalidValueException naming {@code lines} when there are none or too many, or when they add up to
     *                               more than the largest amount
     */
    public static Purchase record(PurchaseId id, CustomerId customer, Instant occurredAt, SalesChannel channel,
                                  String source, String externalReference, Currency currency,
                                  List<PurchaseLine> lines, Instant now) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidValueException("lines", "must hold 1 to " + MAX_LINES + " lines");
        }
        Set<Integer> numbers = new HashSet<>();
        for (PurchaseLine line : lines) {
            if (!numbers.add(line.number())) {
                throw new InvalidValueException("lines.lineNumber", "must be unique in the purchase");
            }
            if (!line.unitPrice().currency().equals(currency)) {
                throw new InvalidValueException("lines.unitPrice", "must be in the purchase's currency " + currency);
            }
        }
        List<PurchaseLine> sorted = lines.stream().map(PurchaseLine::asBought)
                .sorted(java.util.Comparator.comparingInt(PurchaseLine::number)).toList();
        try {
            sorted.stream().map(PurchaseLine::total).reduce(Money::plus);
        } catch (InvalidValueException tooLarge) {
            throw new InvalidValueException("lines", "the lines add up to more than the largest amount ("
                    + Money.MAX_INTEGER_DIGITS + " integer digits)");
        }
        Purchase p = new Purchase(new PurchaseSnapshot(id, 0, customer, occurredAt, channel,
                checkSource(source), checkExternalReference(externalReference), currency, sorted,
                List.of(), now));
        p.record(new SalesEvents.PurchaseRecorded(id, customer, now));
        return p;
    }

    /** @param snapshot stored state @return the purchase */
    public static Purchase restore(PurchaseSnapshot snapshot) {
        return new Purchase(snapshot);
    }

    /**
     * @param source the system of an external reference, as a command carries it
     * @return it trimmed
     * @throws InvalidValueException ({@code source}) when blank, over 32 characters or holding control characters
     */
    public static String checkSource(String source) {
        return text("source", source, 32);
    }

    /**
     * @param externalReference an order reference, as a command carries it
     * @return it trimmed
     * @throws InvalidValueException ({@code externalReference}) when blank, over 64 characters or holding control
     *                               characters
     */
    public static String checkExternalReference(String externalReference) {
        return text("externalReference", externalReference, 64);
    }

    private static String text(String field, String value, int max) {
        return Texts.required(field, value, max, false);
    }

    @Override
    protected Object identity() {
        return recorded.id();
    }

    /**
     * @param other another recording of a purchase with this one's source and reference
     * @return whether it records the same purchase (customer, time, channel, currency and lines as bought)
     */
    public boolean sameAs(Purchase other) {
        PurchaseSnapshot a = recorded;
        PurchaseSnapshot b = other.recorded;
        return Objects.equals(a.customer(), b.customer()) && a.occurredAt().equals(b.occurredAt())
                && a.channel() == b.channel() && a.currency().equals(b.currency())
                && a.lines().stream().map(PurchaseLine::asBought).toList()
                .equals(b.lines().stream().map(PurchaseLine::asBought).toList());
    }

    /**
     * Takes back quantities of some lines.
     *
     * @param returnId   the return's id
     * @param quantities how many of which line number
     * @param at         when
     * @return the return, with its refund
     * @throws BusinessRuleViolationException ({@code return_exceeds_purchase}) when a line would give back more than
     *                                        was bought and not yet returned
     */
    public PurchaseReturn returnLines(UUID returnId, Map<Integer, Integer> quantities, Instant at) {
        return returnLines(returnId, quantities, at, null);
    }

    /**
     * Takes back quantities of some lines, under the caller's reference of the return.
     *
     * @param returnId   the return's id
     * @param quantities how many of which line number
     * @param at         when
     * @param reference  the caller's reference (unique among returns), or {@code null}
     * @return the return, with its refund
     * @throws BusinessRuleViolationException ({@code return_exceeds_purchase}) when a line would give back more than
     *                                        was bought and not yet returned
     */
    public PurchaseReturn returnLines(UUID returnId, Map<Integer, Integer> quantities, Instant at,
                                      String reference) {
        if (quantities.isEmpty()) {
            throw new InvalidValueException("lines", "must name at least one line");
        }
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            index.put(lines.get(i).number(), i);
        }
        // every entry is checked before any line changes: a refused return leaves the purchase as it was
        Map<Integer, Integer> ordered = new java.util.TreeMap<>(quantities);
        for (Map.Entry<Integer, Integer> entry : ordered.entrySet()) {
            Integer position = index.get(entry.getKey());
            if (position == null) {
                throw new InvalidValueException("lines.lineNumber", "line " + entry.getKey() + " is not in purchase "
                        + recorded.id());
            }
            int quantity = entry.getValue();
            PurchaseLine line = lines.get(position);
            if (quantity < 1) {
                throw new InvalidValueException("lines.quantity", "must be 1 or more");
            }
            if (quantity > line.returnable()) {
                throw new BusinessRuleViolationException(SalesError.RETURN_EXCEEDS_PURCHASE, "line " + line.number()
                        + " can take back at most " + line.returnable() + " more");
            }
        }
        List<ReturnLine> returned = new ArrayList<>();
        Money refund = new Money(java.math.BigDecimal.ZERO, recorded.currency());
        for (Map.Entry<Integer, Integer> entry : ordered.entrySet()) {
            int position = index.get(entry.getKey());
            int quantity = entry.getValue();
            PurchaseLine line = lines.get(position);
            lines.set(position, new PurchaseLine(line.number(), line.product(), line.quantity(), line.unitPrice(),
                    line.returned() + quantity));
            Money lineRefund = line.unitPrice().times(quantity);
            returned.add(new ReturnLine(line.number(), quantity, lineRefund));
            refund = refund.plus(lineRefund);
        }
        PurchaseReturn purchaseReturn = new PurchaseReturn(returnId, at, returned, refund, reference);
        returns.add(purchaseReturn);
        record(new SalesEvents.PurchaseReturned(recorded.id(), returnId, at));
        return purchaseReturn;
    }

    /**
     * @param reference a return's reference
     * @return the return recorded under it against this purchase
     */
    public java.util.Optional<PurchaseReturn> returnByReference(String reference) {
        return returns.stream().filter(r -> reference.equals(r.reference())).findFirst();
    }

    /** @return the id */
    public PurchaseId id() {
        return recorded.id();
    }

    /** @return the sum of the lines as bought */
    public Money total() {
        return lines.stream().map(PurchaseLine::total)
                .reduce(new Money(java.math.BigDecimal.ZERO, recorded.currency()), Money::plus);
    }

    /** @return the current state */
    public PurchaseSnapshot snapshot() {
        PurchaseSnapshot r = recorded;
        return new PurchaseSnapshot(r.id(), version(), r.customer(), r.occurredAt(), r.channel(), r.source(),
                r.externalReference(), r.currency(), lines, returns, r.recordedAt());
    }
}
