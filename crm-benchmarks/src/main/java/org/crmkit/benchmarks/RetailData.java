package org.crmkit.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.csv.SalesCsvFormat;
import org.crmkit.csv.SalesCsvReader;

// Over 300 lines: the generator of one realistic retail file (customers, products, invoices, cancellations) whose
// parts share the same random stream and proportions; split, the proportions would be spread over several classes.
/**
 * Retail-like sales data made from a fixed seed, as the retail CSV export ({@link SalesCsvFormat#retail()}, times in
 * UTC) a host would import: invoices of 1 to 40 lines over a catalog and a customer base in which some SKUs and some
 * customers are much more popular than others, about 15% of invoices anonymous, and cancellation invoices
 * ({@code C...}, 1 to 5 lines with negative quantities) that take back part of an earlier purchase of the same
 * customer. Invoices are in time order, spread evenly over the 11 months before a given day. The generator keeps
 * what each purchase line still holds exactly as the import's rule picks the purchase a cancelled line takes from
 * (the customer's latest earlier purchase holding enough of the SKU), so every line imports.
 */
final class RetailData {
    /** The currency of every price. */
    static final String CURRENCY = "EUR";
    /** The layout of the CSV text: the retail export, its local times in UTC. */
    static final SalesCsvFormat FORMAT = SalesCsvFormat.retail().toBuilder().zone(ZoneOffset.UTC).build();

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,"
            + "Country";
    private static final int FIRST_INVOICE = 536_365;
    private static final int MAX_LINES = 40;
    private static final int MAX_CANCELLED_LINES = 5;
    private static final double ANONYMOUS = 0.15;
    private static final double CANCELLATION = 0.13;
    /** A cancellation takes from one of the customers' last this many purchases. */
    private static final int CANCELLABLE = 1_000;
    private static final int[] QUANTITIES = {1, 1, 1, 1, 2, 2, 2, 3, 4, 4, 6, 6, 8, 10, 12, 12, 24, 25, 36, 48};
    private static final String[] COLOURS = {"WHITE", "RED", "BLUE", "PINK", "GREEN", "IVORY", "BLACK", "VINTAGE",
        "RETRO", "SILVER", "GOLD", "PAISLEY"};
    private static final String[] ITEMS = {"HANGING HEART T-LIGHT HOLDER", "METAL LANTERN", "JAM JAR", "LUNCH BAG",
        "CAKE STAND", "NOTEBOOK", "MUG", "DOORMAT", "SCENTED CANDLE", "PHOTO FRAME", "PARTY BUNTING", "TEA TOWEL",
        "ALARM CLOCK", "WATER BOTTLE", "SHOPPER BAG", "PLACEMATS SET OF 4"};
    private static final String[] COUNTRIES = {"Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium",
        "Switzerland", "Portugal", "Australia", "Norway"};

    /**
     * A product of the catalog.
     *
     * @param sku   its SKU
     * @param name  its name (the CSV's description)
     * @param price its unit price
     */
    record Product(String sku, String name, BigDecimal price) {
    }

    /**
     * A customer of the export.
     *
     * @param reference their external reference (the CSV's CustomerID)
     * @param country   their country
     */
    record Customer(String reference, String country) {
    }

    /** One invoice: a sale, or a cancellation whose quantities are negative. */
    static final class Invoice {
        final String number;
        final boolean cancellation;
        /** {@code null} for an anonymous sale. */
        final Customer customer;
        final List<Product> products = new ArrayList<>();
        final List<Integer> quantities = new ArrayList<>();
        /** Per line of a sale: how many the cancellations met so far have not taken back. */
        final List<Integer> returnable = new ArrayList<>();
        Instant at;
        int batch;

        Invoice(String number, boolean cancellation, Customer customer) {
            this.number = number;
            this.cancellation = cancellation;
            this.customer = customer;
        }

        int lines() {
            return products.size();
        }
    }

    final List<Product> products;
    final List<Customer> customers;
    final List<Invoice> invoices;
    final int lines;
    final int batchSize;
    final String csv;
    private final Map<String, Invoice> byNumber = new HashMap<>();

