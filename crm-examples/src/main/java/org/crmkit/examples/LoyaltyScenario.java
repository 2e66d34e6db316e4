package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Promotion;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Role;
import org.crmkit.csv.SalesCsvFormat;
import org.crmkit.csv.SalesCsvReader;

// Over 300 lines on purpose: an example a host developer reads top to bottom as one story (program, enrolment,
// earning, redemption, refusals, statement), printing each step; splitting it would scatter the story.
/**
 * The loyalty scenario a host runs after the {@link SalesScenario}, printing a readable transcript: the CRM manager
 * reads what the sales scenario's purchases earned their buyer, line by line with the rules behind each line's
 * points; at the till the sales manager redeems some of them under an idempotency key, retries (the same entry comes
 * back) and is refused more points than the balance holds; the customer brings back the fountain pen and its points
 * are clawed back; the statement shows the tier and the way to the next one, and the CRM manager adjusts the balance
 * with a reason. Then the sales manager imports a small retail CSV export (with a cancellation and a line that cannot
 * be read) and imports the same file again, which imports nothing twice.
 *
 * <p>The host builds its {@code Crm} with {@link #program(Clock)}: its time-boxed promotion doubles the points of the
 * sales scenario's later purchases but not of its first one, so the explanations have something to say. Idempotency
 * keys, and the CSV's invoice numbers, SKUs and customer references carry the run's token, so the scenario can run
 * again and again against one database; the customers the import creates are placeholders (no personal data).
 */
