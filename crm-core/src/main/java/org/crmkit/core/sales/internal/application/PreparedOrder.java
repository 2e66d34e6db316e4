package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.CustomerId;

/** An order whose lines passed every check that needs no transaction: its customer and products resolved. */
final class PreparedOrder {
    private final ImportOrder order;
    private final CustomerId customer;
    private final List<SaleLine> lines = new ArrayList<>();
    private final Map<Integer, ProductView> productOf = new HashMap<>();

    /** @param customer the order's customer, or {@code null} for an anonymous sale */
    PreparedOrder(ImportOrder order, CustomerId customer) {
        this.order = order;
        this.customer = customer;
    }

    String reference() {
        return order.reference();
    }

    boolean cancellation() {
        return order.cancellation();
    }

    CustomerId customer() {
        return customer;
    }

    /** @return the lines kept, in the file's order */
    List<SaleLine> lines() {
        return lines;
    }

    void add(SaleLine line, ProductView product) {
        lines.add(line);
        productOf.put(line.lineNumber(), product);
    }

    /** @return the product of a line kept */
    ProductView productOf(SaleLine line) {
        return productOf.get(line.lineNumber());
    }
}
