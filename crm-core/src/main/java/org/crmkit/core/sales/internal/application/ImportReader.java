package org.crmkit.core.sales.internal.application;

import java.util.List;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.UnreadableLine;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.Texts;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Reads an import's rows once: counts each, rejects the unreadable ones and the lines that fail a check of their
 * own (one that needs neither storage nor the other lines), and hands the rest on to be grouped into orders.
 */
final class ImportReader {
    /** Why a {@code null} among the rows is refused. */
    static final String NULL_ROW = "must not hold a null row";

    private final UseCaseSupport support;
    private final ImportRun run;
    private final ImportReport report;
    private final OrderBatches batches;

    ImportReader(UseCaseSupport support, ImportRun run, ImportReport report, OrderBatches batches) {
        this.support = support;
        this.run = run;
        this.report = report;
        this.batches = batches;
    }

    /** @return the run's summary, once every row was read and every batch stored */
    ImportSummary readAll(Iterable<? extends ImportRow> rows) {
        long position = 0;
        for (ImportRow row : rows) {
            position++;
            if (row == null) {
                // a reader's bug, not a line of the source: the run stops, and the batches stored before stay
                // stored (a run again stores nothing twice); the lines read since the last batch are not stored
                throw new InvalidCommandException(List.of(new FieldError("rows", NULL_ROW + " (row " + position
                        + " is null)")));
            }
            report.lineRead();
            if (row instanceof UnreadableLine u) {
                report.reject(u.sourceLine(), u.field(), u.reason());
                continue;
            }
            SaleLine line = (SaleLine) row;
            Problem problem = problem(line);
            if (problem != null) {
                report.reject(line.sourceLine(), problem.field(), problem.reason());
                if (!"orderReference".equals(problem.field())) {
                    batches.refuse(line); // its order's other lines are then not stored without it
                }
                continue;
            }
            batches.add(line);
        }
        batches.finish();
        return report.summary();
    }

    /** A line's field at fault, and why. */
    private record Problem(String field, String reason) {
    }

    /** @return why the line is rejected on its own, or {@code null} when it is not; the first fault found */
    private Problem problem(SaleLine line) {
        Problem problem = shapeProblem(line);
        if (problem == null) {
            problem = timeOrCustomerProblem(line);
        }
        return problem != null ? problem : valueProblem(line);
    }

    /** @return what is wrong with the line's order reference, line number, SKU or quantity, or {@code null} */
    private Problem shapeProblem(SaleLine line) {
        int quantity = line.quantity();
        if (blankOrLonger(line.orderReference(), 64)) {
            return new Problem("orderReference", "must be 1 to 64 characters without control characters or unpaired "
                    + "surrogates");
        } else if (line.lineNumber() < 1) {
            return new Problem("lineNumber", "must be 1 or more");
        } else if (blankOrLonger(line.sku(), 200)) {
            return new Problem("sku", "must be 1 to 200 characters without control characters or unpaired "
                    + "surrogates");
        } else if (quantity == 0 || Math.abs((long) quantity) > 1_000_000) {
            return new Problem("quantity", "must be 1 to 1,000,000 (negative in a cancellation)");
        } else if (quantity < 0 && !line.cancellation()) {
            return new Problem("quantity", "is negative outside a cancellation");
        } else if (quantity > 0 && line.cancellation()) {
            return new Problem("quantity", "must be negative in a cancellation");
        }
        return null;
    }

    /** @return what is wrong with the line's time or customer reference, or {@code null} */
    private Problem timeOrCustomerProblem(SaleLine line) {
        if (line.occurredAt() == null) {
            return new Problem("occurredAt", "must not be empty");
        } else if (line.occurredAt().isAfter(support.now().plus(SalesService.MAX_AHEAD))) {
            return new Problem("occurredAt", "must not be more than a day in the future");
        } else if (line.customerReference() != null && blankOrLonger(line.customerReference(), 100)) {
            return new Problem("customerReference", "must be 1 to 100 characters without control characters or "
                    + "unpaired surrogates");
        } else if (line.description() != null && !line.description().isBlank()
                && Texts.problem(line.description().strip(), false) != null) {
            // the name of a product the import may create: stored as read, or the line is refused naming it
            return new Problem("description", Texts.problem(line.description().strip(), false));
        }
        return null;
    }

    /** @return what a purchase would refuse in the line's price, amount or time, or {@code null} */
    private Problem valueProblem(SaleLine line) {
        if (line.unitPrice() != null && line.unitPrice().signum() < 0) {
            // the purchase line refuses it too, but only once the order is stored, under the order's reference
            return new Problem("unitPrice", "must not be negative");
        }
        try {
            PurchaseLine.amount(run.unitPrice(line), Math.abs(line.quantity()));
            StoredTime.bound("occurredAt", line.occurredAt());
            return null;
        } catch (InvalidValueException e) {
            return new Problem(ImportReport.lineField(e.field()), e.reason());
        }
    }

    private static boolean blankOrLonger(String text, int max) {
        if (text == null || text.isBlank()) {
            return true;
        }
        // the one text rule of every command (Texts), one line: what is stored reads back as it was written
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length()) > max || Texts.problem(stripped, false) != null;
    }
}
