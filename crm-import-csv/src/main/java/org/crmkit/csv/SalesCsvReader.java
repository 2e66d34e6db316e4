package org.crmkit.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.reader.NamedCsvRecordHandler;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
    /** Most characters of one field: far beyond any real description, and a bound on what a line may cost. */
    static final int MAX_FIELD_CHARS = 16 * 1024;
    /** Most characters of one line. */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /** Most fields of one line. */
    static final int MAX_FIELDS = 256;
    /** Most characters of a number: a quantity or a price needs a few dozen at most. */
    static final int MAX_NUMBER_CHARS = 40;
    /** What a replacing decoder puts where the bytes were not valid text. */
    private static final char REPLACEMENT = '\uFFFD';
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
        NamedCsvRecordHandler handler = NamedCsvRecordHandler.builder().maxFields(MAX_FIELDS)
                .maxFieldSize(MAX_FIELD_CHARS).maxRecordSize(MAX_LINE_CHARS).build();
        CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(format.separator()).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).maxBufferSize(MAX_LINE_CHARS)
                .build(handler, withoutByteOrderMark(source));
        return new SalesCsvReader(csv, format);
    }

    /**
     * Opens bytes in a character set, replacing every byte sequence that is not valid in it: a line holding one is
     * reported as unreadable ({@code "is not valid <charset> text"}, naming the field) and reading goes on. A
     * {@link Reader} that throws on a bad byte instead (such as {@code Files.newBufferedReader}) ends the reading
     * there, with one unreadable line.
     *
     * @param source  the file's bytes, with a header row; closed with this reader
     * @param charset the file's character set, usually UTF-8
     * @param format  the layout
     * @return a reader over the data rows
     */
    public static SalesCsvReader open(InputStream source, Charset charset, SalesCsvFormat format) {
        CharsetDecoder replacing = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return open(new BufferedReader(new InputStreamReader(source, replacing)), format);
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
            } catch (CsvParseException | UncheckedIOException e) {
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
                return new UnreadableLine(lastLine + 1, "line", "the file cannot be read beyond this point ("
                        + (oversized(e) ? "a field over " + MAX_FIELD_CHARS + " or a line over " + MAX_LINE_CHARS
                        + " characters" : "malformed quoting") + ")");
            } catch (UncheckedIOException e) {
                broken = true;
                return new UnreadableLine(lastLine + 1, "line", "the file cannot be read beyond this point ("
                        + (e.getCause() instanceof CharacterCodingException ? "bytes that are not text in its character"
                        + " set; open it with SalesCsvReader.open(InputStream, Charset, format) to skip such lines"
                        : "the source failed: " + e.getCause().getClass().getSimpleName()) + ")");
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
            for (SalesCsvFormat.Field field : SalesCsvFormat.Field.values()) {
                String column = format.column(field);
                if (column != null && record.findField(column).orElse("").indexOf(REPLACEMENT) >= 0) {
                    return new UnreadableLine(line, field.reportName(), "is not valid text in the file's character set");
                }
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
                quantity = Integer.parseInt(quantityText == null || quantityText.length() > MAX_NUMBER_CHARS ? ""
                        : quantityText);
            } catch (NumberFormatException e) {
                return new UnreadableLine(line, SalesCsvFormat.Field.QUANTITY.reportName(), "must be a whole number");
            }
            String priceText = text(record, SalesCsvFormat.Field.UNIT_PRICE);
            BigDecimal price;
            try {
                // a length bound first: parsing and normalizing a number of a hundred thousand digits takes seconds
                price = new BigDecimal(priceText == null || priceText.length() > MAX_NUMBER_CHARS ? "" : priceText);
            } catch (NumberFormatException e) {
                return new UnreadableLine(line, SalesCsvFormat.Field.UNIT_PRICE.reportName(),
                        "must be a decimal number such as 2.55, at most " + MAX_NUMBER_CHARS + " characters");
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

    /** Whether the parser stopped at one of the size limits (its message names the limit, never the content). */
    private static boolean oversized(CsvParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("exceeds") || message.contains("maximum") || message.contains("max ")) {
                return true;
            }
        }
        return false;
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
