package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.UnreadableLine;
import org.junit.jupiter.api.Test;

/** Reading sales CSV files: the retail layout, other layouts by header mapping, and lines that cannot be read. */
class SalesCsvReaderTest {
    private static final String RETAIL_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @Test
    void retailRowsBecomeTypedLinesNumberedWithinTheirInvoice() {
        List<ImportRow> rows = read(RETAIL_HEADER
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365,71053,\"LANTERN, WHITE METAL\",6,12/1/2010 8:26,3.39,17850.0,United Kingdom\n"
                + "536366,22633,HAND WARMER UNION JACK,6,7/1/2011 8:28,1.85,,United Kingdom\n"
                + "C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom\n", SalesCsvFormat.retail());

        assertThat(rows).hasSize(4).allMatch(SaleLine.class::isInstance);
        SaleLine first = (SaleLine) rows.get(0);
        assertThat(first).isEqualTo(new SaleLine(2, "536365", 1, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6,
                new BigDecimal("2.55"), Instant.parse("2010-12-01T08:26:00Z"), "17850", "United Kingdom", false));
        SaleLine second = (SaleLine) rows.get(1);
        assertThat(second.lineNumber()).isEqualTo(2);
        assertThat(second.description()).isEqualTo("LANTERN, WHITE METAL");
        assertThat(second.customerReference()).as("a spreadsheet's 17850.0 is customer 17850").isEqualTo("17850");
        SaleLine summer = (SaleLine) rows.get(2);
        assertThat(summer.lineNumber()).isEqualTo(1);
        assertThat(summer.occurredAt()).as("London summer time").isEqualTo(Instant.parse("2011-07-01T07:28:00Z"));
        assertThat(summer.customerReference()).as("an anonymous sale").isNull();
        SaleLine cancelled = (SaleLine) rows.get(3);
        assertThat(cancelled.cancellation()).isTrue();
        assertThat(cancelled.quantity()).isEqualTo(-1);
    }

