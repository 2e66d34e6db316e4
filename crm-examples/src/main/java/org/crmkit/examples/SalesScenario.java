package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;

// Over 300 lines on purpose: an example a host developer reads top to bottom as one story (catalog, purchases,
// returns, the CSV import, the reports), printing each step; splitting it would scatter the story.
/**
 * The sales scenario a host runs after the {@link CustomerScenario}, printing a readable transcript: the product
 * manager of the {@link StaffScenario} builds a small catalog (a category inside another, three products) and lists
 * it; the sales manager records two purchases of a customer the customer scenario registered, records the first one
 * again (a till retrying: the same purchase comes back) and once more with other content (refused), takes back part
 * of a line and reads the customer's history and totals; a visitor signs up, buys in the web shop and reads their own
 * history, and a sales rep who does not manage the customer is refused theirs.
 *
 * <p>Category names, SKUs, order references and the sign-up email carry the run's token, so the scenario can run
 * again and again against one database (SKUs and order references are unique, category names among their siblings).
 * The signed-up customer's password is example data written here in the source; the transcript prints none.
 */
public final class SalesScenario {
    /** The order system the till and the phone desk send their references from. */
    public static final String ORDER_SOURCE = "erp";
    /** The web shop, the signed-up customer's order system. */
    public static final String WEB_SOURCE = "webshop";
    private static final String CUSTOMER_PASSWORD = "frequency hopping, patented 1942";
    private static final AccessContext CUSTOMER_PHONE =
            new AccessContext("198.51.100.42", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1");
    private static final int PAGE_SIZE = 10;

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;
    private final Mailbox mailbox;

    /**
     * @param crm     the configured crmkit instance the host embeds
     * @param clock   the clock {@code crm} was built with (purchase times are set from it)
     * @param out     where the transcript goes
     * @param mailbox the contact verification notifier {@code crm} was built with, read as the visitor's inbox
     */
    public SalesScenario(Crm crm, Clock clock, PrintStream out, Mailbox mailbox) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken  a short token, unique per run, made of letters and digits; it becomes part of every category
     *                  name, SKU, order reference and email
     * @param staff     the staff scenario's result of the same run: its product manager, sales manager and sales rep
     *                  act here
     * @param customers the customer scenario's result of the same run: one of its customers who is still active buys
     * @return what the host saw at each step
     * @throws CrmException when a step other than the deliberate refusals fails
     */
    public Result run(String runToken, StaffScenario.Result staff, CustomerScenario.Result customers) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(customers, "customers");
        Actor productManager = staff.member(Role.PRODUCT_MANAGER).actor();
        Actor salesManager = staff.member(Role.SALES_MANAGER).actor();
        Actor salesRep = staff.member(Role.SALES_REP).actor();
        Products products = crm.products();
        Sales sales = crm.sales();
        String run = runToken.toUpperCase(Locale.ROOT);

        // ---- the catalog ---------------------------------------------------------------------------------------
        section("The product manager (" + productManager.describe() + ") creates two categories, one inside the other");
        CategoryView stationery = products.createCategory(productManager,
                new CreateCategoryCommand("Stationery " + runToken));
        CategoryView notebooks = products.createCategory(productManager,
                new CreateCategoryCommand("Notebooks " + runToken, stationery.id()));
        Map<CategoryId, String> categoryNames = new HashMap<>();
        for (CategoryView c : List.of(stationery, notebooks)) {
            categoryNames.put(c.id(), c.name());
            line("created %s  \"%s\" parent=%s", c.id(), c.name(),
                    c.parent() == null ? "(top level)" : categoryNames.get(c.parent()));
        }

        section("The product manager adds three products (SKUs are unique, stored upper case)");
        List<ProductView> catalog = new ArrayList<>();
        for (CreateProductCommand command : List.of(
                CreateProductCommand.builder().sku("pen-" + runToken + "-fp").name("Fountain pen, fine nib")
                        .description("Steel nib, piston filler").categoryId(stationery.id())
                        .listPrice(new BigDecimal("89.00")).currency("EUR").build(),
                CreateProductCommand.builder().sku("nb-" + runToken + "-a5").name("Dotted notebook A5")
                        .description("120 pages, dotted").categoryId(notebooks.id())
                        .listPrice(new BigDecimal("12.50")).currency("EUR").build(),
                CreateProductCommand.builder().sku("nb-" + runToken + "-a4").name("Squared notebook A4")
                        .categoryId(notebooks.id()).listPrice(new BigDecimal("15.00")).currency("EUR").build())) {
            ProductView product = products.create(productManager, command);
            catalog.add(product);
            line("created %s  %-22s %-24s category=%s listPrice=%s status=%s", product.id(), product.sku(),
                    product.name(), categoryNames.get(product.category()), product.listPrice(), product.status());
        }

        section("The category tree (parents before children; this run's branch of the whole catalog)");
        List<CategoryView> allCategories = products.categories(salesManager);
        List<CategoryView> tree = branch(allCategories, stationery.id());
        Map<CategoryId, Integer> depth = new HashMap<>();
        for (CategoryView c : tree) {
            int d = c.id().equals(stationery.id()) ? 0 : depth.get(c.parent()) + 1;
            depth.put(c.id(), d);
            line("%s%s  (%s)", "  ".repeat(d), c.name(), c.id());
        }
        line("(%d categories in the catalog in all)", allCategories.size());

        section("The sales manager searches the catalog by category \"" + stationery.name()
                + "\", descendants included");
        Page<ProductView> inStationery = products.search(salesManager,
                ProductSearchQuery.inCategory(stationery.id(), PAGE_SIZE));
        for (ProductView p : inStationery.items()) {
            line("%-22s %-24s category=%s listPrice=%s", p.sku(), p.name(), categoryNames.get(p.category()),
                    p.listPrice());
        }

        // ---- purchases -----------------------------------------------------------------------------------------
        CustomerView buyer = activeCustomer(salesManager, customers);
        // a till knows SKUs, not crmkit's ids: it looks each one up (in any case) before it records a purchase
        ProductView pen = bySku(salesManager, "pen-" + runToken + "-fp");
        ProductView a5 = bySku(salesManager, "NB-" + run + "-A5");
        ProductView a4 = bySku(salesManager, "nb-" + runToken + "-a4");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        section("The sales manager records two purchases (in EUR, then in CHF) of " + buyer.firstName() + " "
                + buyer.lastName() + " (" + buyer.id() + ", " + buyer.status() + ")");
        RecordPurchaseCommand firstCommand = RecordPurchaseCommand.builder().customerId(buyer.id())
                .occurredAt(now.minus(Duration.ofDays(3))).channel(SalesChannel.STORE).source(ORDER_SOURCE)
                .externalReference("ORD-" + run + "-0001").currency("EUR").lines(List.of(
                        new RecordPurchaseCommand.Line(1, a5.id(), 2, new BigDecimal("12.50")),
                        new RecordPurchaseCommand.Line(2, pen.id(), 1, new BigDecimal("89.00"))))
                .build();
        RecordPurchaseCommand secondCommand = RecordPurchaseCommand.builder().customerId(buyer.id())
                .occurredAt(now.minus(Duration.ofDays(1))).channel(SalesChannel.STORE).source(ORDER_SOURCE)
                .externalReference("ORD-" + run + "-0002").currency("CHF").lines(List.of(
                        new RecordPurchaseCommand.Line(1, a4.id(), 3, new BigDecimal("14.50"))))
                .build();
        PurchaseView first = sales.recordPurchase(salesManager, firstCommand);
        printPurchase("recorded", first, catalog);
        PurchaseView second = sales.recordPurchase(salesManager, secondCommand);
        printPurchase("recorded", second, catalog);

        section("The till retries " + ORDER_SOURCE + "/" + firstCommand.externalReference()
                + " with the same content (a lost answer)");
        PurchaseView retried = sales.recordPurchase(salesManager, firstCommand);
        line("answered %s  version=%d total=%s  same purchase as before: %s", retried.id(), retried.version(),
                retried.total(), retried.id().equals(first.id()));

        section("The same reference again, but 3 notebooks on line 1 instead of 2");
        ConflictException conflict = recordChanged(salesManager, firstCommand);
        line("rejected: code=%s field=%s existing=%s", conflict.code(), conflict.field(),
                conflict.existingId().orElse("-"));
        line("message:  %s", conflict.getMessage());

        section("The customer brings back one of the two A5 notebooks of " + firstCommand.externalReference());
        PurchaseView afterReturn = sales.recordReturn(salesManager, new RecordReturnCommand(first.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), first.version()));
        PurchaseReturn purchaseReturn = afterReturn.returns().get(afterReturn.returns().size() - 1);
        line("return %s  refund=%s  (%s)", purchaseReturn.id(), purchaseReturn.refund(),
                purchaseReturn.lines().stream().map(l -> "line " + l.lineNumber() + ": " + l.quantity() + " back, "
                        + l.refund()).collect(Collectors.joining("; ")));
        printPurchase("now", afterReturn, catalog);

