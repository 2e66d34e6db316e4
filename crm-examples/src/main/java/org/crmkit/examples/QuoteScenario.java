package org.crmkit.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;

/**
 * The quote scenario a host runs after the {@link LoyaltyScenario}, printing a readable transcript: the sales rep
 * registers a new customer (and becomes their account manager); the customer, signed in to the host's shop, asks for
 * a quote for ten notebooks and two fountain pens; the sales rep answers with a volume price for the notebooks (the
 * pens at their list price), a validity of two weeks and terms; the customer reads their quotes and accepts, and
 * accepts again (a double click: the same quote comes back, nothing is recorded twice); the purchase appears in the
 * customer's history under the quote's reference and earns loyalty points; the sales scenario's customer is refused
 * a look at someone else's quote.
 */
public final class QuoteScenario {
    /** The volume price of a notebook A5 the sales rep offers (list price 12.50 EUR). */
    public static final BigDecimal NOTEBOOK_OFFER = new BigDecimal("11.00");
    /** How long the offer is valid. */
    public static final Duration VALIDITY = Duration.ofDays(14);
    private static final int PAGE_SIZE = 10;

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param crm   the configured crmkit instance the host embeds
     * @param clock the clock {@code crm} was built with
     * @param out   where the transcript goes
     */
    public QuoteScenario(Crm crm, Clock clock, PrintStream out) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Runs the scenario once.
     *
     * @param runToken a short token, unique per run, made of letters and digits; it becomes part of the new customer's
     *                 email
     * @param staff    the staff scenario's result of the same run: its sales rep acts here
     * @param sales    the sales scenario's result of the same run: its catalog, and its signed-up customer, who is
     *                 refused the new customer's quote
     * @return what the host saw at each step
     * @throws CrmException when a step other than the deliberate refusal fails
     */
    public Result run(String runToken, StaffScenario.Result staff, SalesScenario.Result sales) {
        Quotes quotes = crm.quotes();
        StaffScenario.Member rep = staff.member(Role.SALES_REP);
        ProductView notebook = product(sales, "Dotted notebook A5");
        ProductView pen = product(sales, "Fountain pen, fine nib");

        section("The sales rep registers a new customer, and so becomes their account manager");
        CustomerId customerId = crm.customers().register(rep.actor(), RegisterCustomerCommand.builder()
                .firstName("Katherine").lastName("Johnson").email("katherine.johnson+" + runToken + "@example.com")
                .source(CustomerSource.REFERRAL).build()).id();
        // signed in to the host's shop by the host's own sign-on, the customer acts as themself
        Actor customer = Actor.customer(customerId);
        line("registered %s, account manager %s", customer.describe(),
                crm.customers().findById(customer, customerId).orElseThrow().accountManager());

        section("The customer asks for a quote (self-service)");
        QuoteView requested = quotes.request(customer, new RequestQuoteCommand(customerId, "EUR", List.of(
                new RequestQuoteCommand.Line(notebook.id(), 10), new RequestQuoteCommand.Line(pen.id(), 2)),
                "Notebooks and pens for our team's offsite, please"));
        printQuote("requested", requested);

        section("The sales rep answers: a volume price for the notebooks, the pens at list price");
        QuoteView answered = quotes.answer(rep.actor(), AnswerQuoteCommand.builder().quoteId(requested.id())
                .expectedVersion(requested.version()).currency("EUR")
                .prices(List.of(new AnswerQuoteCommand.LinePrice(1, NOTEBOOK_OFFER)))
                .validUntil(clock.instant().plus(VALIDITY))
                .terms("Delivery within 5 working days; payment 30 days net").build());
        printQuote("answered", answered);

        section("The customer reads their quotes and accepts the offer they saw");
        Page<QuoteView> ownQuotes = quotes.customerQuotes(customer, new CustomerQuotesQuery(customerId,
                PageRequest.first(PAGE_SIZE)));
        ownQuotes.items().forEach(q -> line("%s  %s total=%s valid until %s", q.id(), q.status(), q.total(),
                q.validUntil()));
        QuoteView accepted = quotes.accept(customer, new AcceptQuoteCommand(answered.id(), answered.version()));
        printQuote("accepted", accepted);
        QuoteView acceptedAgain = quotes.accept(customer, new AcceptQuoteCommand(answered.id(), answered.version()));
        line("accepted again (a double click): status=%s, same purchase %s", acceptedAgain.status(),
                acceptedAgain.purchase());

        section("The purchase is in the customer's history, and it earned points");
        Page<PurchaseView> history = crm.sales().history(customer, new PurchaseHistoryQuery(customerId,
                PageRequest.first(PAGE_SIZE)));
        history.items().forEach(p -> line("%s  %s/%s  %s total=%s", p.id(), p.source(), p.externalReference(),
                p.channel(), p.total()));
        LoyaltyStatement statement = crm.loyalty().statement(customer, new LoyaltyStatementQuery(customerId,
                PageRequest.first(PAGE_SIZE)));
        for (LedgerEntryView e : statement.entries().items()) {
            if (e.kind() == EntryKind.EARN) {
                line("earned %d points for purchase %s", e.points(), e.reference());
            }
        }
        line("balance %d, tier %s", statement.account().balance(), statement.account().tier());

        section("Another customer may not read this quote");
        AccessDeniedException denial = null;
        try {
            quotes.findById(sales.selfCustomer(), accepted.id());
        } catch (AccessDeniedException e) {
            denial = e;
            line("refused: %s", e.code());
        }
        return new Result(customerId, requested, answered, ownQuotes, accepted, acceptedAgain, history, statement,
                denial);
    }

    private static ProductView product(SalesScenario.Result sales, String name) {
        return sales.products().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sales scenario made no " + name));
    }

    private void printQuote(String what, QuoteView q) {
        line("%s %s  status=%s version=%d total=%s", what, q.id(), q.status(), q.version(), q.total());
        for (QuoteLine l : q.lines()) {
            line("  line %d  %s x %d at %s", l.number(), l.product(), l.quantity(), l.unitPrice());
        }
        if (q.validUntil() != null) {
            line("  valid until %s; terms: %s", q.validUntil(), q.terms());
        }
        if (q.purchase() != null) {
            line("  purchase %s recorded at %s", q.purchase(), q.closedAt());
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
     * What the host saw.
     *
     * @param customer       the signed-up customer who asked for the quote
     * @param requested      the quote as requested
     * @param answered       the sales rep's answer
     * @param ownQuotes      the customer's list of their quotes
     * @param accepted       the quote once accepted, naming its purchase
     * @param acceptedAgain  what a second acceptance returned
     * @param history        the customer's purchase history afterwards
     * @param statement      the customer's loyalty statement afterwards
     * @param otherCustomer  the refusal of the sales scenario's customer's look at the quote
     */
    public record Result(CustomerId customer, QuoteView requested, QuoteView answered, Page<QuoteView> ownQuotes,
                         QuoteView accepted, QuoteView acceptedAgain, Page<PurchaseView> history,
                         LoyaltyStatement statement, AccessDeniedException otherCustomer) {
    }
}
