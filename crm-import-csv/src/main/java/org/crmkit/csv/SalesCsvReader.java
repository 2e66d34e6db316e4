package org.crmkit.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.UncheckedIOException;
import java.io.PushbackReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.UnreadableLine;

/**
 * Streams a sales CSV as {@link ImportRow}s for {@code Sales.importSales}: one {@link SaleLine} per data row, or an
 * {@link UnreadableLine} naming the field that could not be read and why (never the row's content). Consecutive rows
 * of one order are numbered 1, 2, ... within it; an order whose reference starts with the format's cancellation
 * prefix is a cancellation. A malformed row (a wrong number of fields) is reported and reading goes on; a file that
 * cannot be parsed any further (an unclosed quote) ends with one unreadable row. Reads one row at a time, so a file
 * of any size needs little memory. Not thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SalesCsvReader rows = SalesCsvReader.open(Files.newBufferedReader(path), SalesCsvFormat.retail())) {
 *     ImportSummary summary = crm.sales().importSales(actor, options, rows, progress);
 * }
 * }</pre>
 */
public final class SalesCsvReader implements Iterable<ImportRow>, Closeable {
    private final CsvReader<NamedCsvRecord> csv;
    private final SalesCsvFormat format;
    private boolean iterated;

    private SalesCsvReader(CsvReader<NamedCsvRecord> csv, SalesCsvFormat format) {
        this.csv = csv;
        this.format = format;
    }

    /**
     * @param source the CSV text, with a header row; the caller's reader is closed with this one
     * @param format the layout
     * @return a reader over the data rows
     */
    public static SalesCsvReader open(Reader source, SalesCsvFormat format) {
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(format.separator()).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofNamedCsvRecord(withoutByteOrderMark(source));
        return new SalesCsvReader(csv, format);
    }

    /**
     * Skips a byte order mark at the start of the text (spreadsheet tools write one before UTF-8 files); decoded, it
     * is the character U+FEFF, which would otherwise be part of the first column's name, so that every line would
     * miss that column. The parser's own detection sees only bytes.
     */
    private static Reader withoutByteOrderMark(Reader source) {
        PushbackReader reader = new PushbackReader(source, 1);
        try {
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file", e);
        }
        return reader;
    }

    /** @return the rows, once; a second call is refused */
    @Override
    public Iterator<ImportRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("a SalesCsvReader is read once");
        }
        iterated = true;
        return new Rows(csv.iterator());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private final class Rows implements Iterator<ImportRow> {
        private final CloseableIterator<NamedCsvRecord> records;
        private boolean broken;
        private String order;
        private int lineInOrder;
        private long lastLine;

        Rows(CloseableIterator<NamedCsvRecord> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (broken) {
                return false;
            }
            try {
                return records.hasNext();
            } catch (CsvParseException e) {
                return true; // next() reports it
            }
        }

        @Override
        public ImportRow next() {
            if (broken) {
                throw new NoSuchElementException();
            }
            NamedCsvRecord record;
            try {
                record = records.next();
            } catch (CsvParseException e) {
                broken = true;
                // the parser's message may quote the file; the report must not
                return new UnreadableLine(lastLine + 1, "line",
                        "the file cannot be read beyond this point (malformed quoting)");
            }
            return row(record);
        }

        private ImportRow row(NamedCsvRecord record) {
            long line = record.getStartingLineNumber();
            lastLine = line;
            List<String> header = record.getHeader();
            if (record.getFieldCount() != header.size()) {
                return new UnreadableLine(line, "line", "has " + record.getFieldCount() + " fields; the header has "
                        + header.size());
            }
            String reference = text(record, SalesCsvFormat.Field.ORDER_REFERENCE);
            if (reference == null) {
                return missing(line, SalesCsvFormat.Field.ORDER_REFERENCE);
            }
            lineInOrder = reference.equals(order) ? lineInOrder + 1 : 1;
            order = reference;
            String sku = text(record, SalesCsvFormat.Field.SKU);
            if (sku == null) {
                return missing(line, SalesCsvFormat.Field.SKU);
            }
            String quantityText = text(record, SalesCsvFormat.Field.QUANTITY);
            int quantity;
            try {
                quantity = Integer.parseInt(quantityText == null ? "" : quantityText);
            } catch (NumberFormatException e) {
                return new UnreadableLine(line, SalesCsvFormat.Field.QUANTITY.reportName(), "must be a whole number");
            }
            String priceText = text(record, SalesCsvFormat.Field.UNIT_PRICE);
            BigDecimal price;
            try {
                price = new BigDecimal(priceText == null ? "" : priceText);
            } catch (NumberFormatException e) {
                return new UnreadableLine(line, SalesCsvFormat.Field.UNIT_PRICE.reportName(),
                        "must be a decimal number such as 2.55");
            }
            String timeText = text(record, SalesCsvFormat.Field.OCCURRED_AT);
            Instant occurredAt;
            try {
                occurredAt = LocalDateTime.parse(timeText == null ? "" : timeText, format.dateTime())
                        .atZone(format.zone()).toInstant();
            } catch (DateTimeParseException e) {
                return new UnreadableLine(line, SalesCsvFormat.Field.OCCURRED_AT.reportName(),
                        "must be a date and time as " + format.dateTimePattern());
            }
            boolean cancellation = !format.cancellationPrefix().isEmpty()
                    && reference.startsWith(format.cancellationPrefix());
            return new SaleLine(line, reference, lineInOrder, sku, text(record, SalesCsvFormat.Field.DESCRIPTION),
                    quantity, price, occurredAt, customerReference(text(record,
                    SalesCsvFormat.Field.CUSTOMER_REFERENCE)), text(record, SalesCsvFormat.Field.COUNTRY),
                    cancellation);
        }

        private UnreadableLine missing(long line, SalesCsvFormat.Field field) {
            return new UnreadableLine(line, field.reportName(), "must not be empty");
        }

        /** The field's trimmed text, or {@code null} when the file has no such column or the cell is empty. */
        private String text(NamedCsvRecord record, SalesCsvFormat.Field field) {
            String column = format.column(field);
            if (column == null) {
                return null;
            }
            String value = record.findField(column).orElse("").strip();
            return value.isEmpty() ? null : value;
        }
    }

    /**
     * Spreadsheet tools often write whole-number ids as decimals ({@code 17850.0}); the customer's reference is the
     * whole number.
     */
    private static String customerReference(String text) {
        if (text != null && text.matches("\\d+\\.0+")) {
            return text.substring(0, text.indexOf('.'));
        }
        return text;
    }
}
