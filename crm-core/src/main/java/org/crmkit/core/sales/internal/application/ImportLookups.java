package org.crmkit.core.sales.internal.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * What an import's lines name outside sales: products by SKU and customers by reference. Each is looked up once per
 * run and kept (a batch's new ones together, then any still unknown one by one), and an unknown one is created when
 * the options say so, through its area's use case as the caller. Why one could not be had is kept for the lines that
 * name it. A storage failure is not a reason of that kind: it stops the import ({@link #stopOnStorageFailure}), so
 * that no line is rejected, and no order stored without a line, for a fault that a re-run would not meet.
 */
final class ImportLookups {
    /** Most characters (code points) of a product name (the catalog's limit). */
    private static final int PRODUCT_NAME = 200;
    /** Most SKUs and customer references remembered per import. */
    private static final int CACHE = 200_000;

    private final UseCaseSupport support;
    private final Customers customers;
    private final Products products;
    private final CustomerDirectory directory;
    private final ProductCatalog catalog;
    private final ImportRun run;
    private final ImportReport report;
    private final Map<String, Optional<ProductView>> skus = new HashMap<>();
    private final Map<String, Optional<CustomerId>> references = new HashMap<>();
    private final Map<String, String> unusableSkus = new HashMap<>();
    private final Map<String, String> unusableReferences = new HashMap<>();

    ImportLookups(UseCaseSupport support, Customers customers, Products products, CustomerDirectory directory,
                  ProductCatalog catalog, ImportRun run, ImportReport report) {
        this.support = support;
        this.customers = customers;
        this.products = products;
        this.directory = directory;
        this.catalog = catalog;
        this.run = run;
        this.report = report;
    }

    /**
     * Looks up the batch's SKUs and customer references not seen before, together in one transaction; what is
     * not found this way is looked up (and, as the options say, created) one by one when the orders are prepared.
     */
    void resolve(List<ImportOrder> batch) {
        Set<String> newSkus = unseen(batch, line -> line.sku().strip(), skus);
        Set<String> newReferences = unseen(batch, line -> line.customerReference() == null ? null
                : line.customerReference().strip(), references);
        if (newSkus.isEmpty() && newReferences.isEmpty()) {
            return;
        }
        try {
            support.transaction(() -> {
                for (List<String> chunk : chunks(List.copyOf(newSkus), Products.MOST_SKUS)) {
                    catalog.findBySkus(chunk).forEach((sku, product) -> remember(skus, sku,
                            Optional.of(product)));
                }
                for (List<String> chunk : chunks(List.copyOf(newReferences), Customers.MOST_REFERENCES)) {
                    directory.findByExternalReferences(chunk).forEach((reference, customer) ->
                            remember(references, reference, Optional.of(customer.id())));
                }
                return null;
            });
        } catch (CrmException e) {
            stopOnStorageFailure(e);
            // a SKU or reference the lookups refuse as a whole: every line is looked up on its own instead
        }
    }

    /** @return the keys the batch's lines name (none for a {@code null} key) that are not known yet, in file order */
    private static Set<String> unseen(List<ImportOrder> batch, Function<SaleLine, String> key, Map<String, ?> known) {
        return batch.stream().flatMap(order -> order.lines().stream()).map(key)
                .filter(k -> k != null && !known.containsKey(k))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** @return the product the line's SKU names, created if the options say so; empty if there is none to be had */
    Optional<ProductView> product(SaleLine line) {
        String sku = line.sku().strip();
        Optional<ProductView> known = skus.get(sku);
        if (known != null) {
            return known;
        }
        Optional<ProductView> found;
        try {
            found = catalog.findBySku(sku);
            if (found.isEmpty() && run.options().unknownProducts() == SalesImportOptions.UnknownProducts.CREATE) {
                found = createProduct(sku, line);
            }
        } catch (CrmException e) {
            stopOnStorageFailure(e);
            // a SKU the catalog would never hold (its rules are stricter than the line's checks)
            found = Optional.empty();
            remember(unusableSkus, sku, reasonOf(e));
        }
        remember(skus, sku, found);
        return found;
    }

    private Optional<ProductView> createProduct(String sku, SaleLine line) {
        String name = line.description() == null || line.description().isBlank() ? sku : line.description().strip();
        try {
            Optional<ProductView> created = Optional.of(products.create(run.actor(), new CreateProductCommand(sku,
                    cut(name, PRODUCT_NAME), null, null, line.unitPrice(), run.currency().getCurrencyCode())));
            report.productCreated();
            return created;
        } catch (CrmException e) {
            stopOnStorageFailure(e);
            Optional<ProductView> found = catalog.findBySku(sku); // created meanwhile?
            if (found.isEmpty()) {
                remember(unusableSkus, sku, "the product could not be created: " + reasonOf(e));
            }
            return found;
        }
    }

    /** @return why no product could be had for the (stripped) SKU */
    String whyNoProduct(String sku) {
        return unusableSkus.getOrDefault(sku, "no product has this SKU");
    }

    /** @return the customer holding the (stripped) reference, registered if the options say so; empty if none */
    Optional<CustomerId> customer(String reference) {
        Optional<CustomerId> known = references.get(reference);
        if (known != null) {
            return known;
        }
        Optional<CustomerId> found;
        try {
            found = directory.findByExternalReference(reference).map(CustomerView::id);
            if (found.isEmpty() && run.options().unknownCustomers() == SalesImportOptions.UnknownCustomers.CREATE) {
                found = registerCustomer(reference);
            }
        } catch (CrmException e) {
            stopOnStorageFailure(e);
            found = Optional.empty();
            remember(unusableReferences, reference, reasonOf(e));
        }
        remember(references, reference, found);
        return found;
    }

    private Optional<CustomerId> registerCustomer(String reference) {
        try {
            // a reference may be as long as a last name: the name is cut to fit, so the customer can be had
            String lastName = cut("Customer " + reference, PersonName.MAX_LENGTH);
            Optional<CustomerId> registered = Optional.of(customers.register(run.actor(), RegisterCustomerCommand
                    .imported("Imported", lastName, placeholderEmail(reference), reference)).id());
            report.customerCreated();
            return registered;
        } catch (CrmException e) {
            stopOnStorageFailure(e);
            Optional<CustomerId> found = directory.findByExternalReference(reference).map(CustomerView::id);
            if (found.isEmpty()) {
                remember(unusableReferences, reference, "the customer could not be created: " + reasonOf(e));
            }
            return found;
        }
    }

    /** @return why no customer could be had for the (stripped) reference */
    String whyNoCustomer(String reference) {
        return unusableReferences.getOrDefault(reference, "no customer holds this reference");
    }

    /**
     * An address that can never receive mail (RFC 2606 {@code .invalid}) and is unique per source and reference:
     * the local part is a hash of both, so references that differ only in case or punctuation never collide and
     * no reference is too long for an address.
     */
    private String placeholderEmail(String reference) {
        String source = run.source();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (source.length() + ":" + source + ":" + reference).getBytes(StandardCharsets.UTF_8));
            return "customer-" + HexFormat.of().formatHex(digest, 0, 12) + "@import.invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Rethrows a storage failure, which says nothing about the SKU or the reference looked up: the import stops
     * (see {@link ImportBatchRunner}) instead of rejecting the lines for it.
     */
    static void stopOnStorageFailure(CrmException e) {
        if (e instanceof PersistenceFailureException) {
            throw e;
        }
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        if (cache.size() >= CACHE) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /** @return the first field error's reason, or the error's code */
    private static String reasonOf(CrmException e) {
        if (e instanceof InvalidCommandException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().get(0).message();
        }
        if (e instanceof InvalidValueException invalid) {
            return invalid.reason();
        }
        return e.code();
    }

    /** @return the text cut to at most {@code max} code points */
    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
