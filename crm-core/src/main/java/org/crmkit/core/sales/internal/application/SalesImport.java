package org.crmkit.core.sales.internal.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.domain.Purchase;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.sales.port.in.UnreadableLine;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.product.ProductPermission;
import org.crmkit.core.sales.SalesPermission;

// Over 300 lines, knowingly for now: the import's batch pipeline (read, look up, price, store, report) shares its
// per-run caches and counters; issue 16's god-class slice (ADR 0011, "How it lands" 5) splits it into a reader, a
// look-up and a batch writer. This session only moved it and changed its look-ups to internal ports.
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
 */
final class SalesImport {
    /** Most characters of a product name (the catalog's limit). */
    private static final int PRODUCT_NAME = 200;
    /** Most of a customer's latest purchases of a product that a cancelled line looks through. */
    private static final int CANDIDATES = 50;
    /** Most SKUs and customer references remembered per import. */
    private static final int CACHE = 200_000;

    private final UseCaseSupport support;
    private final PurchaseRepository purchases;
    private final Customers customers;
    private final Products products;
    private final CustomerDirectory directory;
    private final ProductCatalog catalog;
    private final SalesService sales;

    SalesImport(UseCaseSupport support, PurchaseRepository purchases, Customers customers, Products products,
                CustomerDirectory directory, ProductCatalog catalog, SalesService sales) {
        this.support = support;
        this.purchases = purchases;
        this.customers = customers;
        this.products = products;
        this.directory = directory;
        this.catalog = catalog;
        this.sales = sales;
    }