    private RetailData(List<Product> products, List<Customer> customers, List<Invoice> invoices, int batchSize) {
        this.products = List.copyOf(products);
        this.customers = List.copyOf(customers);
        this.invoices = List.copyOf(invoices);
        this.lines = invoices.stream().mapToInt(Invoice::lines).sum();
        this.batchSize = batchSize;
        int batch = 0;
        int batchLines = 0;
        for (Invoice invoice : invoices) {
            // SalesImport closes a batch when the next order starts and the batch holds batchSize lines or more
            if (batchLines >= batchSize) {
                batch++;
                batchLines = 0;
            }
            invoice.batch = batch;
            batchLines += invoice.lines();
            byNumber.put(invoice.number, invoice);
        }
        StringBuilder text = new StringBuilder(lines * 90).append(HEADER).append('\n');
        for (Invoice invoice : invoices) {
            String time = CSV_TIME.format(invoice.at);
            for (int i = 0; i < invoice.lines(); i++) {
                Product p = invoice.products.get(i);
                text.append(invoice.number).append(',').append(p.sku()).append(',').append(p.name()).append(',')
                        .append(invoice.quantities.get(i)).append(',').append(time).append(',')
                        .append(p.price().toPlainString()).append(',')
                        .append(invoice.customer == null ? "" : invoice.customer.reference()).append(',')
                        .append(invoice.customer == null ? "United Kingdom" : invoice.customer.country())
                        .append('\n');
            }
        }
        this.csv = text.toString();
    }

    /**
     * @param seed          the seed: the same seed, counts and day give the same data
     * @param lineCount     how many lines in all (the last invoice is cut to fit)
     * @param skuCount      the catalog's size
     * @param customerCount how many customers
     * @param batchSize     the import's lines per transaction, to know which batch each invoice falls in
     * @param lastDay       the day of the last invoices; the first are 11 months before
     * @return the data
     */
    static RetailData generate(long seed, int lineCount, int skuCount, int customerCount, int batchSize,
                               Instant lastDay) {
        Random random = new Random(seed);
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < skuCount; i++) {
            double low = Math.log(0.29);
            double high = Math.log(49.95);
            BigDecimal price = BigDecimal.valueOf(Math.exp(low + random.nextDouble() * (high - low)))
                    .setScale(2, RoundingMode.HALF_UP);
            products.add(new Product((20_000 + i) + (i % 7 == 0 ? "A" : ""), COLOURS[random.nextInt(COLOURS.length)]
                    + " " + ITEMS[random.nextInt(ITEMS.length)] + " NO " + (1 + i / 16), price));
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(new Customer(String.valueOf(12_346 + i), random.nextDouble() < 0.85 ? "United Kingdom"
                    : COUNTRIES[random.nextInt(COUNTRIES.length)]));
        }
        // popularity: the r-th most popular SKU or customer is drawn with a probability ~ r^(-1/3); ranks shuffled
        List<Product> skuByRank = new ArrayList<>(products);
        Collections.shuffle(skuByRank, random);
        List<Customer> customerByRank = new ArrayList<>(customers);
        Collections.shuffle(customerByRank, random);

