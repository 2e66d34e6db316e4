package org.crmkit.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;
import org.crmkit.persistence.mybatis.testing.TestDatabase;

// Over 300 lines on purpose: a benchmark harness read top to bottom as one script (set up, measure, report), not
// part of the library; this session only changed how its statement benchmark reaches the store.
/**
 * crmkit's benchmarks on a MySQL-compatible server (the tests' embedded MariaDB, or the server at
 * {@code CRM_TEST_JDBC_URL}), printing a report to standard output and writing nothing but the database:
 *
 * <ol>
 *   <li><b>Import.</b> 100,000 retail-like sale lines ({@link RetailData}, fixed seed) go through
 *       {@code crm.sales().importSales} in transactions of 1,000 lines into a catalog and customer base created
 *       beforehand; then every row the import wrote is read back, the tables are emptied, and the same rows are
 *       inserted again with plain JDBC batches in as many transactions ({@link CapturedRows}). Both are timed, with
 *       Connector/J's {@code rewriteBatchedStatements} on and off.</li>
 *   <li><b>Cost breakdown.</b> The same import with a loyalty program that earns nothing (so the loyalty part shows
 *       as the difference), the SKU and customer lookups the import makes (in calls of up to 1,000, one
 *       transaction per batch), and reading the CSV.</li>
 *   <li><b>Statement.</b> The first page of the loyalty statement of a customer with 10 ledger entries and of one
 *       with 10,000, called alternately ({@link StatementBenchmark}).</li>
 * </ol>
 *
 * <p>A plain harness, not JMH: the import is a single-shot bulk operation measured in seconds, dominated by the
 * database's I/O and round trips, for which JMH's machinery (forks, blackholes, per-invocation statistics) adds
 * nothing while its single-shot mode would still need the same per-run table reset done here by hand. Each import is
 * warmed up by a 10,000-line import of its own and its JDBC twin, runs several times (interleaved with the other
 * variants, so that a load from outside hits them alike) and is reported by its median. The statement calls take
 * about a millisecond each; they are warmed up and timed call by call.
 *
 * <p>System properties: {@code crmkit.bench.runs} (default 3) timed runs of each import variant and rounds of
 * statements, {@code crmkit.bench.lines} (default 100,000) lines imported, {@code crmkit.bench.statementCalls}
 * (default 2,000) statements per customer and round, {@code crmkit.test.dbDir} where the embedded server keeps its
 * data (the module's {@code target/mariadb}).
 */
public final class Benchmarks {
    private static final long SEED = 20_250_601L;
    private static final String SOURCE = "bench-retail";
    private static final String WARMUP_SOURCE = "bench-warmup";
    private static final int SKUS = 3_000;
    private static final int CUSTOMERS = 4_000;
    private static final int BATCH = 1_000;
    private static final int WARMUP_LINES = 10_000;
    private static final int PAGE = 20;
    private static final double IMPORT_AIM = 1.25;
    private static final double STATEMENT_AIM = 1.15;
    private static final Actor ACTOR = Actor.system("crmkit-benchmarks");

    private final PrintStream out;
    private final int runs;
    private final int lineCount;
    private final int statementCalls;
    private final Clock clock = Clock.systemUTC();

    /**
     * One way of running the import.
     *
     * @param label   what it is, for the report
     * @param rewrite the driver's {@code rewriteBatchedStatements} on its connections
     * @param earning whether its loyalty program earns points
     * @param pool    its connections
     * @param crm     crmkit on them
     */
    private record Setup(String label, boolean rewrite, boolean earning, HikariDataSource pool, Crm crm) {
    }

