package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.RejectedLine;

/**
 * What one run of the import has done so far: lines read, imported, already imported and rejected, purchases and
 * returns recorded, products and customers created. Every rejection is counted; the first
 * {@value ImportSummary#MAX_REPORTED} are kept for the summary.
 */
final class ImportReport {
    private final List<RejectedLine> rejected = new ArrayList<>();
    private long read;
    private long imported;
    private long already;
    private long rejectedCount;
    private long purchases;
    private long returns;
    private long productsCreated;
    private long customersCreated;

    void lineRead() {
        read++;
    }

    void productCreated() {
        productsCreated++;
    }

    void customerCreated() {
        customersCreated++;
    }

    void reject(long sourceLine, String field, String reason) {
        rejectedCount++;
        if (rejected.size() < ImportSummary.MAX_REPORTED) {
            rejected.add(new RejectedLine(sourceLine, field, reason));
        }
    }

    /** Adds what a transaction counted, once it committed. */
    void add(BatchTally tally) {
        imported += tally.imported;
        already += tally.already;
        purchases += tally.purchases;
        returns += tally.returns;
        tally.rejected.forEach(r -> reject(r.sourceLine(), r.field(), r.reason()));
    }

    void reportTo(ImportProgress progress) {
        progress.progress(read, imported, rejectedCount);
    }

    /** @return the lines stored so far, by batches that committed */
    long linesImported() {
        return imported;
    }

    /** @return the run's summary, its rejected lines sorted by source line */
    ImportSummary summary() {
        rejected.sort(Comparator.comparingLong(RejectedLine::sourceLine));
        return new ImportSummary(read, imported, already, rejectedCount, purchases, returns, productsCreated,
                customersCreated, rejected);
    }

    /**
     * @return the import's name of a purchase's field: the order's when it concerns the purchase's lines as a
     *         whole (such as their total), the line's own otherwise
     */
    static String lineField(String field) {
        if ("lines".equals(field)) {
            return "orderReference";
        }
        return field.startsWith("lines.") ? field.substring("lines.".length()) : field;
    }
}
