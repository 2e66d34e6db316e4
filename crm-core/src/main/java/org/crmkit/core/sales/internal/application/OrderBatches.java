package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.sales.port.in.SaleLine;

/**
 * Groups an import's checked lines into orders (consecutive lines with the same reference, of the same kind) and the
 * orders into batches. A batch is handed on when the next order starts and it holds the batch size's lines or more,
 * so that an order is never split across two batches.
 */
final class OrderBatches {
    private final int batchSize;
    private final Consumer<List<ImportOrder>> store;
    private List<ImportOrder> batch = new ArrayList<>();
    private int batchLines;
    private ImportOrder current;

    /**
     * @param batchSize lines per batch
     * @param store     what is done with each batch, the last one even when it is empty
     */
    OrderBatches(int batchSize, Consumer<List<ImportOrder>> store) {
        this.batchSize = batchSize;
        this.store = store;
    }

    void add(SaleLine line) {
        orderOf(line).lines().add(line);
        batchLines++;
    }

    /**
     * Notes a line the reader refused (its order reference readable): its order is then not stored in part.
     *
     * @param line the refused line
     */
    void refuse(SaleLine line) {
        orderOf(line).refused().add(line.sourceLine());
        batchLines++;
    }

    /** @return the order the line belongs to: the current one, or a new one (handing on a full batch first) */
    private ImportOrder orderOf(SaleLine line) {
        String reference = line.orderReference().strip();
        if (current == null || !current.continuedBy(reference, line.cancellation())) {
            if (current != null && batchLines >= batchSize) {
                store.accept(batch);
                batch = new ArrayList<>();
                batchLines = 0;
            }
            current = new ImportOrder(reference, line.cancellation());
            batch.add(current);
        }
        return current;
    }

    /** Hands on the last batch, once every line was added. */
    void finish() {
        store.accept(batch);
    }
}
