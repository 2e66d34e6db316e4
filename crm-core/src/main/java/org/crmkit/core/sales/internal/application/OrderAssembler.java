package org.crmkit.core.sales.internal.application;

import java.util.stream.Collectors;
import java.util.List;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.CustomerId;

/**
 * Prepares an order as read for storage: resolves its customer and each line's product, and rejects the lines that
 * disagree with the order's first line, repeat a line number, or name no product that may be sold. A sale is stored
 * whole or not at all: when one of its lines is rejected (here, or by the reader on its own), its other lines are
 * rejected with it, so that a later run of the corrected file imports the order whole. A cancellation's lines are
 * returns of their own, each imported or rejected by itself.
 */
final class OrderAssembler {
    private final ImportLookups lookups;
    private final ImportReport report;

    OrderAssembler(ImportLookups lookups, ImportReport report) {
        this.lookups = lookups;
        this.report = report;
    }

    /** A line rejected while the order is prepared: reported once the order's fate is known. */
    private record Rejection(SaleLine line, String field, String reason) {
    }

    /** @return the order with the lines kept, or {@code null} when nothing of it is stored (its lines rejected) */
    PreparedOrder prepare(ImportOrder order) {
        if (order.lines().isEmpty()) {
            return null; // every line refused by the reader, which reported them
        }
        SaleLine first = order.lines().get(0);
        String customerReference = stripped(first.customerReference());
        CustomerId customer = null;
        if (customerReference != null) {
            Optional<CustomerId> found = lookups.customer(customerReference);
            if (found.isEmpty()) {
                rejectAll(order, lookups.whyNoCustomer(customerReference));
                return null;
            }
            customer = found.get();
        } else if (order.cancellation()) {
            rejectAll(order, "a cancellation needs the customer whose purchase it takes back");
            return null;
        }
        PreparedOrder prepared = new PreparedOrder(order, customer);
        Set<Integer> numbers = new HashSet<>();
        List<Rejection> rejected = new ArrayList<>();
        for (SaleLine line : order.lines()) {
            Rejection rejection = add(prepared, line, first, numbers);
            if (rejection != null) {
                rejected.add(rejection);
            }
        }
        rejected.forEach(r -> report.reject(r.line().sourceLine(), r.field(), r.reason()));
        if (!order.cancellation() && !(rejected.isEmpty() && order.refused().isEmpty())) {
            rejectTheRest(prepared, rejected, order.refused());
            return null;
        }
        return prepared.lines().isEmpty() ? null : prepared;
    }

    private void rejectAll(ImportOrder order, String why) {
        order.lines().forEach(l -> report.reject(l.sourceLine(), "customerReference", why));
    }

    /** Rejects the lines of a sale kept so far because others of it were rejected, naming those. */
    private void rejectTheRest(PreparedOrder prepared, List<Rejection> rejected, List<Long> refused) {
        List<Long> bad = new ArrayList<>(refused);
        rejected.forEach(r -> bad.add(r.line().sourceLine()));
        Collections.sort(bad);
        String why = "not imported: the order is stored whole or not at all, and its line" + (bad.size() == 1 ? " "
                : "s ") + bad.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " "
                + (bad.size() == 1 ? "was" : "were") + " rejected";
        prepared.lines().forEach(l -> report.reject(l.sourceLine(), "orderReference", why));
    }

    /**
     * Keeps a line that agrees with the order's first line and names a product that may be sold.
     *
     * @return why it is rejected, or {@code null} when it was kept
     */
    private Rejection add(PreparedOrder prepared, SaleLine line, SaleLine first, Set<Integer> numbers) {
        String differs = "differs from the first line of order " + prepared.reference();
        if (!Objects.equals(stripped(line.customerReference()), stripped(first.customerReference()))) {
            return new Rejection(line, "customerReference", differs);
        } else if (!line.occurredAt().equals(first.occurredAt())) {
            return new Rejection(line, "occurredAt", differs);
        } else if (!numbers.add(line.lineNumber())) {
            return new Rejection(line, "lineNumber", "repeats a line number of order " + prepared.reference());
        }
        Optional<ProductView> product = lookups.product(line);
        if (product.isEmpty()) {
            return new Rejection(line, "sku", lookups.whyNoProduct(line.sku().strip()));
        } else if (product.get().isRetired() && !prepared.cancellation()) {
            return new Rejection(line, "sku", "the product is retired and no longer sold");
        }
        prepared.add(line, product.get());
        return null;
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