    /**
     * One timed import and the timed plain-JDBC insert of the same rows.
     *
     * @param importNanos    the import's time
     * @param jdbcNanos      the plain JDBC insert's time
     * @param summary        what the import reported
     * @param rows           rows per table the import wrote
     * @param importCounters what the import added to the server's counters
     * @param jdbcCounters   what the plain JDBC insert added to them
     * @param identical      whether the tables after the JDBC insert hold exactly the rows the import wrote
     */
    private record ImportRun(long importNanos, long jdbcNanos, ImportSummary summary, Map<String, Integer> rows,
                             Map<String, Long> importCounters, Map<String, Long> jdbcCounters, boolean identical) {
        double ratio() {
            return (double) importNanos / jdbcNanos;
        }
    }

    private Benchmarks(PrintStream out, int runs, int lineCount, int statementCalls) {
        this.out = out;
        this.runs = runs;
        this.lineCount = lineCount;
        this.statementCalls = statementCalls;
    }

    /**
     * Runs every benchmark and prints the report.
     *
     * @param args ignored
     * @throws SQLException when the server fails
     */
    public static void main(String[] args) throws SQLException {
        // Hibernate Validator logs through JBoss Logging: to SLF4J, and only warnings (the server's start is chatty)
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.org.flywaydb") == null) {
            // the schema's migrations name their primary keys, which MariaDB ignores with a warning each
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            new Benchmarks(out, Integer.getInteger("crmkit.bench.runs", 3),
                    Integer.getInteger("crmkit.bench.lines", 100_000),
                    Integer.getInteger("crmkit.bench.statementCalls", 2_000)).run();
        } finally {
            // the embedded server's process watcher is no daemon thread: exec:java would wait for it forever
            TestDatabase.stop();
        }
    }

    private void run() throws SQLException {
        long started = System.nanoTime();
        progress("generating %,d sale lines (seed %d)", lineCount, SEED);
        RetailData data = RetailData.generate(SEED, lineCount, SKUS, CUSTOMERS, BATCH,
                clock.instant().minus(Duration.ofDays(1)));
        List<ImportRow> rows = data.read();
        long[] csvReads = new long[5];
        for (int i = 0; i < csvReads.length; i++) {
            long start = System.nanoTime();
            data.read();
            csvReads[i] = System.nanoTime() - start;
        }
        List<ImportRow> warmupRows = rows.subList(0, data.linesOfFirstInvoices(WARMUP_LINES));

        progress("starting the server");
        Server server = Server.start();
        server.database().emptyPersistence();
        try (HikariDataSource on = server.pool(true); HikariDataSource off = server.pool(false)) {
            LoyaltyProgram standard = LoyaltyProgram.standard();
            LoyaltyProgram earningNothing = LoyaltyProgram.builder().otherCurrencies(null).build();
            Setup withOn = new Setup("rewriteBatchedStatements=true", true, true, on, crm(on, standard, true));
            Setup withOff = new Setup("rewriteBatchedStatements=false", false, true, off,
                    crm(off, standard, false));
            Setup noEarning = new Setup("earning nothing, rewriteBatchedStatements=true", true, false, on,
                    crm(on, earningNothing, false));
            // the last one leaves the full import's rows in place for the statements
            List<Setup> setups = List.of(noEarning, withOff, withOn);

            progress("creating %,d products and %,d customers through the use cases", SKUS, CUSTOMERS);
            long createStart = System.nanoTime();
            List<ProductView> catalog = new ArrayList<>();
            for (RetailData.Product p : data.products) {
                catalog.add(withOn.crm().products().create(ACTOR, new CreateProductCommand(p.sku(), p.name(), null,
                        null, p.price(), RetailData.CURRENCY)));
            }
            for (RetailData.Customer c : data.customers) {
                withOn.crm().customers().register(ACTOR, RegisterCustomerCommand.imported("Retail",
                        "Customer " + c.reference(), "customer-" + c.reference() + "@bench.example.invalid",
                        c.reference()));
            }
            long createNanos = System.nanoTime() - createStart;

            for (Setup setup : setups) {
                progress("warming up: %,d lines, %s", warmupRows.size(), setup.label());
                measure(server, setup, warmupRows, WARMUP_SOURCE, data, data.batchesOfFirst(WARMUP_LINES));
            }
            lookups(withOn.crm(), data);

            Map<Setup, List<ImportRun>> results = new LinkedHashMap<>();
            setups.forEach(s -> results.put(s, new ArrayList<>()));
            List<Long> lookupNanos = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (Setup setup : setups) {
                    progress("run %d of %d: importing %,d lines, %s", run, runs, rows.size(), setup.label());
                    ImportRun result = measure(server, setup, rows, SOURCE, data, data.batches());
                    results.get(setup).add(result);
                    progress("  use case %s, plain JDBC %s, ratio %.2f", ms(result.importNanos()),
                            ms(result.jdbcNanos()), result.ratio());
                }
                lookupNanos.add(lookups(withOn.crm(), data));
            }

            // one more run of the full import, every JDBC call timed: where the time goes (it also leaves the
            // full import's rows in place for the statements)
            progress("an instrumented run: importing %,d lines, every JDBC call timed", rows.size());
            TimedDataSource timed = new TimedDataSource(on);
            Setup instrumented = new Setup("instrumented", true, true, on, crm(timed, standard, false));
            measure(server, instrumented, warmupRows, WARMUP_SOURCE, data, data.batchesOfFirst(WARMUP_LINES));
            timed.reset();
            ImportRun instrumentedRun = measure(server, instrumented, rows, SOURCE, data, data.batches());
            List<TimedDataSource.Kind> kinds = timed.kinds();

            progress("building the ledgers of the statement benchmark");
            StatementBenchmark statements = new StatementBenchmark(withOn.crm(),
                    MyBatisCrmPersistence.builder(withOn.pool()).migrate(false).build(), ACTOR, standard, clock, catalog);
            Random random = new Random(SEED);
            long smallStart = System.nanoTime();
            CustomerId small = statements.customerWithLedger("LEDGER-10", 10, random);
            long smallNanos = System.nanoTime() - smallStart;
            long bigStart = System.nanoTime();
            CustomerId big = statements.customerWithLedger("LEDGER-10000", 10_000, random);
            long bigNanos = System.nanoTime() - bigStart;
            progress("timing statements");
            statements.time(small, big, PAGE, Math.max(200, statementCalls / 2));
            List<long[][]> rounds = new ArrayList<>();
            for (int round = 0; round < runs; round++) {
                rounds.add(statements.time(small, big, PAGE, statementCalls));
            }
            long[][] tenPerPage = statements.time(small, big, 10, statementCalls);

            report(server, data, csvReads, createNanos, results, withOn, withOff, noEarning, lookupNanos);
            reportInstrumented(instrumentedRun, kinds);
            reportStatements(statements, small, big, smallNanos, bigNanos, rounds, tenPerPage);
            summary(results, withOn, withOff, rounds);
            out.printf(Locale.ROOT, "%nThe benchmarks took %s.%n", Duration.ofNanos(System.nanoTime() - started)
                    .toSeconds() + " s");
        }
    }

    private Crm crm(DataSource dataSource, LoyaltyProgram program, boolean migrate) {
        return Crm.builder().clock(clock).loyaltyProgram(program)
                .persistence(MyBatisCrmPersistence.builder(dataSource).migrate(migrate).build()).build();
    }

    /** Empties the import's tables, imports, reads the rows back, empties again and inserts them with JDBC. */
    private ImportRun measure(Server server, Setup setup, List<ImportRow> rows, String source, RetailData data,
                              int batches) throws SQLException {
        try (Connection c = setup.pool().getConnection()) {
            if (Server.rewrites(c) != setup.rewrite()) {
                throw new IllegalStateException("the driver's rewriteBatchedStatements is not " + setup.rewrite());
            }
        }
        try (Connection admin = server.admin()) {
            CapturedRows.truncate(admin);
        }
        List<Instant> batchEnds = new ArrayList<>();
        SalesImportOptions options = SalesImportOptions.strict(source, RetailData.CURRENCY)
                .withChannel(SalesChannel.STORE).withBatchSize(BATCH);
        System.gc();
        Map<String, Long> before = server.counters();
        long start = System.nanoTime();
        ImportSummary summary = setup.crm().sales().importSales(ACTOR, options, rows,
                (read, imported, rejected) -> batchEnds.add(clock.instant()));
        long importNanos = System.nanoTime() - start;
        Map<String, Long> importCounters = Server.difference(before, server.counters());
        if (summary.linesRejected() > 0 || summary.linesImported() != rows.size()) {
            throw new IllegalStateException("the import did not import every line: " + summary.linesImported()
                    + " imported, " + summary.linesRejected() + " rejected, first: " + summary.rejected().stream()
                    .limit(5).map(Object::toString).collect(Collectors.joining("; ")));
        }
        if (batchEnds.size() != batches) {
            throw new IllegalStateException("the import used " + batchEnds.size() + " transactions, not " + batches);
        }
        CapturedRows captured;
        try (Connection admin = server.admin()) {
            captured = CapturedRows.capture(admin, source, data::batchOf, batchEnds);
            CapturedRows.truncate(admin);
        }
        System.gc();
        before = server.counters();
        long jdbcNanos = captured.insertWithJdbc(setup.pool());
        Map<String, Long> jdbcCounters = Server.difference(before, server.counters());
        boolean identical;
        try (Connection admin = server.admin()) {
            identical = captured.storedIn(admin);
        }
        if (!identical) {
            throw new IllegalStateException("the rows inserted with JDBC differ from the import's");
        }
        return new ImportRun(importNanos, jdbcNanos, summary, captured.rowCounts(), importCounters, jdbcCounters,
                identical);
    }

    /**
     * @return the nanoseconds of looking up every SKU and customer reference as the import does: the new ones of a
     *         batch in one transaction, with calls of up to 1,000 each (here: 1,000 of each per transaction)
     */
    private long lookups(Crm crm, RetailData data) {
        List<String> skus = List.copyOf(data.skus());
        List<String> references = List.copyOf(data.customerReferences());
        long start = System.nanoTime();
        for (int from = 0; from < Math.max(skus.size(), references.size()); from += BATCH) {
            List<String> someSkus = skus.subList(Math.min(from, skus.size()), Math.min(from + BATCH, skus.size()));
            List<String> someReferences = references.subList(Math.min(from, references.size()),
                    Math.min(from + BATCH, references.size()));
            if (!someSkus.isEmpty() && crm.products().findBySkus(ACTOR, someSkus).size() != someSkus.size()) {
                throw new IllegalStateException("a SKU was not found");
            }
            if (!someReferences.isEmpty() && crm.customers().findByExternalReferences(ACTOR, someReferences).size()
                    != someReferences.size()) {
                throw new IllegalStateException("a customer reference was not found");
            }
        }
        return System.nanoTime() - start;
    }

    private void report(Server server, RetailData data, long[] csvReads, long createNanos,
                        Map<Setup, List<ImportRun>> results, Setup withOn, Setup withOff, Setup noEarning,
                        List<Long> lookupNanos) {
        long customerPurchases = data.invoices.stream().filter(i -> !i.cancellation && i.customer != null).count();
        long purchases = data.invoices.stream().filter(i -> !i.cancellation).count();
        out.println();
        out.println("==================================================================================================");
        out.println("crmkit benchmarks");
        out.println("==================================================================================================");
        out.printf(Locale.ROOT, "JVM       %s %s, %d processors, max heap %,d MB%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.printf(Locale.ROOT, "OS        %s %s (%s)%n", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "server    %s, version %s; Connector/J %s; HikariCP pool of 4 connections per"
                + " setting%n", server.database().description(), server.version(), com.mysql.cj.Constants.CJ_VERSION);
        out.printf(Locale.ROOT, "driver    the tests' URL, rewriteBatchedStatements as stated%s%n",
                System.getProperty("crmkit.bench.driverOptions", "").isBlank() ? ", no other settings"
                        : ", and " + System.getProperty("crmkit.bench.driverOptions").strip());
        out.printf(Locale.ROOT, "data      %,d sale lines in %,d invoices: %,d sales (%,d anonymous), %,d cancellations"
                        + " (%,d lines, %.1f%%);%n          %,d SKUs, %,d customers (%,d of them buy), %s to %s%n",
                data.lines, data.invoices.size(), purchases, data.anonymousInvoices(), data.cancellations(),
                data.cancelledLines(), 100.0 * data.cancelledLines() / data.lines, data.products.size(),
                data.customers.size(), data.customerReferences().size(), data.first(), data.last());
        out.printf(Locale.ROOT, "import    batchSize %,d: %d transactions; catalog and customers created beforehand"
                + " through the use cases (%s)%n", BATCH, data.batches(), ms(createNanos));
        out.printf(Locale.ROOT, "runs      %d timed runs per variant, interleaved, after a %,d-line warm-up each;"
                + " medians reported%n", runs, WARMUP_LINES);

        out.println();
        out.println("A. Import of the sale lines: the use case against plain JDBC batches of the same rows"
                + " (ratio: use case / plain JDBC)");
        for (Setup setup : List.of(withOn, withOff, noEarning)) {
            List<ImportRun> runsOf = results.get(setup);
            out.printf(Locale.ROOT, "%n   %s%s%n", setup.label(), setup.earning() ? "" : " (part B)");
            for (int i = 0; i < runsOf.size(); i++) {
                ImportRun r = runsOf.get(i);
                out.printf(Locale.ROOT, "     run %d   use case %10s   plain JDBC %10s   ratio %5.2f%n", i + 1,
                        ms(r.importNanos()), ms(r.jdbcNanos()), r.ratio());
            }
            long importMedian = median(runsOf.stream().mapToLong(ImportRun::importNanos).toArray());
            long jdbcMedian = median(runsOf.stream().mapToLong(ImportRun::jdbcNanos).toArray());
            double ratio = (double) importMedian / jdbcMedian;
            out.printf(Locale.ROOT, "     medians use case %10s   plain JDBC %10s   ratio %5.2f%s%n", ms(importMedian),
                    ms(jdbcMedian), ratio, setup.earning() ? "   (aim <= " + IMPORT_AIM + ": "
                            + (ratio <= IMPORT_AIM ? "met" : "NOT met") + ")" : "");
        }
        ImportRun last = last(results.get(withOn));
        ImportRun lastNone = last(results.get(noEarning));
        out.printf(Locale.ROOT, "%n   summary of the import: read %,d, imported %,d, rejected %,d, purchases %,d, returns"
                        + " %,d; the tables after the JDBC insert hold exactly the import's rows: %s%n", last.summary().linesRead(),
                last.summary().linesImported(), last.summary().linesRejected(), last.summary().purchases(),
                last.summary().returns(), results.values().stream().flatMap(List::stream)
                        .allMatch(ImportRun::identical) ? "yes, every run" : "NO");
        out.printf(Locale.ROOT, "%n   %-26s %12s %14s%n", "rows written per table", "full import", "earning nothing");
        for (Map.Entry<String, Integer> e : last.rows().entrySet()) {
            out.printf(Locale.ROOT, "   %-26s %,12d %,14d%n", e.getKey(), e.getValue(),
                    lastNone.rows().getOrDefault(e.getKey(), 0));
        }
        out.printf(Locale.ROOT, "   %-26s %,12d %,14d%n", "all", last.rows().values().stream().mapToLong(i -> i).sum(),
                lastNone.rows().values().stream().mapToLong(i -> i).sum());

        out.printf(Locale.ROOT, "%n   server counters (last run)     %-23s %-23s %-23s%n", "rewrite on",
                "rewrite off", "earning nothing");
        out.printf(Locale.ROOT, "   %-30s %11s %11s %11s %11s %11s %11s%n", "", "use case", "JDBC", "use case",
                "JDBC", "use case", "JDBC");
        ImportRun lastOff = last(results.get(withOff));
        for (String counter : Server.COUNTERS) {
            out.printf(Locale.ROOT, "   %-30s %,11d %,11d %,11d %,11d %,11d %,11d%n", counter,
                    last.importCounters().get(counter), last.jdbcCounters().get(counter),
                    lastOff.importCounters().get(counter), lastOff.jdbcCounters().get(counter),
                    lastNone.importCounters().get(counter), lastNone.jdbcCounters().get(counter));
        }

        long full = median(results.get(withOn).stream().mapToLong(ImportRun::importNanos).toArray());
        long none = median(results.get(noEarning).stream().mapToLong(ImportRun::importNanos).toArray());
        long jdbcFull = median(results.get(withOn).stream().mapToLong(ImportRun::jdbcNanos).toArray());
        long lookups = median(lookupNanos.stream().mapToLong(Long::longValue).toArray());
        long returns = last.summary().returns();
        long loyaltyStatements = last.importCounters().get("Questions") - lastNone.importCounters().get("Questions");
        out.println();
        out.println("B. Where the import's time goes (medians, rewriteBatchedStatements=true)");
        out.printf(Locale.ROOT, "   full import (standard program)                               %10s  100%%%n",
                ms(full));
        out.printf(Locale.ROOT, "   - loyalty: earnings of %,d purchases, %,d claw-backs           %10s  %3.0f%%"
                        + "   (%,d statements, %.1f per earning or claw-back)%n", customerPurchases, returns,
                ms(full - none), 100.0 * (full - none) / full, loyaltyStatements,
                (double) loyaltyStatements / (customerPurchases + returns));
        out.printf(Locale.ROOT, "   - lookups: %,d SKUs and %,d customer references, by the 1,000   %10s  %3.0f%%%n",
                data.skus().size(), data.customerReferences().size(), ms(lookups), 100.0 * lookups / full);
        out.printf(Locale.ROOT, "   - the rest: %,d purchases and %,d returns stored, audited, checked %10s  %3.0f%%%n",
                purchases, returns, ms(none - lookups), 100.0 * (none - lookups) / full);
        out.printf(Locale.ROOT, "     of which inserting the same rows with plain JDBC would take     %10s%n",
                ms(median(results.get(noEarning).stream().mapToLong(ImportRun::jdbcNanos).toArray())));
        out.printf(Locale.ROOT, "   plain JDBC insert of every row of the full import                %10s  %3.0f%%%n",
                ms(jdbcFull), 100.0 * jdbcFull / full);
        out.printf(Locale.ROOT, "   not in the times above: reading the CSV text into typed lines (crm-import-csv),"
                + " median of %d: %s%n", csvReads.length, ms(median(csvReads)));
    }

    private void reportInstrumented(ImportRun run, List<TimedDataSource.Kind> kinds) {
        long inDriver = kinds.stream().mapToLong(TimedDataSource.Kind::nanos).sum();
        long calls = kinds.stream().mapToLong(TimedDataSource.Kind::calls).sum();
        out.printf(Locale.ROOT, "%n   One more run of the full import (rewrite on) with every JDBC call timed (not one of"
                + " the timed runs:%n   the proxies add their own cost): %s in all, of which %s (%.0f%%) in %,d calls"
                + " into the driver%n   (round trip and server work) and %s (%.0f%%) in the JVM (crmkit, MyBatis,"
                + " the driver's encoding).%n", ms(run.importNanos()), ms(inDriver), 100.0 * inDriver
                / run.importNanos(), calls, ms(run.importNanos() - inDriver), 100.0 * (run.importNanos() - inDriver)
                / run.importNanos());
        out.printf(Locale.ROOT, "   %-44s %9s %9s %9s %6s%n", "calls into the driver, by statement", "calls", "ms",
                "µs/call", "share");
        for (TimedDataSource.Kind k : kinds.subList(0, Math.min(18, kinds.size()))) {
            out.printf(Locale.ROOT, "   %-44s %,9d %,9d %,9d %5.1f%%%n", k.kind(), k.calls(),
                    Math.round(k.nanos() / 1e6), Math.round(k.nanos() / 1e3 / k.calls()),
                    100.0 * k.nanos() / run.importNanos());
        }
        if (kinds.size() > 18) {
            long restCalls = kinds.subList(18, kinds.size()).stream().mapToLong(TimedDataSource.Kind::calls).sum();
            long restNanos = kinds.subList(18, kinds.size()).stream().mapToLong(TimedDataSource.Kind::nanos).sum();
            out.printf(Locale.ROOT, "   %-44s %,9d %,9d %9s %5.1f%%%n", "(others)", restCalls,
                    Math.round(restNanos / 1e6), "", 100.0 * restNanos / run.importNanos());
        }
        Map<String, long[]> areas = new LinkedHashMap<>();
        for (String area : List.of(LOYALTY, RETURNS, AUDIT, PURCHASES, LOOKUPS, TRANSACTIONS, OTHER)) {
            areas.put(area, new long[2]);
        }
        for (TimedDataSource.Kind k : kinds) {
            long[] sum = areas.get(area(k.kind()));
            sum[0] += k.calls();
            sum[1] += k.nanos();
        }
        out.printf(Locale.ROOT, "%n   %-66s %9s %9s %6s%n", "the same calls by what they are for", "calls", "ms",
                "share");
        areas.entrySet().stream().filter(e -> e.getValue()[0] > 0).forEach(e -> out.printf(Locale.ROOT,
                "   %-66s %,9d %,9d %5.1f%%%n", e.getKey(), e.getValue()[0], Math.round(e.getValue()[1] / 1e6),
                100.0 * e.getValue()[1] / run.importNanos()));
        out.printf(Locale.ROOT, "   %-66s %9s %,9d %5.1f%%%n", "in the JVM, between the calls", "",
                Math.round((run.importNanos() - inDriver) / 1e6), 100.0 * (run.importNanos() - inDriver)
                        / run.importNanos());
    }

    private static final String LOYALTY = "loyalty: crm_loyalty_* reads and writes";
    private static final String RETURNS = "cancellations: find the purchase, store the return (crm_purchase*)";
    private static final String AUDIT = "audit: multi-row INSERTs of a batch's entries";
    private static final String PURCHASES = "purchases and their lines: multi-row INSERTs";
    private static final String LOOKUPS = "lookups: SKUs and customer references (crm_product, crm_customer)";
    private static final String TRANSACTIONS = "transactions: borrow, SET autocommit, COMMIT";
    private static final String OTHER = "other";

    /** @return what a kind of statement is for, in the import */
    private static String area(String kind) {
        if (kind.contains("crm_loyalty_")) {
            return LOYALTY;
        }
        if (kind.equals("INSERT crm_purchase") || kind.equals("INSERT crm_purchase_line")) {
            return PURCHASES;
        }
        if (kind.contains("crm_purchase")) {
            return RETURNS;
        }
        if (kind.contains("crm_audit_entry")) {
            return AUDIT;
        }
        if (kind.contains("crm_product") || kind.contains("crm_customer")) {
            return LOOKUPS;
        }
        if (kind.equals("SET autocommit") || kind.equals("COMMIT") || kind.equals("ROLLBACK")
                || kind.startsWith("borrow")) {
            return TRANSACTIONS;
        }
        return OTHER;
    }

    private void reportStatements(StatementBenchmark statements, CustomerId small, CustomerId big, long smallNanos,
                                  long bigNanos, List<long[][]> rounds, long[][] tenPerPage) {
        LoyaltyStatement s = statements.statement(small, PAGE);
        LoyaltyStatement b = statements.statement(big, PAGE);
        out.println();
        out.printf(Locale.ROOT, "C. Loyalty statement, first page of %d, %,d calls per customer and round, the two"
                + " customers alternating%n", PAGE, statementCalls);
        out.printf(Locale.ROOT, "   ledgers built through the loyalty port: 10 entries in %s, 10,000 entries in %s"
                + " (earnings of 1 to 3 lines, each with its lot)%n", ms(smallNanos), ms(bigNanos));
        out.printf(Locale.ROOT, "   the page holds %d entries of %d (small ledger) and %d of 10,000 (large, more to"
                + " come: %s)%n", s.entries().items().size(), 10, b.entries().items().size(), b.entries().hasNext());
        out.printf(Locale.ROOT, "   %-8s %24s %24s %8s%n", "round", "10 entries: mean/median", "10,000: mean/median",
                "ratio");
        for (int i = 0; i < rounds.size(); i++) {
            long[][] r = rounds.get(i);
            out.printf(Locale.ROOT, "   %-8d %11s / %7s µs %11s / %7s µs %8.2f%n", i + 1, us(mean(r[0])),
                    us(median(r[0])), us(mean(r[1])), us(median(r[1])), (double) median(r[1]) / median(r[0]));
        }
        long[] allSmall = rounds.stream().flatMapToLong(r -> Arrays.stream(r[0])).toArray();
        long[] allBig = rounds.stream().flatMapToLong(r -> Arrays.stream(r[1])).toArray();
        double ratio = (double) median(allBig) / median(allSmall);
        out.printf(Locale.ROOT, "   %-8s %11s / %7s µs %11s / %7s µs %8.2f   (aim <= %s: %s; ratio of means %.2f)%n",
                "all", us(mean(allSmall)), us(median(allSmall)), us(mean(allBig)), us(median(allBig)), ratio,
                STATEMENT_AIM, ratio <= STATEMENT_AIM ? "met" : "NOT met", (double) mean(allBig) / mean(allSmall));
        out.printf(Locale.ROOT, "   %-8s %11s / %7s µs %11s / %7s µs %8.2f   (pages of 10: both pages full)%n",
                "page 10", us(mean(tenPerPage[0])), us(median(tenPerPage[0])), us(mean(tenPerPage[1])),
                us(median(tenPerPage[1])), (double) median(tenPerPage[1]) / median(tenPerPage[0]));
    }

    private void summary(Map<Setup, List<ImportRun>> results, Setup withOn, Setup withOff, List<long[][]> rounds) {
        out.println();
        out.println("Against the aims");
        for (Setup setup : List.of(withOn, withOff)) {
            List<ImportRun> r = results.get(setup);
            double ratio = (double) median(r.stream().mapToLong(ImportRun::importNanos).toArray())
                    / median(r.stream().mapToLong(ImportRun::jdbcNanos).toArray());
            out.printf(Locale.ROOT, "   import, %-31s use case / plain JDBC = %5.2f  (aim <= %.2f: %s)%n",
                    setup.label() + ":", ratio, IMPORT_AIM, ratio <= IMPORT_AIM ? "met" : "NOT met");
        }
        long[] allSmall = rounds.stream().flatMapToLong(r -> Arrays.stream(r[0])).toArray();
        long[] allBig = rounds.stream().flatMapToLong(r -> Arrays.stream(r[1])).toArray();
        double ratio = (double) median(allBig) / median(allSmall);
        out.printf(Locale.ROOT, "   statement, 10,000 entries / 10 entries (medians) = %5.2f  (aim <= %.2f: %s)%n",
                ratio, STATEMENT_AIM, ratio <= STATEMENT_AIM ? "met" : "NOT met");
    }

    private void progress(String format, Object... args) {
        out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    private static ImportRun last(List<ImportRun> runs) {
        return runs.get(runs.size() - 1);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static long mean(long[] values) {
        return (long) Arrays.stream(values).average().orElse(0);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,d ms", Math.round(nanos / 1e6));
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%,d", Math.round(nanos / 1e3));
    }
}
