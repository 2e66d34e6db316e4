package org.crmkit.core.internal.inmemory;

import java.util.Optional;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.spi.Ports;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.crmkit.core.staff.port.out.StaffRepository;

/** The embedded default persistence: every port in memory, sharing one transactional unit of work. */
public final class InMemoryCrmPersistence implements CrmPersistence {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository(unitOfWork);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(unitOfWork);
    private final InMemoryContactVerificationRepository verifications =
            new InMemoryContactVerificationRepository(unitOfWork);
    private final InMemoryDepartmentRepository departments = new InMemoryDepartmentRepository(unitOfWork);
    private final InMemoryStaffRepository staff = new InMemoryStaffRepository(unitOfWork);
    private final InMemoryPasswordResetTokenRepository resetTokens =
            new InMemoryPasswordResetTokenRepository(unitOfWork);
    private final InMemoryAccountRepository accounts = new InMemoryAccountRepository(unitOfWork, resetTokens);
    private final InMemoryAccessLog accessLog = new InMemoryAccessLog(unitOfWork);
    private final InMemorySecondFactorRepository secondFactors = new InMemorySecondFactorRepository(unitOfWork);
    private final InMemoryCategoryRepository categories = new InMemoryCategoryRepository(unitOfWork);
    private final InMemoryProductRepository products = new InMemoryProductRepository(unitOfWork);
    private final InMemoryPurchaseRepository purchases = new InMemoryPurchaseRepository(unitOfWork);
    private final InMemoryLoyaltyRepository loyalty = new InMemoryLoyaltyRepository(unitOfWork);
    private final InMemoryQuoteRepository quotes = new InMemoryQuoteRepository(unitOfWork, customers);
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository(unitOfWork);
    private final InMemoryInteractionRepository interactions = new InMemoryInteractionRepository(unitOfWork);
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(unitOfWork);
    private final InMemoryFeedbackRepository feedback = new InMemoryFeedbackRepository(unitOfWork);
    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository(unitOfWork);
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys(unitOfWork);
    private final Ports ports = Ports.builder()
                .add(AuditLog.class, auditLog)
                .add(CustomerRepository.class, customers)
                .add(org.crmkit.core.customer.port.out.ContactVerificationRepository.class, verifications)
                .add(DepartmentRepository.class, departments)
                .add(StaffRepository.class, staff)
                .add(AccountRepository.class, accounts)
                .add(PasswordResetTokenRepository.class, resetTokens)
                .add(AccessLog.class, accessLog)
                .add(SecondFactorRepository.class, secondFactors)
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
                .add(IdempotencyKeys.class, keys)
                .build();

    /** @return a new, empty in-memory store */
    public static InMemoryCrmPersistence create() {
        return new InMemoryCrmPersistence();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public CustomerRepository customers() {
        return customers;
    }

    /** @return the append-only audit trail */
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return ports.find(type);
    }

    public DepartmentRepository departments() {
        return departments;
    }

    public StaffRepository staff() {
        return staff;
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public PasswordResetTokenRepository resetTokens() {
        return resetTokens;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    public SecondFactorRepository secondFactors() {
        return secondFactors;
    }

    public CategoryRepository categories() {
        return categories;
    }

    public ProductRepository products() {
        return products;
    }

    public PurchaseRepository purchases() {
        return purchases;
    }

    public org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty() {
        return loyalty;
    }

    public org.crmkit.core.quote.port.out.QuoteRepository quotes() {
        return quotes;
    }

    public org.crmkit.core.lead.port.out.LeadRepository leads() {
        return leads;
    }

    public org.crmkit.core.interaction.port.out.InteractionRepository interactions() {
        return interactions;
    }

    public org.crmkit.core.task.port.out.TaskRepository tasks() {
        return tasks;
    }

    public org.crmkit.core.feedback.port.out.FeedbackRepository feedback() {
        return feedback;
    }

    public org.crmkit.core.ticket.port.out.TicketRepository tickets() {
        return tickets;
    }
}