public final class LoyaltyScenario {
    /** The name of the promotion of {@link #program(Clock)}, as explanations show it. */
    public static final String PROMOTION = "Double points week";
    /** The system the CSV export's invoice numbers belong to. */
    public static final String CSV_SOURCE = "retail-csv";
    /** Lines per transaction of the import: small, so that the progress callback reports more than once. */
    public static final int IMPORT_BATCH = 3;
    private static final long REDEEMED = 50;
    private static final long TOO_MANY = 500;
    private static final long GOODWILL = 25;
    private static final int PAGE_SIZE = 10;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT)
            .withZone(LONDON);
    private static final DateTimeFormatter OTHER_EXPORT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(LONDON);

    /**
     * A retail export ({@link SalesCsvFormat#retail()}): {@code {RUN}} becomes the run's token, {@code {DAYn}} a time
     * n days before the run. Customer A buys three products (one the catalog lacks) and cancels one notebook later,
     * customer B buys twice, one sale is anonymous; line 7 holds a date as another export writes it.
     */
    private static final String CSV = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            581001-{RUN},NB-{RUN}-A5,DOTTED NOTEBOOK A5,3,{DAY6},12.50,17850-{RUN},United Kingdom
            581001-{RUN},PEN-{RUN}-FP,"FOUNTAIN PEN, FINE NIB",1,{DAY6},89.00,17850-{RUN},United Kingdom
            581001-{RUN},INK-{RUN}-BK,INK CARTRIDGES BLACK PACK OF 6,2,{DAY6},4.20,17850-{RUN},United Kingdom
            581002-{RUN},NB-{RUN}-A4,SQUARED NOTEBOOK A4,2,{DAY5},15.00,12583-{RUN},Germany
            581003-{RUN},NB-{RUN}-A5,DOTTED NOTEBOOK A5,1,{DAY5},12.50,,United Kingdom
            581004-{RUN},NB-{RUN}-A4,SQUARED NOTEBOOK A4,1,{OTHER_DAY5},15.00,12583-{RUN},Germany
            C581005-{RUN},NB-{RUN}-A5,DOTTED NOTEBOOK A5,-1,{DAY4},12.50,17850-{RUN},United Kingdom
            581006-{RUN},INK-{RUN}-BK,INK CARTRIDGES BLACK PACK OF 6,1,{DAY4},4.20,12583-{RUN},Germany
            """;

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param crm   the configured crmkit instance the host embeds, built with {@link #program(Clock)}
     * @param clock the clock {@code crm} was built with (the CSV's dates come from it)
     * @param out   where the transcript goes
     */
    public LoyaltyScenario(Crm crm, Clock clock, PrintStream out) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * The example host's loyalty program: the defaults of {@link LoyaltyProgram#standard()} (1 point per whole unit
     * of any currency, tiers BRONZE, SILVER and GOLD over 12 months) and the promotion {@value #PROMOTION}, which
     * doubles the points of every purchase made from the start of the day two days before {@code clock}'s day for a
     * week: the {@link SalesScenario}'s purchase of three days ago earns single points, the later ones double.
     *
     * @param clock the clock the host builds {@code Crm} with
     * @return the program to hand to {@code Crm.builder().loyaltyProgram(...)}
     */
    public static LoyaltyProgram program(Clock clock) {
        Instant from = promotionStart(clock);
        return LoyaltyProgram.builder()
                .promotion(Promotion.multiplier(PROMOTION, from, from.plus(Duration.ofDays(7)), new BigDecimal("2")))
                .build();
    }

    private static Instant promotionStart(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken a short token, unique per run, made of letters and digits; it becomes part of every
     *                 idempotency key, invoice number, SKU and customer reference
     * @param staff    the staff scenario's result of the same run: its CRM manager and sales manager act here
     * @param sales    the sales scenario's result of the same run: its buyer's points, its catalog and its first
     *                 purchase (whose fountain pen comes back)
     * @return what the host saw at each step
     * @throws CrmException when a step other than the deliberate refusal fails
     */
    public Result run(String runToken, StaffScenario.Result staff, SalesScenario.Result sales) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(sales, "sales");
        Actor crmManager = staff.crmManager();
        Actor salesManager = staff.member(Role.SALES_MANAGER).actor();
        Loyalty loyalty = crm.loyalty();
        String run = runToken.toUpperCase(Locale.ROOT);
        CustomerView buyer = sales.customer();
        CustomerId buyerId = buyer.id();
        Map<String, String> orders = new HashMap<>();
        for (PurchaseView p : List.of(sales.first(), sales.second(), sales.webPurchase())) {
            orders.put(p.id().toString(), p.source() + "/" + p.externalReference());
        }
        Map<ProductId, String> skus = new HashMap<>();
        sales.products().forEach(p -> skus.put(p.id(), p.sku()));

        // ---- the program and what the sales scenario earned -------------------------------------------------------
        Instant from = promotionStart(clock);
        section("The host's loyalty program (LoyaltyScenario.program): 1 point per whole unit of any currency");
        line("promotion \"%s\": points x2 on purchases made from %s until %s, in every category", PROMOTION, from,
                from.plus(Duration.ofDays(7)));
        for (Tier tier : program(clock).tiers()) {
            line("tier %-6s from %5d points earned in 12 months, earnings x%s", tier.name(), tier.threshold(),
                    tier.multiplier().toPlainString());
        }

        section("The CRM manager reads " + buyer.firstName() + " " + buyer.lastName() + "'s statement (" + buyerId
                + "): what the sales scenario's purchases earned, line by line, and the return's claw-back");
        LoyaltyStatement earned = statement(crmManager, buyerId);
        printAccount(earned);
        printEntries(crmManager, earned, orders, skus, true);

        // ---- redeeming --------------------------------------------------------------------------------------------
        RedeemPointsCommand redeem = new RedeemPointsCommand(buyerId, REDEEMED, "till-" + runToken + "-0001",
                "paid part of a notebook");
        section("At the till the customer pays with " + REDEEMED + " points: the sales manager redeems them under"
                + " the till's idempotency key " + redeem.idempotencyKey());
        LedgerEntryView redemption = loyalty.redeem(salesManager, redeem);
        line("redeemed: entry %s  points=%+d balance=%d key=%s note=\"%s\"", redemption.id(), redemption.points(),
                redemption.balanceAfter(), redemption.reference(), redemption.description());

        section("The till retries the redemption with the same key (a lost answer)");
        LedgerEntryView retried = loyalty.redeem(salesManager, redeem);
        long balanceAfterRetry = statement(crmManager, buyerId).account().balance();
        line("answered entry %s  points=%+d  same entry as before: %s  balance still %d", retried.id(),
                retried.points(), retried.equals(redemption), balanceAfterRetry);

        section("The customer would like to pay " + TOO_MANY + " points more");
        BusinessRuleViolationException refusal = redeemTooMuch(salesManager,
                new RedeemPointsCommand(buyerId, TOO_MANY, "till-" + runToken + "-0002"));
        line("refused: code=%s details=%s", refusal.code(), new TreeMap<>(refusal.details()));
        line("message: %s", refusal.getMessage());

        // ---- a return claws points back ---------------------------------------------------------------------------
        PurchaseView first = sales.afterReturn();
        int penLine = first.lines().stream().filter(l -> l.product().equals(sales.products().get(0).id()))
                .findFirst().orElseThrow().number();
        section("The customer brings back the fountain pen of " + first.externalReference()
                + ": the points its line earned are clawed back");
        PurchaseView afterPenReturn = crm.sales().recordReturn(salesManager, new RecordReturnCommand(first.id(),
                List.of(new RecordReturnCommand.Line(penLine, 1)), first.version()));
        PurchaseReturn penReturn = afterPenReturn.returns().get(afterPenReturn.returns().size() - 1);
        line("return %s  refund=%s", penReturn.id(), penReturn.refund());
        LoyaltyStatement afterReturn = statement(crmManager, buyerId);
        LedgerEntryView clawback = afterReturn.entries().items().stream()
                .filter(e -> e.kind() == EntryKind.CLAWBACK && e.reference().equals(penReturn.id().toString()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the return clawed nothing back"));
        line("%s %+d points (earned %+d, shortfall %+d) balance=%d  \"%s\"", clawback.kind(), clawback.points(),
                clawback.earned(), clawback.shortfallChange(), clawback.balanceAfter(), clawback.description());

        section("Tier and progress to the next tier, from the statement after the return");
        printAccount(afterReturn);
        line("tier %s: %d points earned in the 12-month window (net of claw-backs), evaluated %s",
                afterReturn.account().tier(), afterReturn.account().earnedInWindow(),
                afterReturn.account().tierEvaluatedAt());
        line("%s", afterReturn.nextTier() == null ? "the top tier: there is no next one"
                : "next tier " + afterReturn.nextTier() + ": " + afterReturn.pointsToNextTier() + " points to go");

        // ---- a manual adjustment ----------------------------------------------------------------------------------
        section("The CRM manager (" + crmManager.describe() + ") adds " + GOODWILL + " points, with a reason");
        LedgerEntryView adjustment = loyalty.adjust(crmManager, new AdjustPointsCommand(buyerId, GOODWILL,
                "goodwill: the pen came back in a damaged box"));
        line("adjusted: entry %s  points=%+d balance=%d reason=\"%s\"", adjustment.id(), adjustment.points(),
                adjustment.balanceAfter(), adjustment.description());

        section("The whole ledger of " + buyerId + ", newest first");
        LoyaltyStatement statement = statement(crmManager, buyerId);
        printAccount(statement);
        printEntries(crmManager, statement, orders, skus, false);

        // ---- the person's own data ---------------------------------------------------------------------------------
        section("The customer asks for their data (GDPR access): the export holds their purchases and ledger too");
        PersonalDataExport export = crm.customers().exportPersonalData(Actor.customer(buyerId), buyerId);
        export.sections().forEach(s -> line("section %-16s %d record(s)", s.name(), s.records().size()));

        // ---- a CSV import -----------------------------------------------------------------------------------------
        String csv = csv(run, clock.instant());
        Actor productManager = staff.member(Role.PRODUCT_MANAGER).actor();
        section("The product manager adds the ink the export sells (an import creates products only for a caller "
                + "who may manage the catalog)");
        ProductView ink = crm.products().create(productManager, CreateProductCommand.builder().sku("INK-" + run + "-BK")
                .name("Ink cartridges, black, pack of 6").listPrice(new BigDecimal("4.20")).currency("EUR").build());
        line("created %s  %s  listPrice=%s", ink.id(), ink.sku(), ink.listPrice());
        SalesImportOptions options = SalesImportOptions.strict(CSV_SOURCE, "EUR").creatingUnknownCustomers()
                .withBatchSize(IMPORT_BATCH);
        section("The sales manager imports a retail CSV export (source " + CSV_SOURCE + ", EUR, " + IMPORT_BATCH
                + " lines per transaction, creating unknown customers)");
        csv.lines().forEach(l -> out.println("   | " + l));
        List<Progress> firstProgress = new ArrayList<>();
        ImportSummary firstImport = importCsv(salesManager, options, csv, firstProgress);
        printSummary(firstImport);

        String reference = "17850-" + run;
        CustomerView imported = crm.customers().findByExternalReference(crmManager, reference)
                .orElseThrow(() -> new IllegalStateException("the import created no customer " + reference));
        section("What the import earned customer " + reference + " (" + imported.id() + ", source "
                + imported.source() + "): the purchase, and the cancellation's claw-back");
        LoyaltyStatement importedStatement = statement(crmManager, imported.id());
        crm.sales().history(crmManager, new PurchaseHistoryQuery(imported.id(), PageRequest.first(PAGE_SIZE)))
                .items().forEach(p -> orders.put(p.id().toString(), p.source() + "/" + p.externalReference()));
        printAccount(importedStatement);
        printEntries(crmManager, importedStatement, orders, skus, true);

        section("The same file again (a re-run of the nightly job): nothing is imported twice");
        List<Progress> secondProgress = new ArrayList<>();
        ImportSummary secondImport = importCsv(salesManager, options, csv, secondProgress);
        printSummary(secondImport);
        LoyaltyStatement importedAfterRerun = statement(crmManager, imported.id());
        line("customer %s: balance still %d, %d ledger entries", reference, importedAfterRerun.account().balance(),
                importedAfterRerun.entries().items().size());
        out.flush();
        return new Result(buyer, earned, redemption, retried, balanceAfterRetry, refusal, penReturn, clawback,
                afterReturn, adjustment, statement, csv, List.copyOf(firstProgress), firstImport, imported,
                importedStatement, List.copyOf(secondProgress), secondImport, importedAfterRerun, export);
    }

    /** @return the CSV text of this run: its token in invoice numbers, SKUs and customer references */
    private static String csv(String run, Instant now) {
        return CSV.replace("{RUN}", run)
                .replace("{DAY6}", CSV_TIME.format(now.minus(Duration.ofDays(6))))
                .replace("{DAY5}", CSV_TIME.format(now.minus(Duration.ofDays(5))))
                .replace("{DAY4}", CSV_TIME.format(now.minus(Duration.ofDays(4))))
                .replace("{OTHER_DAY5}", OTHER_EXPORT_TIME.format(now.minus(Duration.ofDays(5))));
    }

    private ImportSummary importCsv(Actor actor, SalesImportOptions options, String csv, List<Progress> reports) {
        try (SalesCsvReader rows = SalesCsvReader.open(new StringReader(csv), SalesCsvFormat.retail())) {
            return crm.sales().importSales(actor, options, rows, (read, imported, rejected) -> {
                reports.add(new Progress(read, imported, rejected));
                line("progress: read=%d imported=%d rejected=%d", read, imported, rejected);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LoyaltyStatement statement(Actor actor, CustomerId customer) {
        return crm.loyalty().statement(actor, new LoyaltyStatementQuery(customer, PageRequest.first(PAGE_SIZE)));
    }

    private BusinessRuleViolationException redeemTooMuch(Actor actor, RedeemPointsCommand command) {
        try {
            crm.loyalty().redeem(actor, command);
        } catch (BusinessRuleViolationException e) {
            return e;
        }
        throw new IllegalStateException("a redemption of more points than the balance was accepted");
    }

    private void printAccount(LoyaltyStatement s) {
        line("balance=%d lifetimeEarned=%d lifetimeRedeemed=%d shortfall=%d tier=%s", s.account().balance(),
                s.account().lifetimeEarned(), s.account().lifetimeRedeemed(), s.account().shortfall(),
                s.account().tier());
    }

    private void printEntries(Actor actor, LoyaltyStatement s, Map<String, String> orders,
                              Map<ProductId, String> skus, boolean withLines) {
        for (LedgerEntryView e : s.entries().items()) {
            String order = e.kind() == EntryKind.EARN && e.reference() != null ? orders.get(e.reference()) : null;
            String what = order == null ? e.description() : e.description() + " (" + order + ")";
            line("%s  %-8s %+5d  balance=%-4d %s", e.occurredAt(), e.kind(), e.points(), e.balanceAfter(), what);
            if (withLines) {
                for (EarnedLine l : e.lines()) {
                    line("    line %d: %d x %-16s %4d points  %s", l.lineNumber(), l.quantity(),
                            skuOf(actor, l.product(), skus), l.points(), l.explanation());
                }
            }
        }
        if (s.entries().hasNext()) {
            line("(more on the next page)");
        }
    }

    /** @return the product's SKU, looked up once (the import created one the sales scenario's catalog lacks) */
    private String skuOf(Actor actor, ProductId product, Map<ProductId, String> skus) {
        return skus.computeIfAbsent(product, id -> crm.products().findById(actor, id)
                .map(ProductView::sku).orElse(id.toString()));
    }

    private void printSummary(ImportSummary s) {
        line("summary: read=%d imported=%d alreadyImported=%d rejected=%d purchases=%d returns=%d"
                        + " productsCreated=%d customersCreated=%d", s.linesRead(), s.linesImported(),
                s.linesAlreadyImported(), s.linesRejected(), s.purchases(), s.returns(), s.productsCreated(),
                s.customersCreated());
        for (RejectedLine r : s.rejected()) {
            line("rejected: line %d  field=%s  %s", r.sourceLine(), r.field(), r.reason());
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /**
     * One report of an import's progress callback.
     *
     * @param linesRead     lines read so far
     * @param linesImported lines stored so far
     * @param linesRejected lines rejected so far
     */
    public record Progress(long linesRead, long linesImported, long linesRejected) {
    }

    /**
     * What the host saw at each step of one run.
     *
     * @param customer           the sales scenario's buyer, whose points are redeemed, clawed back and adjusted
     * @param earned             the buyer's statement as the scenario started: the sales scenario's earnings and its
     *                           return's claw-back
     * @param redemption         the redemption's ledger entry
     * @param retriedRedemption  the answer to the same redemption again
     * @param balanceAfterRetry  the balance after the retry
     * @param refusal            the refusal of a redemption of more points than the balance
     * @param penReturn          the return of the fountain pen
     * @param clawback           the claw-back of the pen's points
     * @param afterReturn        the buyer's statement after the return: tier and progress
     * @param adjustment         the CRM manager's adjustment
     * @param statement          the buyer's statement at the end
     * @param csv                the CSV text imported
     * @param firstProgress      the progress reports of the first import
     * @param firstImport        the summary of the first import
     * @param importedCustomer   the customer the import created for reference {@code 17850-<RUN>}
     * @param importedStatement  that customer's statement after the first import
     * @param secondProgress     the progress reports of the second import of the same file
     * @param secondImport       the summary of the second import
     * @param importedAfterRerun that customer's statement after the second import
     * @param export             the buyer's personal-data export, after the adjustment
     */
    public record Result(CustomerView customer, LoyaltyStatement earned, LedgerEntryView redemption,
                         LedgerEntryView retriedRedemption, long balanceAfterRetry,
                         BusinessRuleViolationException refusal, PurchaseReturn penReturn, LedgerEntryView clawback,
                         LoyaltyStatement afterReturn, LedgerEntryView adjustment, LoyaltyStatement statement,
                         String csv, List<Progress> firstProgress, ImportSummary firstImport,
                         CustomerView importedCustomer, LoyaltyStatement importedStatement,
                         List<Progress> secondProgress, ImportSummary secondImport,
                         LoyaltyStatement importedAfterRerun, PersonalDataExport export) {
    }
}
