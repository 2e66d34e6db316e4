package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.sales.port.in.SaleLine;

/**
 * One order's lines as read: consecutive lines with the same reference, all sales or all cancellations, and the
 * source lines of the order that the reader refused on their own (they keep a sale's other lines out too: an order
 * is stored whole or not at all).
 */
final class ImportOrder {
    private final String reference;
    private final boolean cancellation;
    private final List<SaleLine> lines = new ArrayList<>();
    private final List<Long> refused = new ArrayList<>();

    ImportOrder(String reference, boolean cancellation) {
        this.reference = reference;
        this.cancellation = cancellation;
    }

    String reference() {
        return reference;
    }

    boolean cancellation() {
        return cancellation;
    }

    /** @return the order's lines in the file's order; the reader adds to them */
    List<SaleLine> lines() {
        return lines;
    }

    /** @return the source lines of this order the reader refused, in the file's order */
    List<Long> refused() {
        return refused;
    }

    /** @return whether a line with this (stripped) reference, read next, belongs to this order */
    boolean continuedBy(String reference, boolean cancellation) {
        return this.reference.equals(reference) && this.cancellation == cancellation;
    }
}
