package org.crmkit.core.internal.inmemory;

import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.StaffRepository;

/** The embedded default persistence: every port in memory, sharing one transactional unit of work. */
public final class InMemoryCrmPersistence implements CrmPersistence {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryCustomerRepository customers = new InMemoryCustomerRepository(unitOfWork);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(unitOfWork);
    private final InMemoryDepartmentRepository departments = new InMemoryDepartmentRepository(unitOfWork);
    private final InMemoryStaffRepository staff = new InMemoryStaffRepository(unitOfWork);
    private final InMemoryPasswordResetTokenRepository resetTokens =
            new InMemoryPasswordResetTokenRepository(unitOfWork);
    private final InMemoryAccountRepository accounts = new InMemoryAccountRepository(unitOfWork, resetTokens);
    private final InMemoryAccessLog accessLog = new InMemoryAccessLog(unitOfWork);
    private final InMemoryCategoryRepository categories = new InMemoryCategoryRepository(unitOfWork);
    private final InMemoryProductRepository products = new InMemoryProductRepository(unitOfWork);
    private final InMemoryPurchaseRepository purchases = new InMemoryPurchaseRepository(unitOfWork);
    private final InMemoryLoyaltyRepository loyalty = new InMemoryLoyaltyRepository(unitOfWork);
    private final InMemoryQuoteRepository quotes = new InMemoryQuoteRepository(unitOfWork);
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository(unitOfWork);
    private final InMemoryInteractionRepository interactions = new InMemoryInteractionRepository(unitOfWork);
    private final InMemoryTaskRepository tasks = new InMemoryTaskRepository(unitOfWork);
    private final InMemoryFeedbackRepository feedback = new InMemoryFeedbackRepository(unitOfWork);
    private final InMemoryTicketRepository tickets = new InMemoryTicketRepository(unitOfWork);

    /** @return a new, empty in-memory store */
    public static InMemoryCrmPersistence create() {
        return new InMemoryCrmPersistence();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public CustomerRepository customers() {
        return customers;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public DepartmentRepository departments() {
        return departments;
    }

    @Override
    public StaffRepository staff() {
        return staff;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public PasswordResetTokenRepository resetTokens() {
        return resetTokens;
    }

    @Override
    public AccessLog accessLog() {
        return accessLog;
    }

    @Override
    public CategoryRepository categories() {
        return categories;
    }

    @Override
    public ProductRepository products() {
        return products;
    }

    @Override
    public PurchaseRepository purchases() {
        return purchases;
    }

    @Override
    public org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty() {
        return loyalty;
    }

    @Override
    public org.crmkit.core.quote.port.out.QuoteRepository quotes() {
        return quotes;
    }

    @Override
    public org.crmkit.core.lead.port.out.LeadRepository leads() {
        return leads;
    }

    @Override
    public org.crmkit.core.interaction.port.out.InteractionRepository interactions() {
        return interactions;
    }

    @Override
    public org.crmkit.core.task.port.out.TaskRepository tasks() {
        return tasks;
    }

    @Override
    public org.crmkit.core.feedback.port.out.FeedbackRepository feedback() {
        return feedback;
    }

    @Override
    public org.crmkit.core.ticket.port.out.TicketRepository tickets() {
        return tickets;
    }
}
