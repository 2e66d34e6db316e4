package org.crmkit.core.sales.port.in;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.sales.SalesChannel;

/**
 * How a sales import treats its lines.
 *
 * @param source                 the system the order references belong to (1 to 32 characters); a purchase is
 *                               unique by source and order reference, which makes a re-run import nothing twice
 * @param currency               ISO 4217 code every price of the file is in
 * @param channel                the channel of the imported purchases
 * @param createUnknownProducts  whether a SKU the catalog lacks becomes a new product (named by the line's
 *                               description, priced at its unit price); otherwise such lines are rejected
 * @param createUnknownCustomers whether a customer reference nobody holds becomes a new customer (a placeholder
 *                               name and an undeliverable {@code .invalid} address, source IMPORT); otherwise such
 *                               lines are rejected
 * @param batchSize              lines per transaction, 1 to 5,000 (an order is never split across two)
 */
public record SalesImportOptions(@NotBlank @Size(max = 32) String source,
                                 @NotBlank @Size(min = 3, max = 3) String currency,
                                 @NotNull SalesChannel channel,
                                 boolean createUnknownProducts,
                                 boolean createUnknownCustomers,
                                 @Min(1) @Max(5_000) int batchSize) {

    /**
     * @param source   the system of the references
     * @param currency the currency of the file
     * @return options that create neither products nor customers, for the web channel, 500 lines per batch
     */
    public static SalesImportOptions strict(String source, String currency) {
        return new SalesImportOptions(source, currency, SalesChannel.WEB, false, false, 500);
    }

    /** @return these options, creating unknown products and customers */
    public SalesImportOptions creatingUnknown() {
        return new SalesImportOptions(source, currency, channel, true, true, batchSize);
    }

    /** @param lines lines per transaction @return these options with that batch size */
    public SalesImportOptions withBatchSize(int lines) {
        return new SalesImportOptions(source, currency, channel, createUnknownProducts, createUnknownCustomers,
                lines);
    }
}