        List<Invoice> invoices = new ArrayList<>();
        List<Invoice> customerSales = new ArrayList<>();
        Map<Customer, List<Invoice>> salesOf = new HashMap<>();
        int total = 0;
        int number = FIRST_INVOICE;
        while (total < lineCount) {
            Invoice invoice = null;
            if (!customerSales.isEmpty() && random.nextDouble() < CANCELLATION) {
                invoice = cancellation(random, "C" + number, customerSales, salesOf, lineCount - total);
            }
            if (invoice == null) {
                Customer customer = random.nextDouble() < ANONYMOUS ? null
                        : customerByRank.get((int) (customerCount * Math.pow(random.nextDouble(), 1.5)));
                invoice = new Invoice(String.valueOf(number), false, customer);
                int size = Math.min(1 + random.nextInt(MAX_LINES), lineCount - total);
                Set<Product> chosen = new LinkedHashSet<>();
                while (chosen.size() < size) {
                    chosen.add(skuByRank.get((int) (skuCount * Math.pow(random.nextDouble(), 1.5))));
                }
                for (Product p : chosen) {
                    int quantity = QUANTITIES[random.nextInt(QUANTITIES.length)];
                    invoice.products.add(p);
                    invoice.quantities.add(quantity);
                    invoice.returnable.add(quantity);
                }
                if (customer != null) {
                    customerSales.add(invoice);
                    salesOf.computeIfAbsent(customer, c -> new ArrayList<>()).add(invoice);
                }
            }
            invoices.add(invoice);
            total += invoice.lines();
            number++;
        }
        // even slots over 11 months, each invoice at a whole minute early in its slot: strictly increasing times
        Instant end = lastDay.truncatedTo(ChronoUnit.DAYS);
        Instant start = end.minus(Duration.ofDays(334));
        long slot = Duration.between(start, end).toMinutes() / invoices.size();
        for (int i = 0; i < invoices.size(); i++) {
            invoices.get(i).at = start.plus(Duration.ofMinutes(i * slot + random.nextInt((int) Math.max(1, slot / 2))));
        }
        return new RetailData(products, customers, invoices, batchSize);
    }

    /** A cancellation of some lines of a recent purchase, or {@code null} when that purchase holds nothing more. */
    private static Invoice cancellation(Random random, String number, List<Invoice> customerSales,
                                        Map<Customer, List<Invoice>> salesOf, int linesLeft) {
        Invoice bought = customerSales.get(customerSales.size() - 1
                - random.nextInt(Math.min(customerSales.size(), CANCELLABLE)));
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < bought.lines(); i++) {
            if (bought.returnable.get(i) > 0) {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        Collections.shuffle(open, random);
        int size = Math.min(Math.min(1 + random.nextInt(MAX_CANCELLED_LINES), open.size()), linesLeft);
        Invoice invoice = new Invoice(number, true, bought.customer);
        for (int line : open.subList(0, size)) {
            Product product = bought.products.get(line);
            int quantity = 1 + random.nextInt(Math.min(bought.returnable.get(line), 6));
            // as SalesImport picks: the customer's latest earlier purchase whose first line of the SKU holds enough
            List<Invoice> sales = salesOf.get(bought.customer);
            boolean taken = false;
            for (int s = sales.size() - 1; s >= 0 && !taken; s--) {
                Invoice candidate = sales.get(s);
                for (int i = 0; i < candidate.lines(); i++) {
                    if (candidate.products.get(i).equals(product) && candidate.returnable.get(i) >= quantity) {
                        candidate.returnable.set(i, candidate.returnable.get(i) - quantity);
                        taken = true;
                        break;
                    }
                }
            }
            if (!taken) {
                throw new IllegalStateException("the generator lost track of " + product.sku());
            }
            invoice.products.add(product);
            invoice.quantities.add(-quantity);
            invoice.returnable.add(0);
        }
        return invoice;
    }

    /** @param number an invoice number as the CSV writes it @return the import batch it falls in, or -1 */
    int batchOf(String number) {
        Invoice invoice = byNumber.get(number);
        return invoice == null ? -1 : invoice.batch;
    }

    /** @return how many transactions the import of every line uses */
    int batches() {
        return invoices.isEmpty() ? 0 : invoices.get(invoices.size() - 1).batch + 1;
    }

    /** @param lineCount at least this many lines @return the rows of the first invoices holding that many */
    int linesOfFirstInvoices(int lineCount) {
        int sum = 0;
        for (Invoice invoice : invoices) {
            if (sum >= lineCount) {
                break;
            }
            sum += invoice.lines();
        }
        return sum;
    }

    /** @return the transactions the import of the first {@code lineCount} lines uses (an invoice boundary) */
    int batchesOfFirst(int lineCount) {
        int sum = 0;
        int batch = 0;
        for (Invoice invoice : invoices) {
            if (sum >= lineCount) {
                break;
            }
            sum += invoice.lines();
            batch = invoice.batch;
        }
        return batch + 1;
    }

    /** @return the CSV text read by crm-import-csv, every row typed */
    List<ImportRow> read() {
        List<ImportRow> rows = new ArrayList<>(lines);
        try (SalesCsvReader reader = SalesCsvReader.open(new StringReader(csv), FORMAT)) {
            reader.forEach(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** @return the distinct customer references the export names */
    Set<String> customerReferences() {
        Set<String> references = new HashSet<>();
        invoices.stream().filter(i -> i.customer != null).forEach(i -> references.add(i.customer.reference()));
        return references;
    }

    /** @return the distinct SKUs the export names */
    Set<String> skus() {
        Set<String> skus = new HashSet<>();
        invoices.forEach(i -> i.products.forEach(p -> skus.add(p.sku())));
        return skus;
    }

    /** @return how many invoices are cancellations */
    long cancellations() {
        return invoices.stream().filter(i -> i.cancellation).count();
    }

    /** @return how many lines are cancellations */
    long cancelledLines() {
        return invoices.stream().filter(i -> i.cancellation).mapToInt(Invoice::lines).sum();
    }

    /** @return how many invoices are anonymous sales */
    long anonymousInvoices() {
        return invoices.stream().filter(i -> i.customer == null).count();
    }

    /** @return the first invoice's time */
    Instant first() {
        return invoices.get(0).at;
    }

    /** @return the last invoice's time */
    Instant last() {
        return invoices.get(invoices.size() - 1).at;
    }
}
