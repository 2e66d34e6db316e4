package org.crmkit.core.sales.port.in;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.sales.SalesChannel;

/**
 * How a sales import treats its lines. Start from {@link #strict} and name what differs:
 *
 * <pre>{@code
 * SalesImportOptions.strict("shop", "GBP").withChannel(SalesChannel.STORE).creatingUnknownCustomers()
 * }</pre>
 *
 * @param source           the system the order references belong to (1 to 32 characters); a purchase is unique by
 *                         source and order reference, which makes a re-run import nothing twice
 * @param currency         ISO 4217 code every price of the file is in
 * @param channel          the channel of the imported purchases
 * @param unknownProducts  what becomes of a line whose SKU the catalog lacks
 * @param unknownCustomers what becomes of a line whose customer reference nobody holds
 * @param batchSize        lines per transaction, 1 to 5,000 (an order is never split across two)
 */
public record SalesImportOptions(@NotBlank @Size(max = 32) String source,
                                 @NotBlank @Size(min = 3, max = 3) String currency,
                                 @NotNull SalesChannel channel,
                                 @NotNull UnknownProducts unknownProducts,
                                 @NotNull UnknownCustomers unknownCustomers,
                                 @Min(1) @Max(5_000) int batchSize) {

    /** What becomes of a line whose SKU the catalog lacks. */
    public enum UnknownProducts {
        /** The line is rejected, with its line number and the field {@code sku}. */
        REJECT,
        /**
         * A new product is created, named by the line's description and priced at its unit price; the caller needs
         * the permission to create products.
         */
        CREATE
    }

    /** What becomes of a line whose customer reference nobody holds. */
    public enum UnknownCustomers {
        /** The line is rejected, with its line number and the field {@code customerReference}. */
        REJECT,
        /**
         * A new customer is registered with a placeholder name and an undeliverable {@code .invalid} address (source
         * IMPORT); the caller needs the permission to register customers.
         */
        CREATE
    }

    /**
     * @param source   the system of the references
     * @param currency the currency of the file
     * @return options that create neither products nor customers, for the web channel, 500 lines per batch
     */
    public static SalesImportOptions strict(String source, String currency) {
        return new SalesImportOptions(source, currency, SalesChannel.WEB, UnknownProducts.REJECT,
                UnknownCustomers.REJECT, 500);
    }

    /** @return these options, creating unknown products and customers */
    public SalesImportOptions creatingUnknown() {
        return creatingUnknownProducts().creatingUnknownCustomers();
    }

    /** @return these options, creating unknown products */
    public SalesImportOptions creatingUnknownProducts() {
        return new SalesImportOptions(source, currency, channel, UnknownProducts.CREATE, unknownCustomers,
                batchSize);
    }

    /** @return these options, creating unknown customers */
    public SalesImportOptions creatingUnknownCustomers() {
        return new SalesImportOptions(source, currency, channel, unknownProducts, UnknownCustomers.CREATE,
                batchSize);
    }

    /** @param salesChannel the channel of the imported purchases @return these options with it */
    public SalesImportOptions withChannel(SalesChannel salesChannel) {
        return new SalesImportOptions(source, currency, salesChannel, unknownProducts, unknownCustomers, batchSize);
    }

    /** @param lines lines per transaction @return these options with that batch size */
    public SalesImportOptions withBatchSize(int lines) {
        return new SalesImportOptions(source, currency, channel, unknownProducts, unknownCustomers, lines);
    }
}