        section("Purchase history of " + buyer.id() + ", newest first, " + PAGE_SIZE + " per page");
        Page<PurchaseView> history = sales.history(salesManager,
                new PurchaseHistoryQuery(buyer.id(), PageRequest.first(PAGE_SIZE)));
        for (PurchaseView p : history.items()) {
            line("%s  %s/%-18s %s %-5s total=%-10s refunded=%s", p.occurredAt(), p.source(), p.externalReference(),
                    p.id(), p.channel(), p.total(), p.refunded());
        }
        line(history.hasNext() ? "(more on the next page)" : "(last page)");

        section("Totals of " + buyer.id() + " per currency (as bought: refunds are not deducted)");
        PurchaseTotals totals = sales.totals(salesManager, buyer.id());
        for (PurchaseTotals.InCurrency t : totals.currencies()) {
            line("%s  purchases=%d amount=%s first=%s last=%s", t.currency().getCurrencyCode(), t.count(),
                    t.amount(), t.first(), t.last());
        }

        // ---- the customer themself, and a sales rep --------------------------------------------------------------
        section("A visitor signs up with a password and is logged in as a customer");
        String hedysEmail = "hedy.lamarr+" + runToken + "@example.com";
        crm.accounts().requestSignUp(hedysEmail, CUSTOMER_PHONE);
        Actor customer = crm.accounts().signUpCustomer(CustomerSignUpCommand.builder()
                .token(mailbox.latestTokenFor(hedysEmail)).firstName("Hedy").lastName("Lamarr").email(hedysEmail)
                .password(CUSTOMER_PASSWORD).build(), CUSTOMER_PHONE).actor();
        CustomerId customerId = ((Actor.Customer) customer).id();
        CustomerView me = crm.customers().findById(customer, customerId).orElseThrow();
        line("signed up: %s  %s %s <%s> source=%s status=%s", customer.describe(), me.firstName(), me.lastName(),
                me.email(), me.source(), me.status());

