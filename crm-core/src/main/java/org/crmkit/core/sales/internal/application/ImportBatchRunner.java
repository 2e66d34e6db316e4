package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Runs one batch of the import: resolves what its lines name, prepares its orders, and stores them in one
 * transaction. A batch that fails as a whole (a concurrent import of the same orders) is stored again order by order,
 * one transaction each, so one bad order costs only its own lines. What a transaction counted reaches the report
 * only once it committed; the caller hears the progress after each batch.
 *
 * <p>A storage failure (a lost connection, a server that went away) stops the import: every batch before the
 * failing one is stored, nothing of the failing one is, and the same file run again imports the rest (what is
 * stored counts as already imported). Going on would reject the remaining lines one connection timeout at a time
 * for a fault that says nothing about them.
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
        try {
            storeOrStop(batch);
        } catch (PersistenceFailureException e) {
            throw new PersistenceFailureException("the sales import stopped on a storage failure at its batch from "
                    + "source line " + firstLine(batch) + "; the batches before it are stored ("
                    + report.linesImported() + " lines imported), nothing of it or after it is: run the same "
                    + "import again to complete it", e);
        }
        report.reportTo(progress);
    }

    private static long firstLine(List<ImportOrder> batch) {
        return batch.stream().flatMap(o -> Stream.concat(o.lines().stream().map(SaleLine::sourceLine),
                o.refused().stream())).mapToLong(Long::longValue).min().orElse(0);
    }

    private void storeOrStop(List<ImportOrder> batch) {
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
            ImportLookups.stopOnStorageFailure(batchFailed);
            // another import stored some of these orders meanwhile, or one order broke a rule the checks could
            // not see: store them one by one, so that only the failing order's lines are rejected
            for (PreparedOrder p : prepared) {
                try {
                    storeTogether(List.of(p));
                } catch (CrmException orderFailed) {
                    ImportLookups.stopOnStorageFailure(orderFailed);
                    p.lines().forEach(l -> report.reject(l.sourceLine(), "orderReference", "could not be stored: "
                            + orderFailed.code()));
                }
            }
        }
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
