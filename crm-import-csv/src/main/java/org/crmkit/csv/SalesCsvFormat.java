package org.crmkit.csv;

import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a sales CSV is laid out: the header name of each field, the date pattern and zone, the field separator, and the
 * prefix that marks a cancelled order. {@link #retail()} reads the common retail export
 * {@code InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country}.
 *
 * <pre>{@code
 * SalesCsvFormat format = SalesCsvFormat.retail().toBuilder()
 *         .column(SalesCsvFormat.Field.OCCURRED_AT, "Date")
 *         .dateTimePattern("yyyy-MM-dd HH:mm:ss")
 *         .zone(ZoneId.of("Europe/Dublin"))
 *         .build();
 * }</pre>
 */
public final class SalesCsvFormat {

    /** The fields of a sale line a CSV column can hold. */
    public enum Field {
        /** The order (invoice) reference. Required. */
        ORDER_REFERENCE,
        /** The product's SKU. Required. */
        SKU,
        /** The product's description. Optional. */
        DESCRIPTION,
        /** The quantity (negative on cancellations). Required. */
        QUANTITY,
        /** The sale's date and time. Required. */
        OCCURRED_AT,
        /** The price of one. Required. */
        UNIT_PRICE,
        /** The customer's external reference; empty for anonymous sales. Optional. */
        CUSTOMER_REFERENCE,
        /** The customer's country. Optional. */
        COUNTRY;

        /** @return the field's name in reports, as the sales import names it */
        public String reportName() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder name = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return name.toString();
        }

        boolean required() {
            return this != DESCRIPTION && this != CUSTOMER_REFERENCE && this != COUNTRY;
        }
    }

    private final Map<Field, String> columns;
    private final String dateTimePattern;
    private final DateTimeFormatter dateTime;
    private final ZoneId zone;
    private final char separator;
    private final String cancellationPrefix;

    private SalesCsvFormat(Builder b) {
        for (Field field : Field.values()) {
            if (field.required() && !b.columns.containsKey(field)) {
                throw new IllegalArgumentException("the format needs a column for " + field);
            }
        }
        this.columns = Map.copyOf(b.columns);
        this.dateTimePattern = b.dateTimePattern;
        this.dateTime = strict(b.dateTimePattern);
        this.zone = b.zone;
        this.separator = b.separator;
        this.cancellationPrefix = b.cancellationPrefix;
    }

    /**
     * A formatter that refuses a date or time that does not exist instead of resolving it to a neighbouring one, as
     * the lenient default does ({@code 2/30/2026} would become February 28). A pattern's year of era ({@code y}) is
     * taken in the current era, which strict resolving otherwise needs written out.
     */
    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * @return the retail export layout: {@code InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
     *         CustomerID, Country}, dates as {@code M/d/yyyy H:mm} in {@code Europe/London}, comma-separated, and
     *         invoice numbers starting with {@code C} marking cancellations
     */
    public static SalesCsvFormat retail() {
        return builder()
                .column(Field.ORDER_REFERENCE, "InvoiceNo").column(Field.SKU, "StockCode")
                .column(Field.DESCRIPTION, "Description").column(Field.QUANTITY, "Quantity")
                .column(Field.OCCURRED_AT, "InvoiceDate").column(Field.UNIT_PRICE, "UnitPrice")
                .column(Field.CUSTOMER_REFERENCE, "CustomerID").column(Field.COUNTRY, "Country")
                .build();
    }

    /** @return an empty builder: comma-separated, {@code M/d/yyyy H:mm}, {@code Europe/London}, prefix {@code C} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this format's settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.columns.putAll(columns);
        b.dateTimePattern = dateTimePattern;
        b.zone = zone;
        b.separator = separator;
        b.cancellationPrefix = cancellationPrefix;
        return b;
    }

    /** @param field a field @return its column's header name, or {@code null} when the file has none */
    public String column(Field field) {
        return columns.get(field);
    }

    /** @return the date and time pattern, as {@link DateTimeFormatter#ofPattern(String)} reads it */
    public String dateTimePattern() {
        return dateTimePattern;
    }

    DateTimeFormatter dateTime() {
        return dateTime;
    }

    /** @return the zone the file's local times are in */
    public ZoneId zone() {
        return zone;
    }

    /** @return the field separator */
    public char separator() {
        return separator;
    }

    /** @return the order-reference prefix that marks a cancelled order, or empty when none does */
    public String cancellationPrefix() {
        return cancellationPrefix;
    }

    /** Configures a {@link SalesCsvFormat}. */
    public static final class Builder {
        private final Map<Field, String> columns = new EnumMap<>(Field.class);
        private String dateTimePattern = "M/d/yyyy H:mm";
        private ZoneId zone = ZoneId.of("Europe/London");
        private char separator = ',';
        private String cancellationPrefix = "C";

        private Builder() {
        }

        /**
         * @param field  a field
         * @param header the header name of the column that holds it, or {@code null} for none (optional fields only)
         * @return this builder
         */
        public Builder column(Field field, String header) {
            Objects.requireNonNull(field, "field");
            if (header == null) {
                columns.remove(field);
            } else {
                columns.put(field, header);
            }
            return this;
        }

        /**
         * @param pattern a {@link DateTimeFormatter} pattern with date and time, read strictly: a date that does not
         *                exist ({@code 2/30/2026}) is refused, not moved to another day
         * @return this builder
         */
        public Builder dateTimePattern(String pattern) {
            strict(Objects.requireNonNull(pattern, "pattern"));
            this.dateTimePattern = pattern;
            return this;
        }

        /** @param zone the zone of the file's local times @return this builder */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** @param separator the field separator @return this builder */
        public Builder separator(char separator) {
            this.separator = separator;
            return this;
        }

        /** @param prefix the order-reference prefix of cancellations, or empty for none @return this builder */
        public Builder cancellationPrefix(String prefix) {
            this.cancellationPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** @return the format @throws IllegalArgumentException when a required field has no column */
        public SalesCsvFormat build() {
            return new SalesCsvFormat(this);
        }
    }
}
