package org.crmkit.core.quote.internal.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.Texts;

/**
 * Checks the fields of a quote request and of an answer, naming every bad field at once; the lines' products are
 * read through the catalog.
 */
final class QuoteCommandChecks {
    private final ProductCatalog products;

    QuoteCommandChecks(ProductCatalog products) {
        this.products = products;
    }

    /** A request's checked fields. */
    record Request(Currency currency, List<QuoteLine> lines) {
    }

    /** An answer's checked fields: the prices the command gives, by line number. */
    record Answer(Currency currency, Map<Integer, Money> prices, Instant validUntil) {
    }

    /**
     * Checks every field of a request that needs no stored state (the constraints have named the missing ones): the
     * currency, each line's quantity, the message. Whether the products exist is {@link #requireProductsOnSale}.
     */
    Request requestInput(RequestQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = command.currency() == null ? null
                : attempt(errors, "", () -> Money.currency("currency", command.currency()));
        attempt(errors, "", () -> Texts.optional("message", command.message(), QuoteSnapshot.MAX_MESSAGE, true));
        List<QuoteLine> lines = new ArrayList<>();
        List<RequestQuoteCommand.Line> given = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < given.size(); i++) {
            RequestQuoteCommand.Line line = given.get(i);
            if (line == null || line.productId() == null) {
                continue;
            }
            String at = "lines[" + i + "].";
            int number = i + 1;
            lines.add(attempt(errors, at, () -> QuoteLine.requested(number, line.productId(), line.quantity())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new Request(currency, lines);
    }

    /**
     * Checks that every requested product exists and is on sale. Called once the caller is authorized: reading up to
     * a hundred products is work a refused caller must not cause.
     *
     * @throws InvalidCommandException naming each line's {@code productId} that is unknown or retired
     */
    void requireProductsOnSale(RequestQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        List<RequestQuoteCommand.Line> given = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < given.size(); i++) {
            RequestQuoteCommand.Line line = given.get(i);
            if (line == null || line.productId() == null) {
                continue;
            }
            Optional<ProductView> product = products.find(line.productId());
            if (product.isEmpty()) {
                errors.add(new FieldError("lines[" + i + "].productId", "no product has this id"));
            } else if (product.get().isRetired()) {
                errors.add(new FieldError("lines[" + i + "].productId", "the product is retired and no longer sold"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /**
     * Checks every field of an answer that needs no stored state (the constraints have named the missing ones): the
     * currency, each price (not negative, at most 4 decimals and 15 integer digits, one per line), the validity (in
     * the future) and the terms.
     */
    static Answer answerInput(AnswerQuoteCommand command, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Currency currency = command.currency() == null ? null
                : attempt(errors, "", () -> Money.currency("currency", command.currency()));
        Map<Integer, Money> prices = givenPrices(command, currency, errors);
        Instant validUntil = command.validUntil() == null ? null
                : attempt(errors, "", () -> StoredTime.bound("validUntil", command.validUntil()));
        if (validUntil != null && !validUntil.isAfter(now)) {
            errors.add(new FieldError("validUntil", "must be in the future"));
        }
        attempt(errors, "", () -> Texts.optional("terms", command.terms(), QuoteSnapshot.MAX_TERMS, true));
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new Answer(currency, prices, validUntil);
    }

    /**
     * @param currency the answer's currency, or {@code null} when it is missing or unknown
     * @return the answer's prices by line number (the first, for a number named twice), each refusal added to the
     *         errors
     */
    private static Map<Integer, Money> givenPrices(AnswerQuoteCommand command, Currency currency,
                                                   List<FieldError> errors) {
        // an amount's digits do not depend on its currency: they are checked even when the code is unknown
        Currency amounts = currency == null ? Currency.getInstance("XXX") : currency;
        Map<Integer, Money> prices = new HashMap<>();
        Set<Integer> named = new HashSet<>();
        List<AnswerQuoteCommand.LinePrice> given = command.prices() == null ? List.of() : command.prices();
        for (int i = 0; i < given.size(); i++) {
            AnswerQuoteCommand.LinePrice price = given.get(i);
            if (price == null) {
                continue;
            }
            String at = "prices[" + i + "].";
            if (!named.add(price.lineNumber())) {
                errors.add(new FieldError(at + "lineNumber", "names a line a second time"));
            }
            if (price.unitPrice() == null) {
                continue;
            }
            if (price.unitPrice().signum() < 0) {
                errors.add(new FieldError(at + "unitPrice", "must not be negative"));
                continue;
            }
            Money money = attempt(errors, "", () -> Money.of(at + "unitPrice", price.unitPrice(), amounts));
            if (money != null) {
                prices.putIfAbsent(price.lineNumber(), money);
            }
        }
        return prices;
    }

    /**
     * The price of every line, checked against the stored quote: the command's currency must be the quote's, each
     * price must name one of its lines, a line left out takes its product's current list price (which must be in the
     * quote's currency), no line may name a product that is no longer sold (the offer could never be accepted), and
     * no line's total may exceed the largest amount. Every bad field is named at once: {@code prices[i].<field>} for
     * the command's price {@code i}, {@code prices} for a line the command leaves out.
     */
    Map<Integer, Money> offer(QuoteSnapshot quote, Answer input, AnswerQuoteCommand command) {
        List<FieldError> errors = new ArrayList<>();
        boolean sameCurrency = input.currency().equals(quote.currency());
        if (!sameCurrency) {
            errors.add(new FieldError("currency", "must be the quote's currency "
                    + quote.currency().getCurrencyCode()));
        }
        Map<Integer, Integer> indexOf = priceIndexes(quote, command, errors);
        Map<Integer, Money> prices = new HashMap<>();
        for (QuoteLine line : quote.lines()) {
            Money price = linePrice(quote, line, indexOf.get(line.number()), input, sameCurrency, errors);
            if (price != null) {
                prices.put(line.number(), price);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return prices;
    }

    /**
     * @return the index of the command's price for each line number it names (the first, for a number named twice);
     *         a number the quote has no line for is added to the errors
     */
    private static Map<Integer, Integer> priceIndexes(QuoteSnapshot quote, AnswerQuoteCommand command,
                                                      List<FieldError> errors) {
        Set<Integer> numbers = new HashSet<>();
        quote.lines().forEach(l -> numbers.add(l.number()));
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < command.prices().size(); i++) {
            int number = command.prices().get(i).lineNumber();
            if (!numbers.contains(number)) {
                errors.add(new FieldError("prices[" + i + "].lineNumber", "the quote has no such line"));
            }
            indexOf.putIfAbsent(number, i);
        }
        return indexOf;
    }

    /**
     * @param i            the index of the command's price for the line, or {@code null} when it leaves the line out
     * @param sameCurrency whether the answer is in the quote's currency (else no line is priced, only checked)
     * @return the line's unit price: the command's, else its product's list price; {@code null} when refused (the
     *         refusal added to the errors) or not priced
     */
    private Money linePrice(QuoteSnapshot quote, QuoteLine line, Integer i, Answer input, boolean sameCurrency,
                            List<FieldError> errors) {
        String at = i == null ? null : "prices[" + i + "].";
        String which = "line " + line.number();
        ProductView product = products.find(line.product())
                .orElseThrow(() -> new NotFoundException("product", line.product()));
        if (product.isRetired()) {
            errors.add(i == null ? new FieldError("prices", which + "'s product is retired and no longer sold")
                    : new FieldError(at + "lineNumber", which + "'s product is retired and no longer sold"));
            return null;
        }
        Money price = i == null ? product.listPrice() : input.prices().get(line.number());
        if (i == null && !price.currency().equals(quote.currency())) {
            errors.add(new FieldError("prices", which + " has no price, and its product's list price is in "
                    + price.currency().getCurrencyCode()));
            return null;
        }
        if (!sameCurrency) {
            return null;
        }
        try {
            return line.pricedAt(price).unitPrice();
        } catch (InvalidValueException e) {
            errors.add(i == null ? new FieldError("prices", which + " at its product's list price: "
                    + e.reason()) : new FieldError(at + "unitPrice", e.reason()));
            return null;
        }
    }

    /**
     * Runs one conversion, adding its refusal to the errors instead of throwing it; a field named {@code lines.x} is
     * reported as {@code <at>x} (the line's index in the command).
     *
     * @return the value, or {@code null} when refused
     */
    private static <T> T attempt(List<FieldError> errors, String at, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidValueException e) {
            String field = at.isEmpty() ? e.field() : e.field().replace("lines.", at);
            errors.add(new FieldError(field, e.reason()));
            return null;
        }
    }
}
