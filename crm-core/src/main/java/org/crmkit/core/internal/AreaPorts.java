package org.crmkit.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.internal.inmemory.JoinedUnitOfWork;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
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
    /** Every port {@code Crm} wires. */
    private static final List<Class<?>> PORTS = List.of(
            AuditLog.class,
            IdempotencyKeys.class,
            CustomerRepository.class,
            org.crmkit.core.customer.port.out.ContactVerificationRepository.class,
            DepartmentRepository.class,
            StaffRepository.class,
            AccountRepository.class,
            PasswordResetTokenRepository.class,
            AccessLog.class,
            SecondFactorRepository.class,
            CategoryRepository.class,
            ProductRepository.class,
            PurchaseRepository.class,
            org.crmkit.core.loyalty.port.out.LoyaltyRepository.class,
            org.crmkit.core.quote.port.out.QuoteRepository.class,
            org.crmkit.core.lead.port.out.LeadRepository.class,
            org.crmkit.core.interaction.port.out.InteractionRepository.class,
            org.crmkit.core.task.port.out.TaskRepository.class,
            org.crmkit.core.feedback.port.out.FeedbackRepository.class,
            org.crmkit.core.ticket.port.out.TicketRepository.class);

    private final CrmPersistence adapter;
    private final boolean strict;
    private final Map<Class<?>, Object> resolved = new LinkedHashMap<>();
    private final List<Class<?>> inMemory = new ArrayList<>();
    private final UnitOfWork unitOfWork;

    /** @param adapter the host's adapter; the ports it does not provide run in memory */
    public AreaPorts(CrmPersistence adapter) {
        this(adapter, false);
    }

    private AreaPorts(CrmPersistence adapter, boolean strict) {
        this.adapter = adapter;
        this.strict = strict;
        InMemoryCrmPersistence memory = null;
        for (Class<?> type : PORTS) {
            Optional<?> own = adapter.port(type);
            if (own.isPresent()) {
                resolved.put(type, own.get());
            } else if (!strict) {
                if (memory == null) {
                    memory = FALLBACKS.computeIfAbsent(adapter, a -> InMemoryCrmPersistence.create());
                }
                inMemory.add(type);
                resolved.put(type, memory.port(type).orElseThrow(
                        () -> new IllegalStateException("no in-memory " + type.getName())));
            }
        }
        this.unitOfWork = memory == null ? adapter.unitOfWork()
                : new JoinedUnitOfWork(adapter.unitOfWork(), memory.unitOfWork());
        if (!inMemory.isEmpty()) {
            LOG.warn("the persistence adapter {} provides no {}: they run in memory (not durable, not atomic with "
                    + "the adapter's transactions, one transaction at a time)", adapter.getClass().getName(),
                    inMemory.stream().map(Class::getSimpleName).toList());
        }
    }

    /**
     * @param adapter an adapter under test
     * @return its ports with no in-memory default: a port it does not provide fails when asked for (what a port
     *         contract test needs, so that it never tests the in-memory port in place of the adapter's)
     */
    public static AreaPorts strict(CrmPersistence adapter) {
        return new AreaPorts(adapter, true);
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

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return Optional.ofNullable(resolved.get(type)).map(type::cast);
    }

    /** @return the audit trail: the adapter's, or in memory */
    public AuditLog auditLog() {
        return get(AuditLog.class);
    }

    /** @return the idempotency keys: the adapter's, or in memory */
    public IdempotencyKeys idempotencyKeys() {
        return get(IdempotencyKeys.class);
    }

    /** @return the customers port: the adapter's, or in memory */
    public CustomerRepository customers() {
        return get(CustomerRepository.class);
    }

    /** @return the contact verifications port: the adapter's, or in memory */
    public org.crmkit.core.customer.port.out.ContactVerificationRepository contactVerifications() {
        return get(org.crmkit.core.customer.port.out.ContactVerificationRepository.class);
    }

    /** @return the departments port: the adapter's, or in memory */
    public DepartmentRepository departments() {
        return get(DepartmentRepository.class);
    }

    /** @return the staff port: the adapter's, or in memory */
    public StaffRepository staff() {
        return get(StaffRepository.class);
    }

    /** @return the accounts port: the adapter's, or in memory */
    public AccountRepository accounts() {
        return get(AccountRepository.class);
    }

    /** @return the resetTokens port: the adapter's, or in memory */
    public PasswordResetTokenRepository resetTokens() {
        return get(PasswordResetTokenRepository.class);
    }

    /** @return the accessLog port: the adapter's, or in memory */
    public AccessLog accessLog() {
        return get(AccessLog.class);
    }

    /** @return the second factors port: the adapter's, or in memory */
    public SecondFactorRepository secondFactors() {
        return get(SecondFactorRepository.class);
    }

    /** @return the categories port: the adapter's, or in memory */
    public CategoryRepository categories() {
        return get(CategoryRepository.class);
    }

    /** @return the products port: the adapter's, or in memory */
    public ProductRepository products() {
        return get(ProductRepository.class);
    }

    /** @return the purchases port: the adapter's, or in memory */
    public PurchaseRepository purchases() {
        return get(PurchaseRepository.class);
    }

    /** @return the loyalty port: the adapter's, or in memory */
    public org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty() {
        return get(org.crmkit.core.loyalty.port.out.LoyaltyRepository.class);
    }

    /** @return the quotes port: the adapter's, or in memory */
    public org.crmkit.core.quote.port.out.QuoteRepository quotes() {
        return get(org.crmkit.core.quote.port.out.QuoteRepository.class);
    }

    /** @return the leads port: the adapter's, or in memory */
    public org.crmkit.core.lead.port.out.LeadRepository leads() {
        return get(org.crmkit.core.lead.port.out.LeadRepository.class);
    }

    /** @return the interactions port: the adapter's, or in memory */
    public org.crmkit.core.interaction.port.out.InteractionRepository interactions() {
        return get(org.crmkit.core.interaction.port.out.InteractionRepository.class);
    }

    /** @return the tasks port: the adapter's, or in memory */
    public org.crmkit.core.task.port.out.TaskRepository tasks() {
        return get(org.crmkit.core.task.port.out.TaskRepository.class);
    }

    /** @return the feedback port: the adapter's, or in memory */
    public org.crmkit.core.feedback.port.out.FeedbackRepository feedback() {
        return get(org.crmkit.core.feedback.port.out.FeedbackRepository.class);
    }

    /** @return the tickets port: the adapter's, or in memory */
    public org.crmkit.core.ticket.port.out.TicketRepository tickets() {
        return get(org.crmkit.core.ticket.port.out.TicketRepository.class);
    }

    private <P> P get(Class<P> type) {
        return port(type).orElseThrow(
                () -> new IllegalStateException("the adapter provides no " + type.getSimpleName()));
    }
}
