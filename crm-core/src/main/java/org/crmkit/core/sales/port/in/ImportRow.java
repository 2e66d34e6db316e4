package org.crmkit.core.sales.port.in;

/**
 * One row of a sales import as a reader hands it over: a typed {@link SaleLine}, or an {@link UnreadableLine} the
 * reader could not turn into one (which the import reports as rejected, like any other bad line).
 */
public sealed interface ImportRow permits SaleLine, UnreadableLine {

    /** @return the row's line number in the source (for example the CSV file), 1 for the first data row */
    long sourceLine();
}
