package org.crmkit.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.internal.inmemory.JoinedUnitOfWork;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.spi.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every area port {@code Crm} wires, resolved once from the host's adapter: the adapter's own where it provides one
 * ({@link CrmPersistence#port}), otherwise the in-memory one, whose transactions then join the adapter's (begun
 * inside it, committed just before it). Every {@code Crm} built on one adapter object shares one in-memory store for
 * the ports it leaves out, so two instances on one adapter (a job with its own clock) see the same data. Internal:
 * the composition root's view of the store.
 *
 * <p>While any port runs in memory, the in-memory store's one lock is held for the whole of each transaction, so
 * transactions on that {@code Crm} run one at a time; the ports left in memory are logged at WARN when it is built.
 */
public final class AreaPorts implements CrmPersistence {
    private static final Logger LOG = LoggerFactory.getLogger(AreaPorts.class);
    /** The in-memory store of each adapter object that leaves ports out, shared by every Crm built on it. */
    private static final Map<CrmPersistence, InMemoryCrmPersistence> FALLBACKS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final CrmPersistence adapter;
    private final boolean strict;
    private InMemoryCrmPersistence memory;
    private final List<Class<?>> inMemory = new ArrayList<>();
    private final CustomerRepository customers;
    private final DepartmentRepository departments;
    private final StaffRepository staff;
    private final AccountRepository accounts;
    private final PasswordResetTokenRepository resetTokens;
    private final AccessLog accessLog;
    private final CategoryRepository categories;
    private final ProductRepository products;
    private final PurchaseRepository purchases;
    private final org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty;
    private final org.crmkit.core.quote.port.out.QuoteRepository quotes;
    private final org.crmkit.core.lead.port.out.LeadRepository leads;
    private final org.crmkit.core.interaction.port.out.InteractionRepository interactions;
    private final org.crmkit.core.task.port.out.TaskRepository tasks;
    private final org.crmkit.core.feedback.port.out.FeedbackRepository feedback;
    private final org.crmkit.core.ticket.port.out.TicketRepository tickets;
    private final AuditLog auditLog;
    private final UnitOfWork unitOfWork;
    private final Ports ports;

    /** @param adapter the host's adapter; the ports it does not provide run in memory */
    public AreaPorts(CrmPersistence adapter) {
        this(adapter, false);
    }

    private AreaPorts(CrmPersistence adapter, boolean strict) {
        this.adapter = adapter;
        this.strict = strict;
        this.auditLog = resolve(AuditLog.class);
        this.customers = resolve(CustomerRepository.class);
        this.departments = resolve(DepartmentRepository.class);
        this.staff = resolve(StaffRepository.class);
        this.accounts = resolve(AccountRepository.class);
        this.resetTokens = resolve(PasswordResetTokenRepository.class);
        this.accessLog = resolve(AccessLog.class);
        this.categories = resolve(CategoryRepository.class);
        this.products = resolve(ProductRepository.class);
        this.purchases = resolve(PurchaseRepository.class);
        this.loyalty = resolve(org.crmkit.core.loyalty.port.out.LoyaltyRepository.class);
        this.quotes = resolve(org.crmkit.core.quote.port.out.QuoteRepository.class);
        this.leads = resolve(org.crmkit.core.lead.port.out.LeadRepository.class);
        this.interactions = resolve(org.crmkit.core.interaction.port.out.InteractionRepository.class);
        this.tasks = resolve(org.crmkit.core.task.port.out.TaskRepository.class);
        this.feedback = resolve(org.crmkit.core.feedback.port.out.FeedbackRepository.class);
        this.tickets = resolve(org.crmkit.core.ticket.port.out.TicketRepository.class);
        this.unitOfWork = memory == null ? adapter.unitOfWork()
                : new JoinedUnitOfWork(adapter.unitOfWork(), memory.unitOfWork());
        if (!inMemory.isEmpty() && !strict) {
            LOG.warn("the persistence adapter {} provides no {}: they run in memory (not durable, not atomic with "
                    + "the adapter's transactions, one transaction at a time)", adapter.getClass().getName(),
                    inMemory.stream().map(Class::getSimpleName).toList());
        }
        this.ports = strict ? null : Ports.builder()
                .add(AuditLog.class, auditLog)
                .add(CustomerRepository.class, customers)
                .add(DepartmentRepository.class, departments)
                .add(StaffRepository.class, staff)
                .add(AccountRepository.class, accounts)
                .add(PasswordResetTokenRepository.class, resetTokens)
                .add(AccessLog.class, accessLog)
                .add(CategoryRepository.class, categories)
                .add(ProductRepository.class, products)
                .add(PurchaseRepository.class, purchases)
                .add(org.crmkit.core.loyalty.port.out.LoyaltyRepository.class, loyalty)
                .add(org.crmkit.core.quote.port.out.QuoteRepository.class, quotes)
                .add(org.crmkit.core.lead.port.out.LeadRepository.class, leads)
                .add(org.crmkit.core.interaction.port.out.InteractionRepository.class, interactions)
                .add(org.crmkit.core.task.port.out.TaskRepository.class, tasks)
                .add(org.crmkit.core.feedback.port.out.FeedbackRepository.class, feedback)
                .add(org.crmkit.core.ticket.port.out.TicketRepository.class, tickets)
                .build();
    }

    private <P> P resolve(Class<P> type) {
        Optional<P> own = adapter.port(type);
        if (own.isPresent() || strict) {
            return own.orElse(null);
        }
        if (memory == null) {
            memory = FALLBACKS.computeIfAbsent(adapter, a -> InMemoryCrmPersistence.create());
        }
        inMemory.add(type);
        return memory.port(type).orElseThrow(() -> new IllegalStateException("no in-memory " + type.getName()));
    }

    /**
     * @param adapter an adapter under test
     * @return its ports with no in-memory default: a port it does not provide fails when asked for (what a port
     *         contract test needs, so that it never tests the in-memory port in place of the adapter's)
     */
    public static AreaPorts strict(CrmPersistence adapter) {
        return new AreaPorts(adapter, true);
    }

    private static <P> P present(P port, Class<P> type) {
        if (port == null) {
            throw new IllegalStateException("the adapter provides no " + type.getSimpleName());
        }
        return port;
    }

    /** @return the port types the adapter does not provide, which run in memory */
    public List<Class<?>> inMemory() {
        return List.copyOf(inMemory);
    }

    /** @return the adapter's unit of work, joined by the in-memory one when an area runs in memory */
    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** @return the audit trail: the adapter's, or in memory */
    public AuditLog auditLog() {
        return present(auditLog, AuditLog.class);
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return strict ? adapter.port(type) : ports.find(type);
    }

    /** @return the customers port: the adapter's, or in memory */
    public CustomerRepository customers() {
        return present(customers, CustomerRepository.class);
    }

    /** @return the departments port: the adapter's, or in memory */
    public DepartmentRepository departments() {
        return present(departments, DepartmentRepository.class);
    }

    /** @return the staff port: the adapter's, or in memory */
    public StaffRepository staff() {
        return present(staff, StaffRepository.class);
    }

    /** @return the accounts port: the adapter's, or in memory */
    public AccountRepository accounts() {
        return present(accounts, AccountRepository.class);
    }

    /** @return the resetTokens port: the adapter's, or in memory */
    public PasswordResetTokenRepository resetTokens() {
        return present(resetTokens, PasswordResetTokenRepository.class);
    }

    /** @return the accessLog port: the adapter's, or in memory */
    public AccessLog accessLog() {
        return present(accessLog, AccessLog.class);
    }

    /** @return the categories port: the adapter's, or in memory */
    public CategoryRepository categories() {
        return present(categories, CategoryRepository.class);
    }

    /** @return the products port: the adapter's, or in memory */
    public ProductRepository products() {
        return present(products, ProductRepository.class);
    }

    /** @return the purchases port: the adapter's, or in memory */
    public PurchaseRepository purchases() {
        return present(purchases, PurchaseRepository.class);
    }

    /** @return the loyalty port: the adapter's, or in memory */
    public org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty() {
        return present(loyalty, org.crmkit.core.loyalty.port.out.LoyaltyRepository.class);
    }

    /** @return the quotes port: the adapter's, or in memory */
    public org.crmkit.core.quote.port.out.QuoteRepository quotes() {
        return present(quotes, org.crmkit.core.quote.port.out.QuoteRepository.class);
    }

    /** @return the leads port: the adapter's, or in memory */
    public org.crmkit.core.lead.port.out.LeadRepository leads() {
        return present(leads, org.crmkit.core.lead.port.out.LeadRepository.class);
    }

    /** @return the interactions port: the adapter's, or in memory */
    public org.crmkit.core.interaction.port.out.InteractionRepository interactions() {
        return present(interactions, org.crmkit.core.interaction.port.out.InteractionRepository.class);
    }

    /** @return the tasks port: the adapter's, or in memory */
    public org.crmkit.core.task.port.out.TaskRepository tasks() {
        return present(tasks, org.crmkit.core.task.port.out.TaskRepository.class);
    }

    /** @return the feedback port: the adapter's, or in memory */
    public org.crmkit.core.feedback.port.out.FeedbackRepository feedback() {
        return present(feedback, org.crmkit.core.feedback.port.out.FeedbackRepository.class);
    }

    /** @return the tickets port: the adapter's, or in memory */
    public org.crmkit.core.ticket.port.out.TicketRepository tickets() {
        return present(tickets, org.crmkit.core.ticket.port.out.TicketRepository.class);
    }
}