    @Test
    void linesThatCannotBeReadNameTheirLineAndFieldButNotTheirContentAndReadingGoesOn() {
        List<ImportRow> rows = read(RETAIL_HEADER
                + "536365,85123A,HOLDER,six,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365,85123A,HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n"
                + "536365,85123A,HOLDER,6,12/1/2010 8:26,2,55,17850,United Kingdom\n"
                + "536365,85123A,HOLDER,6,12/1/2010 8:26,abc,17850,United Kingdom\n"
                + ",85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365,,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom\n", SalesCsvFormat.retail());

        assertThat(rows.subList(0, 6)).containsExactly(
                new UnreadableLine(2, "quantity", "must be a whole number"),
                new UnreadableLine(3, "occurredAt", "must be a date and time as M/d/yyyy H:mm"),
                new UnreadableLine(4, "line", "has 9 fields; the header has 8"),
                new UnreadableLine(5, "unitPrice", "must be a decimal number such as 2.55, at most 40 characters"),
                new UnreadableLine(6, "orderReference", "must not be empty"),
                new UnreadableLine(7, "sku", "must not be empty"));
        assertThat(rows.get(6)).isInstanceOf(SaleLine.class);
        assertThat(rows).extracting(ImportRow::sourceLine).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    /**
     * A crafted price of a hundred thousand digits (parsed and normalized, it held a CPU for seconds per line) is an
     * unreadable line like any bad number, and reading goes on; a field past the reader's size limit (a megabyte of
     * digits) ends the reading with one line that says why, instead of buffering up to the parser's 16 MiB.
     */
    @Test
    void aCraftedHugeNumberIsReportedAtOnceAndNeverParsed() {
        String digits = "9".repeat(12_000) + "." + "0".repeat(3_000);
        long started = System.nanoTime();
        List<ImportRow> rows = read(RETAIL_HEADER
                + "536365,85123A,HOLDER,6,12/1/2010 8:26," + digits + ",17850,United Kingdom\n"
                + "536366,85123A,HOLDER," + digits + ",12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536367,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536368,85123A,HOLDER,6,12/1/2010 8:26," + "1".repeat(1 << 20) + ",17850,United Kingdom\n"
                + "536369,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n", SalesCsvFormat.retail());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(new UnreadableLine(2, "unitPrice",
                "must be a decimal number such as 2.55, at most 40 characters"));
        assertThat(rows.get(1)).isEqualTo(new UnreadableLine(3, "quantity", "must be a whole number"));
        assertThat(rows.get(2)).isInstanceOf(SaleLine.class);
        assertThat(rows.get(3)).isEqualTo(new UnreadableLine(5, "line", "the file cannot be read beyond this point"
                + " (a field over 16384 or a line over 65536 characters)"));
        System.out.printf("four lines with 15,001-digit numbers and a 1 MiB field read in %d ms%n", millis);
    }

    /**
     * Bytes that are not UTF-8: opened from bytes, the line is reported, naming its field, and reading goes on;
     * through a reader that throws on them, reading ends with one unreadable line instead of an exception.
     */
    @Test
    void aLineWithBytesThatAreNotTextIsReportedAndReadingGoesOn() throws java.io.IOException {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write((RETAIL_HEADER + "536365,85123A,HOLD").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        file.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte without its continuation
        file.write(("ER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536366,22633,H\u00c4ND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        List<ImportRow> rows = new ArrayList<>();
        try (SalesCsvReader reader = SalesCsvReader.open(new java.io.ByteArrayInputStream(file.toByteArray()),
                java.nio.charset.StandardCharsets.UTF_8, SalesCsvFormat.retail())) {
            reader.forEach(rows::add);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new UnreadableLine(2, "description",
                "is not valid text in the file's character set"));
        assertThat(((SaleLine) rows.get(1)).description()).isEqualTo("H\u00c4ND WARMER");

        List<ImportRow> strict = new ArrayList<>();
        java.nio.charset.CharsetDecoder throwing = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try (SalesCsvReader reader = SalesCsvReader.open(new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(file.toByteArray()), throwing), SalesCsvFormat.retail())) {
            reader.forEach(strict::add);
        }
        assertThat(strict).singleElement().isInstanceOfSatisfying(UnreadableLine.class, line -> {
            assertThat(line.field()).isEqualTo("line");
            assertThat(line.reason()).startsWith("the file cannot be read beyond this point (bytes that are not text");
        });
    }

    /** A date that does not exist is refused, not moved to a neighbouring day as a lenient parser would. */
    @Test
    void aDateThatDoesNotExistIsUnreadableNotAnotherDate() {
        List<ImportRow> rows = read(RETAIL_HEADER
                + "536365,85123A,HOLDER,6,2/30/2026 8:26,2.55,17850,United Kingdom\n"
                + "536366,85123A,HOLDER,6,2/28/2026 24:10,2.55,17850,United Kingdom\n"
                + "536367,85123A,HOLDER,6,2/28/2026 8:26,2.55,17850,United Kingdom\n", SalesCsvFormat.retail());

        assertThat(rows.subList(0, 2)).containsExactly(
                new UnreadableLine(2, "occurredAt", "must be a date and time as M/d/yyyy H:mm"),
                new UnreadableLine(3, "occurredAt", "must be a date and time as M/d/yyyy H:mm"));
        assertThat(((SaleLine) rows.get(2)).occurredAt()).isEqualTo(Instant.parse("2026-02-28T08:26:00Z"));
    }

    /** A UTF-8 file that starts with a byte order mark, as spreadsheet tools write it, reads like one without. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() {
        List<ImportRow> rows = read("\uFEFF" + RETAIL_HEADER
                + "536365,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n", SalesCsvFormat.retail());

        assertThat(rows).singleElement().isInstanceOfSatisfying(SaleLine.class,
                line -> assertThat(line.orderReference()).isEqualTo("536365"));
    }

    @Test
    void anUnclosedQuoteTakesTheRestOfTheFileIntoOneMalformedLine() {
        List<ImportRow> rows = read(RETAIL_HEADER
                + "536365,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365,71053,\"LANTERN, WHITE METAL,6,12/1/2010 8:26,3.39,17850,United Kingdom\n",
                SalesCsvFormat.retail());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isInstanceOf(SaleLine.class);
        assertThat(rows.get(1)).isEqualTo(new UnreadableLine(3, "line", "has 3 fields; the header has 8"));
    }

    @Test
    void anotherLayoutIsReadThroughItsHeaderMappingDatePatternZoneAndSeparator() {
        SalesCsvFormat format = SalesCsvFormat.builder()
                .column(SalesCsvFormat.Field.ORDER_REFERENCE, "order").column(SalesCsvFormat.Field.SKU, "sku")
                .column(SalesCsvFormat.Field.QUANTITY, "qty").column(SalesCsvFormat.Field.OCCURRED_AT, "when")
                .column(SalesCsvFormat.Field.UNIT_PRICE, "price").column(SalesCsvFormat.Field.CUSTOMER_REFERENCE, "cust")
                .dateTimePattern("yyyy-MM-dd HH:mm:ss").zone(ZoneId.of("Europe/Zurich")).separator(';')
                .cancellationPrefix("")
                .build();

        List<ImportRow> rows = read("order;when;sku;qty;price;cust\nA-1;2026-01-15 10:00:00;SKU-9;2;10.5;C-7\n",
                format);

        assertThat(rows).containsExactly(new SaleLine(2, "A-1", 1, "SKU-9", null, 2, new BigDecimal("10.5"),
                Instant.parse("2026-01-15T09:00:00Z"), "C-7", null, false));
    }

    /** Windows line ends read like Unix ones: no carriage return ends up in the last field or the next line. */
    @Test
    void crlfLineEndsReadLikeLf() {
        List<ImportRow> rows = read(RETAIL_HEADER.replace("\n", "\r\n")
                + "536365,85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\r\n"
                + "536366,22633,HAND WARMER,6,12/1/2010 8:28,1.85,17850,United Kingdom\r\n", SalesCsvFormat.retail());

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).isInstanceOfSatisfying(SaleLine.class,
                line -> assertThat(line.country()).isEqualTo("United Kingdom")));
        assertThat(rows).extracting(ImportRow::sourceLine).containsExactly(2L, 3L);
    }

    /** An empty file, or one with a header only, has no rows, and says so by having none rather than failing. */
    @Test
    void anEmptyFileAndAHeaderOnlyHaveNoRows() {
        assertThat(read("", SalesCsvFormat.retail())).isEmpty();
        assertThat(read(RETAIL_HEADER, SalesCsvFormat.retail())).isEmpty();
    }

    /**
     * A file whose header lacks a column the format needs (here the order reference): every line is unreadable
     * naming that field, so the import reports it instead of guessing.
     */
    @Test
    void aHeaderWithoutARequiredColumnMakesEveryLineNameIt() {
        List<ImportRow> rows = read("StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "85123A,HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n", SalesCsvFormat.retail());

        assertThat(rows).containsExactly(new UnreadableLine(2, "orderReference", "must not be empty"));
    }

    @Test
    void aFormatWithoutARequiredColumnIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> SalesCsvFormat.retail().toBuilder().column(SalesCsvFormat.Field.SKU, null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SKU");
    }

    private static List<ImportRow> read(String text, SalesCsvFormat format) {
        List<ImportRow> rows = new ArrayList<>();
        try (SalesCsvReader reader = SalesCsvReader.open(new StringReader(text), format)) {
            reader.forEach(rows::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
