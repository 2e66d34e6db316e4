package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.SalesError;
import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.ProductPermission;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The bulk sales import: reads rows once, groups consecutive lines of an order, checks each line on its own, and
 * stores each batch of orders in one transaction (purchases added together, so an adapter can send them as one JDBC
 * batch). What is looked up outside storage (products by SKU, customers by reference) is looked up once per import
 * and kept. A batch that fails as a whole (a concurrent import of the same orders) is retried order by order, so
 * one bad order costs only its own lines.
 *
 * <p>The outcome does not depend on the batch size: a cancellation takes back only from a purchase stored before it
 * (by an earlier import or batch, or earlier in the file within its batch), and the participants hear the batch's
 * purchases and returns in the file's order, as they would if every order were a batch of its own.
 *
 * <p>This class checks the call and the caller and wires one run: {@link ImportReader} reads and checks the rows,
 * {@link OrderBatches} groups them into orders and batches, {@link ImportBatchRunner} runs each batch through
 * {@link ImportLookups} and {@link OrderAssembler} into {@link BatchWriter} (its returns matched by
 * {@link BatchReturns}), and {@link ImportReport} adds up the summary.
 */
final class SalesImport {
    private final UseCaseSupport support;
    private final PurchaseStore purchases;
    private final Customers customers;
    private final Products products;
    private final CustomerDirectory directory;
    private final ProductCatalog catalog;
    private final SalesService sales;
    private final PurchaseReturns returns;

    SalesImport(UseCaseSupport support, PurchaseStore purchases, Customers customers, Products products,
                CustomerDirectory directory, ProductCatalog catalog, SalesService sales, PurchaseReturns returns) {
        this.support = support;
        this.purchases = purchases;
        this.customers = customers;
        this.products = products;
        this.directory = directory;
        this.catalog = catalog;
        this.sales = sales;
        this.returns = returns;
    }

    ImportSummary run(Actor actor, SalesImportOptions options, Iterable<? extends ImportRow> rows,
                      ImportProgress progress) {
        // the options' constraints, their currency and the other arguments together
        Currency currency = support.validate(actor, options, checks -> {
            if (rows == null) {
                checks.refuse("rows", "must not be null");
            } else if (rows instanceof Collection<?> all && all.stream().anyMatch(Objects::isNull)) {
                // known before anything is read; rows read lazily are refused when the null is reached
                checks.refuse("rows", ImportReader.NULL_ROW);
            }
            if (progress == null) {
                checks.refuse("progress", "must not be null");
            }
            return options.currency() == null ? null
                    : checks.attempt(() -> Money.currency("currency", options.currency()));
        });
        if (!support.startsOwnTransaction()) {
            // a failed batch is rolled back and its orders stored one by one: inside a transaction the import does
            // not own, that rollback would not happen and the retry would post what the failed batch half wrote
            throw new BusinessRuleViolationException(SalesError.IMPORT_NEEDS_OWN_TRANSACTIONS, "importSales runs its own "
                    + "transaction per batch: call it outside any transaction, on an adapter that manages them");
        }
        // the batches are a series of transactions, the caller's check its first: an adapter may carry them on one
        // connection
        return support.series(() -> {
            support.transaction(() -> {
                authorize(actor, options);
                return null;
            });
            return readAll(new ImportRun(actor, options, currency, options.source().strip()), rows, progress);
        });
    }

    /**
     * The import records, returns and creates on the caller's behalf: it needs what each of those needs, for any
     * customer, besides {@code SALES_IMPORT} itself.
     */
    private void authorize(Actor actor, SalesImportOptions options) {
        support.authorize(actor, SalesPermission.SALES_IMPORT, AccessTarget.none(), "purchase.import",
                SalesService.TYPE, null);
        List<Permission> needed = new ArrayList<>(List.of(SalesPermission.SALES_RECORD, SalesPermission.SALES_RETURN));
        if (options.unknownProducts() == SalesImportOptions.UnknownProducts.CREATE) {
            needed.add(ProductPermission.PRODUCT_MANAGE);
        }
        if (options.unknownCustomers() == SalesImportOptions.UnknownCustomers.CREATE) {
            needed.add(CustomerPermission.CUSTOMER_REGISTER);
        }
        for (Permission permission : needed) {
            // a target that is no one's: only a grant on any record covers it
            support.authorize(actor, permission, AccessTarget.none(), "purchase.import", SalesService.TYPE, null);
        }
    }

    /** Wires one run's parts and reads every row through them. */
    private ImportSummary readAll(ImportRun run, Iterable<? extends ImportRow> rows, ImportProgress progress) {
        ImportReport report = new ImportReport();
        ImportLookups lookups = new ImportLookups(support, customers, products, directory, catalog, run, report);
        ImportBatchRunner runner = new ImportBatchRunner(support, lookups, new OrderAssembler(lookups, report),
                new BatchWriter(support, purchases, sales, returns, run), report, progress);
        OrderBatches batches = new OrderBatches(run.options().batchSize(), runner::store);
        return new ImportReader(support, run, report, batches).readAll(rows);
    }
}
