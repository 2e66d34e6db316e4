package org.crmkit.core.sales.port.in;

import java.util.List;

/**
 * What a sales import did. Every line read is counted once: imported, already imported, or rejected.
 *
 * @param linesRead            lines read
 * @param linesImported        lines stored now, as purchase lines or returns
 * @param linesAlreadyImported lines an earlier run had stored (the same order or cancellation again)
 * @param linesRejected        lines not stored, for the reasons in {@code rejected}
 * @param purchases            purchases recorded
 * @param returns              returns recorded from cancellations
 * @param productsCreated      products created for unknown SKUs
 * @param customersCreated     customers created for unknown references
 * @param rejected             the first {@value #MAX_REPORTED} rejected lines met, sorted by source line
 */
public record ImportSummary(long linesRead, long linesImported, long linesAlreadyImported, long linesRejected,
                            long purchases, long returns, long productsCreated, long customersCreated,
                            List<RejectedLine> rejected) {
    /** Most rejected lines a summary lists (all are counted). */
    public static final int MAX_REPORTED = 1_000;

    /** Copies the list. */
    public ImportSummary {
        rejected = List.copyOf(rejected);
    }
}
