package org.crmkit.core.sales.internal.application;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.CustomerId;

/**
 * Prepares an order as read for storage: resolves its customer and each line's product, and rejects the lines that
 * disagree with the order's first line, repeat a line number, or name no product that may be sold.
 */
final class OrderAssembler {
    private final ImportLookups lookups;
    private final ImportReport report;

    OrderAssembler(ImportLookups lookups, ImportReport report) {
        this.lookups = lookups;
        this.report = report;
    }

    /** @return the order with the lines kept, or {@code null} when none is (each line rejected) */
    PreparedOrder prepare(ImportOrder order) {
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
        for (SaleLine line : order.lines()) {
            add(prepared, line, first, numbers);
        }
        return prepared.lines().isEmpty() ? null : prepared;
    }

    private void rejectAll(ImportOrder order, String why) {
        order.lines().forEach(l -> report.reject(l.sourceLine(), "customerReference", why));
    }

    /** Keeps a line that agrees with the order's first line and names a product that may be sold; rejects others. */
    private void add(PreparedOrder prepared, SaleLine line, SaleLine first, Set<Integer> numbers) {
        String differs = "differs from the first line of order " + prepared.reference();
        if (!Objects.equals(stripped(line.customerReference()), stripped(first.customerReference()))) {
            report.reject(line.sourceLine(), "customerReference", differs);
        } else if (!line.occurredAt().equals(first.occurredAt())) {
            report.reject(line.sourceLine(), "occurredAt", differs);
        } else if (!numbers.add(line.lineNumber())) {
            report.reject(line.sourceLine(), "lineNumber", "repeats a line number of order " + prepared.reference());
        } else {
            Optional<ProductView> product = lookups.product(line);
            if (product.isEmpty()) {
                report.reject(line.sourceLine(), "sku", lookups.whyNoProduct(line.sku().strip()));
            } else if (product.get().isRetired() && !prepared.cancellation()) {
                report.reject(line.sourceLine(), "sku", "the product is retired and no longer sold");
            } else {
                prepared.add(line, product.get());
            }
        }
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