    ImportSummary run(Actor actor, SalesImportOptions options, Iterable<? extends ImportRow> rows,
                      ImportProgress progress) {
        support.validate(actor, options);
        if (rows == null || progress == null) {
            throw new InvalidCommandException(List.of(new FieldError(rows == null ? "rows" : "progress",
                    "must not be null")));
        }
        Currency currency = UseCaseSupport.commandField(() -> Money.currency("currency", options.currency()));
        if (!support.startsOwnTransaction()) {
            // a failed batch is rolled back and its orders stored one by one: inside a transaction the import does
            // not own, that rollback would not happen and the retry would post what the failed batch half wrote
            throw new BusinessRuleViolationException("import_needs_own_transactions", "importSales runs its own "
                    + "transaction per batch: call it outside any transaction, on an adapter that manages them");
        }
        // the batches are a series of transactions, the caller's check its first: an adapter may carry them on one
        // connection
        return support.series(() -> {
            support.transaction(() -> {
                // the import records, returns and creates on the caller's behalf: it needs what each of those needs,
                // for any customer, besides SALES_IMPORT itself
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
                    support.authorize(actor, permission, AccessTarget.none(), "purchase.import", SalesService.TYPE,
                            null);
                }
                return null;
            });
            return new Run(actor, options, currency, progress).all(rows);
        });
    }

    /** One order's lines as read: consecutive lines with the same reference. */
    private static final class Order {
        final String reference;
        final boolean cancellation;
        final List<SaleLine> lines = new ArrayList<>();

        Order(String reference, boolean cancellation) {
            this.reference = reference;
            this.cancellation = cancellation;
        }
    }

    private final class Run {
        private final Actor actor;
        private final SalesImportOptions options;
        private final Currency currency;
        private final ImportProgress progress;
        private final String source;
        private final Map<String, Optional<ProductView>> skus = new HashMap<>();
        private final Map<String, Optional<CustomerId>> references = new HashMap<>();
        private final Map<String, String> unusableSkus = new HashMap<>();
        private final Map<String, String> unusableReferences = new HashMap<>();
        private final List<RejectedLine> rejected = new ArrayList<>();
        private long read;
        private long imported;
        private long already;
        private long rejectedCount;
        private long purchaseCount;
        private long returnCount;
        private long productsCreated;
        private long customersCreated;

        Run(Actor actor, SalesImportOptions options, Currency currency, ImportProgress progress) {
            this.actor = actor;
            this.options = options;
            this.currency = currency;
            this.progress = progress;
            this.source = options.source().strip();
        }

        ImportSummary all(Iterable<? extends ImportRow> rows) {
            List<Order> batch = new ArrayList<>();
            int batchLines = 0;
            Order current = null;
            for (ImportRow row : rows) {
                read++;
                if (row instanceof UnreadableLine u) {
                    reject(u.sourceLine(), u.field(), u.reason());
                    continue;
                }
                SaleLine line = (SaleLine) row;
                String problem = check(line);
                if (problem != null) {
                    continue;
                }
                String reference = line.orderReference().strip();
                if (current == null || !current.reference.equals(reference)
                        || current.cancellation != line.cancellation()) {
                    if (current != null && batchLines >= options.batchSize()) {
                        store(batch);
                        batch = new ArrayList<>();
                        batchLines = 0;
                    }
                    current = new Order(reference, line.cancellation());
                    batch.add(current);
                }
                current.lines.add(line);
                batchLines++;
            }
            store(batch);
            rejected.sort(java.util.Comparator.comparingLong(RejectedLine::sourceLine));
            return new ImportSummary(read, imported, already, rejectedCount, purchaseCount, returnCount,
                    productsCreated, customersCreated, rejected);
        }

        /** @return a reason when the line is rejected on its own (and rejects it), or {@code null} */
        private String check(SaleLine line) {
            String field = null;
            String reason = null;
            int quantity = line.quantity();
            if (blankOrLonger(line.orderReference(), 64)) {
                field = "orderReference";
                reason = "must be 1 to 64 characters without control characters";
            } else if (line.lineNumber() < 1) {
                field = "lineNumber";
                reason = "must be 1 or more";
            } else if (blankOrLonger(line.sku(), 200)) {
                field = "sku";
                reason = "must be 1 to 200 characters without control characters";
            } else if (quantity == 0 || Math.abs((long) quantity) > 1_000_000) {
                field = "quantity";
                reason = "must be 1 to 1,000,000 (negative in a cancellation)";
            } else if (quantity < 0 && !line.cancellation()) {
                field = "quantity";
                reason = "is negative outside a cancellation";
            } else if (quantity > 0 && line.cancellation()) {
                field = "quantity";
                reason = "must be negative in a cancellation";
            } else if (line.occurredAt() == null) {
                field = "occurredAt";
                reason = "must not be empty";
            } else if (line.occurredAt().isAfter(support.now().plus(SalesService.MAX_AHEAD))) {
                field = "occurredAt";
                reason = "must not be more than a day in the future";
            } else if (line.customerReference() != null && blankOrLonger(line.customerReference(), 100)) {
                field = "customerReference";
                reason = "must be 1 to 100 characters without control characters";
            } else {
                try {
                    PurchaseLine.amount(Money.of("unitPrice", line.unitPrice(), currency), Math.abs(quantity));
                    StoredTime.bound("occurredAt", line.occurredAt());
                } catch (InvalidValueException e) {
                    field = lineField(e.field());
                    reason = e.reason();
                }
            }
            if (field != null) {
                reject(line.sourceLine(), field, reason);
            }
            return reason;
        }

        private void store(List<Order> batch) {
            if (batch.isEmpty()) {
                return;
            }
            resolve(batch);
            List<Prepared> prepared = new ArrayList<>();
            for (Order order : batch) {
                Prepared p = prepare(order);
                if (p != null) {
                    prepared.add(p);
                }
            }
            Tally tally = new Tally();
            try {
                support.transaction(() -> {
                    storeAll(prepared, tally);
                    return null;
                });
                tally.applyTo(this);
            } catch (CrmException batchFailed) {
                // another import stored some of these orders meanwhile, or one order broke a rule the checks could
                // not see: store them one by one, so that only the failing order's lines are rejected
                for (Prepared p : prepared) {
                    Tally one = new Tally();
                    try {
                        support.transaction(() -> {
                            storeAll(List.of(p), one);
                            return null;
                        });
                        one.applyTo(this);
                    } catch (CrmException orderFailed) {
                        p.lines.forEach(l -> reject(l.sourceLine(), "orderReference", "could not be stored: "
                                + orderFailed.code()));
                    }
                }
            }
            progress.progress(read, imported, rejectedCount);
        }

        /** An order whose lines passed every check that needs no transaction: products and customer resolved. */
        private final class Prepared {
            final Order order;
            final CustomerId customer;
            final List<SaleLine> lines = new ArrayList<>();
            final Map<Integer, ProductView> productOf = new HashMap<>();

            Prepared(Order order, CustomerId customer) {
                this.order = order;
                this.customer = customer;
            }
        }

        private Prepared prepare(Order order) {
            SaleLine first = order.lines.get(0);
            String customerReference = first.customerReference() == null ? null : first.customerReference().strip();
            CustomerId customer = null;
            if (customerReference != null) {
                Optional<CustomerId> found = customer(customerReference, first);
                if (found.isEmpty()) {
                    String why = unusableReferences.getOrDefault(customerReference, "no customer holds this reference");
                    order.lines.forEach(l -> reject(l.sourceLine(), "customerReference", why));
                    return null;
                }
                customer = found.get();
            } else if (order.cancellation) {
                order.lines.forEach(l -> reject(l.sourceLine(), "customerReference",
                        "a cancellation needs the customer whose purchase it takes back"));
                return null;
            }
            Prepared prepared = new Prepared(order, customer);
            Set<Integer> numbers = new HashSet<>();
            for (SaleLine line : order.lines) {
                String lineCustomer = line.customerReference() == null ? null : line.customerReference().strip();
                if (!java.util.Objects.equals(lineCustomer, customerReference)) {
                    reject(line.sourceLine(), "customerReference", "differs from the first line of order "
                            + order.reference);
                } else if (!line.occurredAt().equals(first.occurredAt())) {
                    reject(line.sourceLine(), "occurredAt", "differs from the first line of order " + order.reference);
                } else if (!numbers.add(line.lineNumber())) {
                    reject(line.sourceLine(), "lineNumber", "repeats a line number of order " + order.reference);
                } else {
                    Optional<ProductView> product = product(line);
                    if (product.isEmpty()) {
                        reject(line.sourceLine(), "sku", unusableSkus.getOrDefault(line.sku().strip(),
                                "no product has this SKU"));
                    } else if (product.get().isRetired() && !order.cancellation) {
                        reject(line.sourceLine(), "sku", "the product is retired and no longer sold");
                    } else {
                        prepared.lines.add(line);
                        prepared.productOf.put(line.lineNumber(), product.get());
                    }
                }
            }
            return prepared.lines.isEmpty() ? null : prepared;
        }

        /**
         * Looks up the batch's SKUs and customer references not seen before, together in one transaction; what is
         * not found this way is looked up (and, as the options say, created) one by one when the orders are prepared.
         */
        private void resolve(List<Order> batch) {
            Set<String> newSkus = new LinkedHashSet<>();
            Set<String> newReferences = new LinkedHashSet<>();
            for (Order order : batch) {
                for (SaleLine line : order.lines) {
                    String sku = line.sku().strip();
                    if (!skus.containsKey(sku)) {
                        newSkus.add(sku);
                    }
                    String reference = line.customerReference() == null ? null : line.customerReference().strip();
                    if (reference != null && !references.containsKey(reference)) {
                        newReferences.add(reference);
                    }
                }
            }
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
                // a SKU or reference the lookups refuse as a whole: every line is looked up on its own instead
            }
        }

        private static <T> List<List<T>> chunks(List<T> all, int size) {
            List<List<T>> chunks = new ArrayList<>();
            for (int from = 0; from < all.size(); from += size) {
                chunks.add(all.subList(from, Math.min(all.size(), from + size)));
            }
            return chunks;
        }

        private Optional<ProductView> product(SaleLine line) {
            String sku = line.sku().strip();
            Optional<ProductView> known = skus.get(sku);
            if (known != null) {
                return known;
            }
            Optional<ProductView> found;
            try {
                found = catalog.findBySku(sku);
                if (found.isEmpty() && options.unknownProducts() == SalesImportOptions.UnknownProducts.CREATE) {
                    String name = line.description() == null || line.description().isBlank() ? sku
                            : line.description().strip();
                    try {
                        found = Optional.of(products.create(actor, new CreateProductCommand(sku,
                                cut(name, PRODUCT_NAME), null, null, line.unitPrice(), currency.getCurrencyCode())));
                        productsCreated++;
                    } catch (CrmException e) {
                        found = catalog.findBySku(sku); // created meanwhile?
                        if (found.isEmpty()) {
                            remember(unusableSkus, sku, "the product could not be created: " + reasonOf(e));
                        }
                    }
                }
            } catch (CrmException e) {
                // a SKU the catalog would never hold (its rules are stricter than the line's checks)
                found = Optional.empty();
                remember(unusableSkus, sku, reasonOf(e));
            }
            remember(skus, sku, found);
            return found;
        }

        private Optional<CustomerId> customer(String reference, SaleLine line) {
            Optional<CustomerId> known = references.get(reference);
            if (known != null) {
                return known;
            }
            Optional<CustomerId> found;
            try {
                found = directory.findByExternalReference(reference).map(CustomerView::id);
                if (found.isEmpty() && options.unknownCustomers() == SalesImportOptions.UnknownCustomers.CREATE) {
                    try {
                        found = Optional.of(customers.register(actor, RegisterCustomerCommand.imported("Imported",
                                cut("Customer " + reference, PRODUCT_NAME), placeholderEmail(reference), reference)).id());
                        customersCreated++;
                    } catch (CrmException e) {
                        found = directory.findByExternalReference(reference).map(CustomerView::id);
                        if (found.isEmpty()) {
                            remember(unusableReferences, reference, "the customer could not be created: "
                                    + reasonOf(e));
                        }
                    }
                }
            } catch (CrmException e) {
                found = Optional.empty();
                remember(unusableReferences, reference, reasonOf(e));
            }
            remember(references, reference, found);
            return found;
        }

        /**
         * An address that can never receive mail (RFC 2606 {@code .invalid}) and is unique per source and reference:
         * the local part is a hash of both, so references that differ only in case or punctuation never collide and
         * no reference is too long for an address.
         */
        private String placeholderEmail(String reference) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                        (source.length() + ":" + source + ":" + reference).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8));
                return "customer-" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "@import.invalid";
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        }

        private <V> void remember(Map<String, V> cache, String key, V value) {
            if (cache.size() >= CACHE) {
                cache.clear();
            }
            cache.put(key, value);
        }

        /**
         * Stores prepared orders in the current transaction; counts into the tally, applied only on commit. The
         * purchases go in together, then the cancellations become returns against purchases held in memory (each
         * changed purchase stored once), then the audit entries go in together and the participants (loyalty) act on
         * the batch's purchases and returns together, in the file's order. A cancellation takes back only from a
         * purchase stored before it: by an earlier batch or import, or earlier in the file within this batch. So the
         * outcome is the one of storing the orders one by one, whatever the batch size.
         */
        private void storeAll(List<Prepared> prepared, Tally tally) {
            Map<String, Purchase> earlier = purchases.findByReferences(source, prepared.stream()
                    .filter(p -> !p.order.cancellation).map(p -> p.order.reference).toList());
            List<Purchase> fresh = new ArrayList<>();
            Map<PurchaseId, Prepared> freshOrders = new LinkedHashMap<>();
            // where in the batch each new purchase comes, and what each order stored
            Map<PurchaseId, Integer> freshAt = new HashMap<>();
            Map<Prepared, Stored> storedBy = new HashMap<>();
            for (int at = 0; at < prepared.size(); at++) {
                Prepared p = prepared.get(at);
                if (p.order.cancellation) {
                    continue;
                }
                Purchase candidate = purchase(p, tally);
                if (candidate == null) {
                    continue;
                }
                Purchase before = earlier.get(p.order.reference);
                if (before == null) {
                    fresh.add(candidate);
                    freshOrders.put(candidate.id(), p);
                    freshAt.put(candidate.id(), at);
                    storedBy.put(p, new Stored().record(SalesService.recorded(candidate), "purchase.record",
                            candidate.id(), candidate.pullEvents()));
                } else if (before.sameAs(candidate)) {
                    tally.already += p.lines.size();
                } else {
                    p.lines.forEach(l -> tally.reject(l.sourceLine(), "orderReference",
                            "was imported before with other lines"));
                }
            }
            purchases.addAll(fresh);
            for (Purchase purchase : fresh) {
                tally.imported += freshOrders.get(purchase.id()).lines.size();
                tally.purchases++;
            }
            List<Prepared> cancellations = prepared.stream().filter(p -> p.order.cancellation).toList();
            // the candidates a cancellation looks through include this batch's new purchases, those after it in the
            // file too; these are left out afterwards, so the query reads as many more as one customer's new
            // purchases of one product could crowd out
            Map<List<Object>, Integer> freshHolding = new HashMap<>();
            fresh.stream().filter(purchase -> purchase.snapshot().customer() != null).forEach(purchase -> purchase
                    .snapshot().lines().stream().map(PurchaseLine::product).distinct().forEach(product -> freshHolding
                            .merge(List.of(purchase.snapshot().customer(), product), 1, Integer::sum)));
            int crowd = freshHolding.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Returns returns = new Returns(purchases.findReturnReferences(cancellations.stream()
                    .flatMap(p -> p.lines.stream().map(line -> returnReference(p, line))).toList()),
                    purchases.findWithProducts(cancellations.stream().flatMap(p -> p.lines.stream()
                            .map(line -> holding(p, line))).toList(), CANDIDATES + crowd), freshAt);
            for (int at = 0; at < prepared.size(); at++) {
                Prepared p = prepared.get(at);
                if (p.order.cancellation) {
                    storedBy.put(p, cancel(p, at, tally, returns));
                }
            }
            // in id order, as every bulk path locks rows, so that two imports at once do not deadlock on them
            purchases.updateAll(returns.changed.values().stream()
                    .sorted((a, b) -> UuidV7.compareBytes(a.id().value(), b.id().value())).toList());
            // audited, published and told to the participants in the file's order, as order by order
            List<AuditEntry> audits = new ArrayList<>();
            List<PurchaseParticipant.Posting> postings = new ArrayList<>();
            for (Prepared p : prepared) {
                Stored stored = storedBy.get(p);
                if (stored != null) {
                    stored.audited.forEach(target -> audits.add(support.auditEntry(actor, stored.action,
                            SalesService.TYPE, target.value())));
                    support.publishAfterCommit(stored.events);
                    postings.addAll(stored.postings);
                }
            }
            support.audit(audits);
            sales.participate(postings);
        }

        /** What one order stored: what the participants hear, what is audited, and the events to publish. */
        private static final class Stored {
            final List<PurchaseParticipant.Posting> postings = new ArrayList<>();
            final List<PurchaseId> audited = new ArrayList<>();
            final List<DomainEvent> events = new ArrayList<>();
            String action;

            Stored record(PurchaseParticipant.Posting posting, String action, PurchaseId target,
                          List<? extends DomainEvent> events) {
                this.postings.add(posting);
                this.action = action;
                this.audited.add(target);
                this.events.addAll(events);
                return this;
            }
        }

        /** @return the query of the purchases a cancelled line may take back from */
        private PurchaseRepository.ProductHolding holding(Prepared p, SaleLine line) {
            return new PurchaseRepository.ProductHolding(p.customer, p.productOf.get(line.lineNumber()).id(),
                    SalesService.storable(line.occurredAt()));
        }

        /** The return references of the order's lines; the source's length first, so that no source and order can
         * spell another's reference. */
        private String returnReference(Prepared p, SaleLine line) {
            return source.length() + ":" + source + ":" + p.order.reference + "#" + line.lineNumber();
        }

        /**
         * A batch's returns: the references already used, the purchases they changed, the candidates they look
         * through, and where in the batch its new purchases come.
         */
        private static final class Returns {
            final Set<String> references;
            final Map<PurchaseId, Purchase> changed = new LinkedHashMap<>();

            final Map<PurchaseRepository.ProductHolding, List<Purchase>> holding;
            final Map<PurchaseId, Integer> freshAt;

            Returns(Set<String> storedBefore, Map<PurchaseRepository.ProductHolding, List<Purchase>> holding,
                    Map<PurchaseId, Integer> freshAt) {
                this.references = new HashSet<>(storedBefore);
                this.holding = holding;
                this.freshAt = freshAt;
            }

            /** @return whether the purchase was stored before the batch's order at that position */
            boolean storedBefore(Purchase purchase, int position) {
                return freshAt.getOrDefault(purchase.id(), -1) < position;
            }

            /** @return the purchase as this batch changed it, if it did */
            Purchase current(Purchase stored) {
                return changed.getOrDefault(stored.id(), stored);
            }
        }

        private Purchase purchase(Prepared p, Tally tally) {
            List<PurchaseLine> lines = new ArrayList<>();
            for (SaleLine line : p.lines) {
                lines.add(new PurchaseLine(line.lineNumber(), p.productOf.get(line.lineNumber()).id(),
                        line.quantity(), Money.of("unitPrice", line.unitPrice(), currency), 0));
            }
            try {
                return Purchase.record(PurchaseId.next(support.clock()), p.customer,
                        SalesService.storable(p.lines.get(0).occurredAt()), options.channel(), source,
                        p.order.reference, currency, lines, support.now());
            } catch (InvalidValueException e) {
                p.lines.forEach(l -> tally.reject(l.sourceLine(), lineField(e.field()), e.reason()));
                return null;
            }
        }

        /**
         * Each cancelled line takes back from the customer's latest earlier purchase that still holds enough and was
         * stored before the cancellation (not one that comes after it in the batch).
         *
         * @param position the cancellation's place in the batch
         * @return the returns made, in line order
         */
        private Stored cancel(Prepared p, int position, Tally tally, Returns returns) {
            Stored made = new Stored();
            for (SaleLine line : p.lines) {
                String reference = returnReference(p, line);
                if (!returns.references.add(reference)) {
                    tally.already++;
                    continue;
                }
                ProductView product = p.productOf.get(line.lineNumber());
                int quantity = -line.quantity();
                Instant at = SalesService.storable(line.occurredAt());
                // the latest earlier purchase of this source holding enough, preferring one at the cancelled price;
                // as this batch changed it, if it did
                List<Purchase> holding = returns.holding.getOrDefault(holding(p, line), List.of()).stream()
                        .filter(candidate -> returns.storedBefore(candidate, position)).limit(CANDIDATES)
                        .map(returns::current)
                        .filter(candidate -> candidate.snapshot().source().equals(source)
                                && lineHolding(candidate, product, quantity) != null).toList();
                Money price = Money.of("unitPrice", line.unitPrice(), currency);
                Optional<Purchase> target = holding.stream()
                        .filter(candidate -> lineHolding(candidate, product, quantity).unitPrice().equals(price))
                        .findFirst().or(() -> holding.stream().findFirst());
                if (target.isEmpty()) {
                    returns.references.remove(reference);
                    tally.reject(line.sourceLine(), "quantity",
                            "no earlier purchase of this customer holds that many of the SKU to take back");
                    continue;
                }
                PurchaseLine bought = lineHolding(target.get(), product, quantity);
                made.record(sales.takeBack(target.get(), Map.of(bought.number(), quantity), at, reference),
                        "purchase.return", target.get().id(), target.get().pullEvents());
                returns.changed.put(target.get().id(), target.get());
                tally.imported++;
                tally.returns++;
            }
            return made;
        }

        private PurchaseLine lineHolding(Purchase purchase, ProductView product, int quantity) {
            return purchase.snapshot().lines().stream()
                    .filter(l -> l.product().equals(product.id()) && l.returnable() >= quantity)
                    .findFirst().orElse(null);
        }

        /**
         * @return the import's name of a purchase's field: the order's when it concerns the purchase's lines as a
         *         whole (such as their total), the line's own otherwise
         */
        private static String lineField(String field) {
            if ("lines".equals(field)) {
                return "orderReference";
            }
            return field.startsWith("lines.") ? field.substring("lines.".length()) : field;
        }

        private void reject(long sourceLine, String field, String reason) {
            rejectedCount++;
            if (rejected.size() < ImportSummary.MAX_REPORTED) {
                rejected.add(new RejectedLine(sourceLine, field, reason));
            }
        }

        /** @return the first field error's reason, or the error's code */
        private String reasonOf(CrmException e) {
            if (e instanceof InvalidCommandException invalid && !invalid.errors().isEmpty()) {
                return invalid.errors().get(0).message();
            }
            if (e instanceof InvalidValueException invalid) {
                return invalid.reason();
            }
            return e.code();
        }

        /** @return the text cut to at most {@code max} code points */
        private String cut(String text, int max) {
            return text.codePointCount(0, text.length()) <= max ? text
                    : text.substring(0, text.offsetByCodePoints(0, max));
        }

        private boolean blankOrLonger(String text, int max) {
            if (text == null || text.isBlank()) {
                return true;
            }
            String stripped = text.strip();
            return stripped.length() > max || stripped.codePoints().anyMatch(Character::isISOControl);
        }
    }

    /** Counts of one transaction, added to the run's only once it committed. */
    private static final class Tally {
        long imported;
        long already;
        long purchases;
        long returns;
        final List<RejectedLine> rejected = new ArrayList<>();

        void reject(long sourceLine, String field, String reason) {
            rejected.add(new RejectedLine(sourceLine, field, reason));
        }

        void applyTo(Run run) {
            run.imported += imported;
            run.already += already;
            run.purchaseCount += purchases;
            run.returnCount += returns;
            rejected.forEach(r -> run.reject(r.sourceLine(), r.field(), r.reason()));
        }
    }
}
