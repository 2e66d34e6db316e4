package org.crmkit.core.testing;

import org.crmkit.core.internal.AreaPorts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;

/**
 * A shop with a loyalty program, for loyalty tests on either adapter: a {@link Crm} on a hand-moved clock, a staff
 * user who sells and manages loyalty, and short ways to buy, return and read statements. Every purchase reference
 * carries a run token, so a world can be built twice on one database.
 */
public final class LoyaltyWorld {
    /** The system actor that sets the world up. */
    public static final Actor SYSTEM = Actor.system("loyalty-world");

    private final MutableClock clock;
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Crm crm;
    private final AreaPorts persistence;
    private final Actor manager;
    private final String run;
    private final AtomicInteger references = new AtomicInteger();

    /**
     * @param persistence the adapter (a fresh in-memory one, or MySQL)
     * @param program     the loyalty program
     * @param start       the clock's start
     * @param run         a token unique to this world on its database
     */
    public LoyaltyWorld(CrmPersistence persistence, LoyaltyProgram program, Instant start, String run) {
        this.clock = new MutableClock(start);
        this.persistence = new AreaPorts(persistence);
        this.crm = Crm.builder().clock(clock).persistence(persistence).loyaltyProgram(program)
                .eventPublisher(publisher).build();
        publisher.watch(persistence.unitOfWork());
        this.manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER, Role.CRM_MANAGER);
        this.run = run;
    }

    /** @return the persistence the Crm runs on */
    public AreaPorts persistence() {
        return persistence;
    }

    /** @return the Crm */
    public Crm crm() {
        return crm;
    }

    /** @return every event published so far */
    public RecordingPublisher publisher() {
        return publisher;
    }

    /** @return the clock */
    public MutableClock clock() {
        return clock;
    }

    /** @return a staff user who sells, takes returns and manages loyalty */
    public Actor manager() {
        return manager;
    }

    /** @param to a later instant @return the clock moved there */
    public Instant moveTo(Instant to) {
        return clock.advance(Duration.between(clock.instant(), to));
    }

    /** @param first a first name @return a new customer */
    public CustomerView customer(String first) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(first, "Loyal",
                first.toLowerCase(java.util.Locale.ROOT) + "." + run + "@example.org", null, false));
    }

    /**
     * @param sku      the SKU (made unique with the run token)
     * @param price    the list price in EUR
     * @param category its category, or {@code null}
     * @return a new product
     */
    public ProductView product(String sku, String price, CategoryId category) {
        return crm.products().create(SYSTEM, new CreateProductCommand(sku + "-" + run, sku, null, category,
                new BigDecimal(price), "EUR"));
    }

    /**
     * @param customer the customer, or {@code null} for an anonymous sale
     * @param at       when
     * @param lines    pairs of product and quantity, numbered in order and priced at list price
     * @return the purchase
     */
    public PurchaseView buy(CustomerId customer, Instant at, Object... lines) {
        return buyIn("EUR", customer, at, lines);
    }

    /**
     * @param currency the purchase currency
     * @param customer the customer, or {@code null}
     * @param at       when
     * @param lines    pairs of product and quantity, priced at the list amount in that currency
     * @return the purchase
     */
    public PurchaseView buyIn(String currency, CustomerId customer, Instant at, Object... lines) {
        List<RecordPurchaseCommand.Line> commandLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            ProductView product = (ProductView) lines[i];
            commandLines.add(new RecordPurchaseCommand.Line(i / 2 + 1, product.id(), (Integer) lines[i + 1],
                    product.listPrice().amount()));
        }
        return crm.sales().recordPurchase(manager, new RecordPurchaseCommand(customer, at, SalesChannel.STORE,
                "loyalty-world", run + "-" + references.incrementAndGet(), currency, commandLines));
    }

    /**
     * @param purchase a purchase
     * @param lineAndQuantity pairs of line number and quantity
     * @return the purchase after the return
     */
    public PurchaseView giveBack(PurchaseView purchase, int... lineAndQuantity) {
        List<RecordReturnCommand.Line> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(new RecordReturnCommand.Line(lineAndQuantity[i], lineAndQuantity[i + 1]));
        }
        return crm.sales().recordReturn(manager, new RecordReturnCommand(purchase.id(), lines, null));
    }

    /** @param customer whose @return the first page (50 entries) of their statement */
    public LoyaltyStatement statement(CustomerId customer) {
        return crm.loyalty().statement(manager, new LoyaltyStatementQuery(customer, PageRequest.first(50)));
    }

    /** @param customer whose ledger @return the sums of the stored ledger */
    public LoyaltyRepository.LedgerSums sums(CustomerId customer) {
        return persistence.unitOfWork().inTransaction(() -> persistence.loyalty().sums(customer));
    }

    /**
     * @param customer whose ledger
     * @param purchase the purchase
     * @return the stored entry of what the purchase earned, if it earned anything
     */
    public java.util.Optional<org.crmkit.core.loyalty.LedgerEntry> earning(CustomerId customer,
                                                                          org.crmkit.core.sales.PurchaseId purchase) {
        return persistence.unitOfWork().inTransaction(() -> persistence.loyalty().findEntry(customer,
                org.crmkit.core.loyalty.EntryKind.EARN, purchase.toString()));
    }

    /** @param customer whose account @return the points left in its open lots, summed per expiry instant */
    public java.util.Map<Instant, Long> openLotsByExpiry(CustomerId customer) {
        java.util.Map<Instant, Long> open = new java.util.TreeMap<>();
        persistence.unitOfWork().inTransaction(() -> persistence.loyalty().lock(customer)).ifPresent(locked ->
                locked.openLots().forEach(l -> open.merge(l.expiresAt(), l.remaining(), Long::sum)));
        return open;
    }
}
