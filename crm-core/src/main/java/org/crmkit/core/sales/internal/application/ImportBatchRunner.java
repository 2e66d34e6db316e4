package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Runs one batch of the import: resolves what its lines name, prepares its orders, and stores them in one
 * transaction. A batch that fails as a whole (a concurrent import of the same orders) is stored again order by order,
 * one transaction each, so one bad order costs only its own lines. What a transaction counted reaches the report
 * only once it committed; the caller hears the progress after each batch.
 */
final class ImportBatchRunner {
    private final UseCaseSupport support;
    private final ImportLookups lookups;
    private final OrderAssembler assembler;
    private final BatchWriter writer;
    private final ImportReport report;
    private final ImportProgress progress;

    ImportBatchRunner(UseCaseSupport support, ImportLookups lookups, OrderAssembler assembler, BatchWriter writer,
                      ImportReport report, ImportProgress progress) {
        this.support = support;
        this.lookups = lookups;
        this.assembler = assembler;
        this.writer = writer;
        this.report = report;
        this.progress = progress;
    }

    void store(List<ImportOrder> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lookups.resolve(batch);
        List<PreparedOrder> prepared = new ArrayList<>();
        for (ImportOrder order : batch) {
            PreparedOrder p = assembler.prepare(order);
            if (p != null) {
                prepared.add(p);
            }
        }
        try {
            storeTogether(prepared);
        } catch (CrmException batchFailed) {
            // another import stored some of these orders meanwhile, or one order broke a rule the checks could
            // not see: store them one by one, so that only the failing order's lines are rejected
            for (PreparedOrder p : prepared) {
                try {
                    storeTogether(List.of(p));
                } catch (CrmException orderFailed) {
                    p.lines().forEach(l -> report.reject(l.sourceLine(), "orderReference", "could not be stored: "
                            + orderFailed.code()));
                }
            }
        }
        report.reportTo(progress);
    }

    /** Stores the orders in one transaction and counts them once it committed. */
    private void storeTogether(List<PreparedOrder> orders) {
        BatchTally tally = new BatchTally();
        support.transaction(() -> {
            writer.storeAll(orders, tally);
            return null;
        });
        report.add(tally);
    }
}