        Actor webShop = Actor.system(WEB_SOURCE);
        section("The web shop's integration (" + webShop.describe() + ") records their first order");
        PurchaseView webPurchase = sales.recordPurchase(webShop, RecordPurchaseCommand.builder().customerId(customerId)
                .occurredAt(now.minus(Duration.ofHours(2))).channel(SalesChannel.WEB).source(WEB_SOURCE)
                .externalReference("WEB-" + run + "-0001").currency("EUR")
                .lines(List.of(new RecordPurchaseCommand.Line(1, a4.id(), 1, new BigDecimal("15.00")))).build());
        printPurchase("recorded", webPurchase, catalog);

        section("The customer reads their own purchase history");
        Page<PurchaseView> ownHistory = sales.history(customer,
                new PurchaseHistoryQuery(customerId, PageRequest.first(PAGE_SIZE)));
        for (PurchaseView p : ownHistory.items()) {
            line("%s  %s/%s  %s total=%s", p.occurredAt(), p.source(), p.externalReference(), p.channel(), p.total());
        }

        section("The customer asks for " + buyer.id() + "'s history; so does the sales rep "
                + salesRep.reference() + ", who does not manage that customer");
        AccessDeniedException customerDenial = historyRefused(customer, buyer.id());
        line("customer  refused: code=%s permission=%s action=%s", customerDenial.code(), customerDenial.permission(),
                customerDenial.action());
        AccessDeniedException repDenial = historyRefused(salesRep, buyer.id());
        line("sales rep refused: code=%s permission=%s action=%s", repDenial.code(), repDenial.permission(),
                repDenial.action());
        line("message: %s", repDenial.getMessage());
        out.flush();
        return new Result(List.copyOf(tree), List.copyOf(catalog), inStationery, buyer, first, second, retried,
                conflict, afterReturn, purchaseReturn, history, totals, customer, webPurchase, ownHistory,
                customerDenial, repDenial);
    }

    /** @return {@code root} and its descendants, in the order of {@code all} (parents before children) */
    private static List<CategoryView> branch(List<CategoryView> all, CategoryId root) {
        List<CategoryView> branch = new ArrayList<>();
        java.util.Set<CategoryId> inBranch = new java.util.HashSet<>();
        for (CategoryView c : all) {
            if (c.id().equals(root) || (c.parent() != null && inBranch.contains(c.parent()))) {
                inBranch.add(c.id());
                branch.add(c);
            }
        }
        return branch;
    }

    /** The first customer of the customer scenario who is still active now (the first one was erased there). */
    private CustomerView activeCustomer(Actor staff, CustomerScenario.Result customers) {
        for (CustomerView registered : customers.registered()) {
            if (registered.id().equals(customers.erased().id())) {
                continue;
            }
            CustomerView now = crm.customers().findById(staff, registered.id()).orElseThrow();
            if (now.status() == CustomerStatus.ACTIVE) {
                return now;
            }
        }
        throw new IllegalStateException("the customer scenario left no active customer");
    }

    private ProductView bySku(Actor actor, String sku) {
        return crm.products().findBySku(actor, sku)
                .orElseThrow(() -> new IllegalStateException("no product with SKU " + sku));
    }

    private ConflictException recordChanged(Actor actor, RecordPurchaseCommand original) {
        List<RecordPurchaseCommand.Line> lines = new ArrayList<>(original.lines());
        RecordPurchaseCommand.Line line = lines.get(0);
        lines.set(0, new RecordPurchaseCommand.Line(line.lineNumber(), line.productId(), line.quantity() + 1,
                line.unitPrice()));
        try {
            crm.sales().recordPurchase(actor, RecordPurchaseCommand.builder().customerId(original.customerId())
                    .occurredAt(original.occurredAt()).channel(original.channel()).source(original.source())
                    .externalReference(original.externalReference()).currency(original.currency()).lines(lines)
                    .build());
        } catch (ConflictException e) {
            return e;
        }
        throw new IllegalStateException("a changed purchase under a used reference was accepted");
    }

    private AccessDeniedException historyRefused(Actor actor, CustomerId customer) {
        try {
            crm.sales().history(actor, new PurchaseHistoryQuery(customer, PageRequest.first(PAGE_SIZE)));
        } catch (AccessDeniedException e) {
            return e;
        }
        throw new IllegalStateException(actor.describe() + " was allowed to read the history of " + customer);
    }

    private void printPurchase(String verb, PurchaseView p, List<ProductView> catalog) {
        line("%s %s  %s/%s %s %s  total=%s refunded=%s version=%d", verb, p.id(), p.source(), p.externalReference(),
                p.channel(), p.occurredAt(), p.total(), p.refunded(), p.version());
        for (PurchaseLine l : p.lines()) {
            line("  line %d: %d x %-22s at %-10s = %s%s", l.number(), l.quantity(), skuOf(l.product(), catalog),
                    l.unitPrice(), l.total(), l.returned() == 0 ? "" : "  (" + l.returned() + " returned)");
        }
    }

    private static String skuOf(ProductId id, List<ProductView> catalog) {
        return catalog.stream().filter(p -> p.id().equals(id)).map(ProductView::sku).findFirst()
                .orElse(id.toString());
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /**
     * What the host saw at each step of one run.
     *
     * @param categoryTree    this run's categories as listed: the top category, then its child
     * @param products        the three products created: fountain pen, A5 notebook, A4 notebook
     * @param categorySearch  the search by the top category, descendants included
     * @param customer        the customer of the customer scenario who bought, as read before buying
     * @param first           the first purchase (EUR), as recorded
     * @param second          the second purchase (CHF), as recorded
     * @param retried         the answer to recording the first purchase again with the same content
     * @param conflict        the refusal of the first purchase's reference with other content
     * @param afterReturn     the first purchase after the return
     * @param purchaseReturn  the return, with its refund
     * @param history         the first page of the customer's purchase history, as the sales manager read it
     * @param totals          the customer's totals per currency
     * @param selfCustomer    the actor of the customer who signed up
     * @param webPurchase     that customer's web shop purchase
     * @param ownHistory      that customer's purchase history, as they read it themself
     * @param customerDenial  the refusal of the other customer's history to the signed-up customer
     * @param repDenial       the refusal of the other customer's history to the sales rep
     */
    public record Result(List<CategoryView> categoryTree, List<ProductView> products,
                         Page<ProductView> categorySearch, CustomerView customer, PurchaseView first,
                         PurchaseView second, PurchaseView retried, ConflictException conflict,
                         PurchaseView afterReturn, PurchaseReturn purchaseReturn, Page<PurchaseView> history,
                         PurchaseTotals totals, Actor selfCustomer, PurchaseView webPurchase,
                         Page<PurchaseView> ownHistory, AccessDeniedException customerDenial,
                         AccessDeniedException repDenial) {
    }
}
