package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.sales.port.in.RejectedLine;

/** Counts of one transaction of the import, added to the run's {@link ImportReport} only once it committed. */
final class BatchTally {
    long imported;
    long already;
    long purchases;
    long returns;
    final List<RejectedLine> rejected = new ArrayList<>();

    void reject(long sourceLine, String field, String reason) {
        rejected.add(new RejectedLine(sourceLine, field, reason));
    }
}
