package org.crmkit.core.spi;

import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.StaffRepository;

/**
 * A persistence adapter: one unit of work and the repositories that take part in it. crmkit ships the in-memory
 * adapter ({@code InMemoryCrmPersistence}) and the MyBatis adapter ({@code MyBatisCrmPersistence}); a host may write
 * its own and prove it with the contract tests of crm-core's test-jar. Grows by one method per repository port.
 */
public interface CrmPersistence {

    /** @return the transaction boundary all repositories below take part in */
    UnitOfWork unitOfWork();

    /** @return the customer repository */
    CustomerRepository customers();

    /** @return the append-only audit trail */
    AuditLog auditLog();

    /** @return the department repository */
    DepartmentRepository departments();

    /** @return the staff user repository */
    StaffRepository staff();

    /** @return the login account repository */
    AccountRepository accounts();

    /** @return the password reset token repository */
    PasswordResetTokenRepository resetTokens();

    /** @return the append-only access log */
    AccessLog accessLog();

    /** @return the category repository */
    CategoryRepository categories();

    /** @return the product repository */
    ProductRepository products();

    /** @return the purchase repository */
    PurchaseRepository purchases();

    /** @return the loyalty repository: accounts, ledger entries and lots */
    org.crmkit.core.loyalty.port.out.LoyaltyRepository loyalty();

    /** @return the quote repository */
    org.crmkit.core.quote.port.out.QuoteRepository quotes();
    /** @return the lead repository: leads and their stage history */
    org.crmkit.core.lead.port.out.LeadRepository leads();

    /** @return the interaction repository */
    org.crmkit.core.interaction.port.out.InteractionRepository interactions();

    /** @return the task repository: tasks and their reminders */
    org.crmkit.core.task.port.out.TaskRepository tasks();

    /** @return the feedback repository: ratings, comments and responses */
    org.crmkit.core.feedback.port.out.FeedbackRepository feedback();

    /** @return the ticket repository: tickets, their comments, history and breach notification marks */
    org.crmkit.core.ticket.port.out.TicketRepository tickets();
}
