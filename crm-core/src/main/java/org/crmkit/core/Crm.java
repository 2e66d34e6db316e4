package org.crmkit.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.audit.internal.application.AuditApplication;
import org.crmkit.core.audit.port.in.AuditTrail;
import org.crmkit.core.customer.internal.application.CustomerApplication;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.lead.internal.port.LeadDirectory;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.feedback.internal.application.FeedbackApplication;
import org.crmkit.core.feedback.port.in.ProductFeedback;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.interaction.internal.application.InteractionApplication;
import org.crmkit.core.interaction.port.in.Interactions;
import org.crmkit.core.lead.internal.application.LeadApplication;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.loyalty.internal.application.LoyaltyApplication;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.product.internal.application.ProductApplication;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.quote.internal.application.QuoteApplication;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.sales.internal.application.SalesApplication;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.internal.application.StaffApplication;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.port.in.Accounts;
import org.crmkit.core.staff.port.in.Departments;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.task.internal.application.TaskApplication;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.crmkit.core.ticket.internal.application.TicketApplication;
import org.crmkit.core.ticket.internal.port.TicketDirectory;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;

// Over 300 lines: the composition root. It wires every area's services on the resolved ports and carries the
// builder with each host setting and its javadoc; the wiring itself is one line per area, so splitting it would
// only move the list of areas into a second file that changes whenever this one does.
/**
 * The entry point a host embeds: build once with {@link #builder()}, keep it for the application's life, and call
 * the use cases it hands out: {@link #customers()}, {@link #departments()}, {@link #staff()}, {@link #accounts()},
 * {@link #audit()}, {@link #products()}, {@link #sales()}, {@link #loyalty()}, {@link #quotes()}, {@link #leads()},
 * {@link #interactions()}, {@link #tasks()}, {@link #tickets()} and {@link #feedback()}. Every use case takes the
 * calling {@code Actor}; a host gets one from
 * {@code accounts().authenticate(...)} (or builds it from its own sign-on for a staff user crmkit knows). Thread-safe.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                      // in memory, system clock, default policy
 * crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", passphrase));
 * Actor admin = crm.accounts().authenticate("ada@example.com", passphrase, new AccessContext(ip, userAgent));
 * CustomerView c = crm.customers().register(admin, command);
 * }</pre>
 */
public final class Crm {
    private final AreaPorts persistence;
    private final Customers customers;
    private final Departments departments;
    private final StaffUsers staff;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Products products;
    private final Sales sales;
    private final Loyalty loyalty;
    private final Quotes quotes;
    private final Leads leads;
    private final Interactions interactions;
    private final Tasks tasks;
    private final ProductFeedback feedback;
    private final Tickets tickets;
    private final RetryPolicy retryPolicy;
    /** The use cases as the host sees them: the services themselves, or proxies retrying their calls. */
    private final Map<Class<?>, Object> exposed = new ConcurrentHashMap<>();

    private Crm(Builder b) {
        this.persistence = new AreaPorts(b.persistence);
        this.retryPolicy = b.retryPolicy;
        AreaPorts p = persistence;
        UseCaseSupport support = new UseCaseSupport(b.clock, b.validator, b.accessPolicy, p.unitOfWork(),
                p.auditLog(), b.eventPublisher, StaffApplication.actorResolver(p.staff())
                        .then(CustomerApplication.actorResolver(p.customers())), p.idempotencyKeys());
        TicketDirectory ticketDirectory = TicketApplication.directory(support, p.tickets());
        // the areas' parts in the erasure of a lead, inside its transaction: one that never became a customer, or one
        // converted into a customer being erased
        List<LeadEraser> leadErasers = List.of(InteractionApplication.leadEraser(p.interactions()),
                TaskApplication.leadEraser(support, p.tasks()));
        CustomerApplication.CustomerArea customerArea = CustomerApplication.customers(support, p.customers(),
                p.auditLog(),
                List.of(StaffApplication.customerEraser(p.accounts(), p.secondFactors(), p.accessLog()),
                        QuoteApplication.customerEraser(p.quotes()),
                        LoyaltyApplication.customerEraser(p.loyalty()),
                        TaskApplication.customerEraser(support, p.tasks(), ticketDirectory),
                        FeedbackApplication.customerEraser(p.feedback()),
                        TicketApplication.customerEraser(p.tickets()),
                        InteractionApplication.customerEraser(p.interactions()),
                        LeadApplication.customerEraser(p.leads(), leadErasers)),
                List.of(SalesApplication.customerExporter(p.purchases()),
                        LoyaltyApplication.customerExporter(p.loyalty())),
                new CustomerApplication.Verification(p.contactVerifications(), b.verificationNotifier, b.verificationTokenTtl,
                        List.of(StaffApplication.loginFollower(p.accounts(), p.resetTokens()))));
        this.customers = customerArea.customers();
        // how areas read and write each other inside their own use cases: no actor, no second access check
        CustomerDirectory customerDirectory = CustomerApplication.directory(support, p.customers());
        this.departments = StaffApplication.departments(support, p.departments(), p.staff());
        this.staff = StaffApplication.staffUsers(support, p.staff(), p.departments(), p.accounts(), p.resetTokens(),
                b.passwordHasher, b.passwordPolicy);
        this.accounts = StaffApplication.accounts(support, p.accounts(), p.resetTokens(), p.accessLog(),
                customerArea.verifications(), customerDirectory, b.passwordHasher, b.passwordPolicy, b.lockoutPolicy,
                b.resetTokenTtl, b.resetNotifier, p.secondFactors(), b.mfaPolicy, b.accessLogRetention);
        this.audit = AuditApplication.auditTrail(support, p.auditLog());
        this.products = ProductApplication.products(support, p.categories(), p.products());
        ProductCatalog catalog = ProductApplication.catalog(support, p.categories(), p.products());
        StaffDirectory staffDirectory = StaffApplication.directory(support, p.staff(), p.departments());
        LeadDirectory leadDirectory = LeadApplication.directory(support, p.leads());
        SalesApplication.SalesArea salesArea = SalesApplication.sales(support, p.purchases(), customers, products,
                customerDirectory, catalog,
                List.of(LoyaltyApplication.purchaseParticipant(support, p.loyalty(), catalog, b.loyaltyProgram)));
        this.sales = salesArea.sales();
        PurchaseDirectory purchaseDirectory = salesArea.directory();
        this.loyalty = LoyaltyApplication.loyalty(support, p.loyalty(), customerDirectory, purchaseDirectory,
                b.loyaltyProgram);
        this.quotes = QuoteApplication.quotes(support, p.quotes(), customerDirectory, catalog,
                salesArea.recorder());
        // the areas' parts in a lead conversion, called in this order inside its transaction
        List<LeadConversionParticipant> conversionParticipants = List.of(
                InteractionApplication.conversionParticipant(p.interactions()),
                TaskApplication.leadConversionParticipant(support, p.tasks()));
        this.leads = LeadApplication.leads(support, p.leads(), customers, customerDirectory, staffDirectory,
                b.leadScoring,
                conversionParticipants, leadErasers);
        this.interactions = InteractionApplication.interactions(support, p.interactions(), customerDirectory,
                leadDirectory, LeadApplication.activity(support, p.leads(), b.leadScoring));
        this.tickets = TicketApplication.tickets(support, p.tickets(), customerDirectory, staffDirectory,
                purchaseDirectory, b.supportSla, b.slaBreachNotifier);
        // a ticket link is checked through the ticket use cases, as the caller
        this.tasks = TaskApplication.tasks(support, p.tasks(), staffDirectory, customers, leads, tickets,
                customerDirectory, b.reminderNotifier);
        this.feedback = FeedbackApplication.feedback(support, p.feedback(), customerDirectory, catalog,
                purchaseDirectory);
    }

    /**
     * A new, empty in-memory store, the one {@link Builder#build()} uses when no persistence is set. A host builds
     * it itself only to run two instances on one store (a test's second instance, a job with its own clock or
     * notifier): pass it to both builders.
     *
     * @return a new in-memory persistence, thread-safe and transactional
     */
    public static CrmPersistence inMemoryPersistence() {
        return InMemoryCrmPersistence.create();
    }

    private <T> T exposed(Class<T> type, T service) {
        return type.cast(exposed.computeIfAbsent(type,
                t -> RetryingUseCases.wrap(type, service, retryPolicy, persistence.unitOfWork())));
    }

    /** @return a builder with the defaults: system UTC clock, in-memory persistence, default policy, no events */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the customer use cases */
    public Customers customers() {
        return exposed(Customers.class, customers);
    }

    /** @return the department use cases */
    public Departments departments() {
        return exposed(Departments.class, departments);
    }

    /** @return the staff user use cases, including {@code bootstrapAdmin} */
    public StaffUsers staff() {
        return exposed(StaffUsers.class, staff);
    }

    /** @return authentication, passwords and the access log */
    public Accounts accounts() {
        return exposed(Accounts.class, accounts);
    }

    /** @return the audit trail search */
    public AuditTrail audit() {
        return exposed(AuditTrail.class, audit);
    }

    /** @return the catalog: categories and products */
    public Products products() {
        return exposed(Products.class, products);
    }

    /** @return purchases and returns */
    public Sales sales() {
        return exposed(Sales.class, sales);
    }

    /** @return the loyalty program: statements, redemptions, adjustments, batches and rankings */
    public Loyalty loyalty() {
        return exposed(Loyalty.class, loyalty);
    }

    /** @return quotes: requests, answers, acceptance (which records the purchase), rejection and expiry */
    public Quotes quotes() {
        return exposed(Quotes.class, quotes);
    }

    /** @return the sales pipeline's leads: stages, assignment, scoring, conversion into customers */
    public Leads leads() {
        return exposed(Leads.class, leads);
    }

    /** @return calls, emails, meetings and notes logged against customers and leads, and their timelines */
    public Interactions interactions() {
        return exposed(Interactions.class, interactions);
    }

    /** @return tasks and their reminders */
    public Tasks tasks() {
        return exposed(Tasks.class, tasks);
    }

    /** @return customers' feedback on the products they bought, staff's responses and the statistics */
    public ProductFeedback feedback() {
        return exposed(ProductFeedback.class, feedback);
    }

    /** @return support tickets, their comments, assignment, escalation and SLA */
    public Tickets tickets() {
        return exposed(Tickets.class, tickets);
    }

    /**
     * Not API: the store this instance runs on, whose repositories skip authorization and audit. Hosts keep the
     * persistence they built with; crmkit's own tests reach it through their {@code CrmTestAccess}.
     */
    AreaPorts persistence() {
        return persistence;
    }

    /** Configures a {@link Crm}. Every setting is optional. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private CrmPersistence persistence;
        private AccessPolicy accessPolicy = new DefaultAccessPolicy();
        private EventPublisher eventPublisher = EventPublisher.noop();
        private CommandValidator validator;
        private PasswordHasher passwordHasher = Pbkdf2PasswordHasher.owaspDefault();
        private PasswordPolicy passwordPolicy;
        private LockoutPolicy lockoutPolicy = LockoutPolicy.standard();
        private MfaPolicy mfaPolicy = MfaPolicy.optional();
        private Duration resetTokenTtl = Duration.ofMinutes(30);
        private PasswordResetNotifier resetNotifier = PasswordResetNotifier.none();
        private ContactVerificationNotifier verificationNotifier = ContactVerificationNotifier.none();
        private Duration verificationTokenTtl = Duration.ofHours(24);
        private Duration accessLogRetention = Duration.ofDays(90);
        private LoyaltyProgram loyaltyProgram = LoyaltyProgram.standard();
        private LeadScoring leadScoring = LeadScoring.standard();
        private ReminderNotifier reminderNotifier = ReminderNotifier.logging();
        private SupportSla supportSla = SupportSla.standard();
        private SlaBreachNotifier slaBreachNotifier = SlaBreachNotifier.logging();
        private RetryPolicy retryPolicy = RetryPolicy.none();

        private Builder() {
        }

        /** @param clock the time source of every timestamp and id @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param persistence the adapter, such as {@code MyBatisCrmPersistence} @return this builder */
        public Builder persistence(CrmPersistence persistence) {
            this.persistence = Objects.requireNonNull(persistence, "persistence");
            return this;
        }

        /** @param accessPolicy replaces the {@link DefaultAccessPolicy} @return this builder */
        public Builder accessPolicy(AccessPolicy accessPolicy) {
            this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
            return this;
        }

        /** @param eventPublisher receives events after commit @return this builder */
        public Builder eventPublisher(EventPublisher eventPublisher) {
            this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher");
            return this;
        }

        /** @param validator replaces the default Hibernate Validator @return this builder */
        public Builder validator(CommandValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * @param passwordHasher replaces PBKDF2-HMAC-SHA256 with 600,000 iterations (for example with Argon2id)
         * @return this builder
         */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
            return this;
        }

        /** @param passwordPolicy replaces {@link PasswordPolicy#standard()} @return this builder */
        public Builder passwordPolicy(PasswordPolicy passwordPolicy) {
            this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
            return this;
        }

        /** @param lockoutPolicy replaces 5 failures in 15 minutes, locked 15 minutes @return this builder */
        public Builder lockoutPolicy(LockoutPolicy lockoutPolicy) {
            this.lockoutPolicy = Objects.requireNonNull(lockoutPolicy, "lockoutPolicy");
            return this;
        }

        /**
         * @param policy which staff roles must log in with a second factor (TOTP) and the issuer authenticator apps
         *               show (default {@link MfaPolicy#optional()}: anyone may enrol one, no one must); the wrong
         *               codes of the second step lock it by the {@link #lockoutPolicy lockout policy}
         * @return this builder
         */
        public Builder mfaPolicy(MfaPolicy policy) {
            this.mfaPolicy = Objects.requireNonNull(policy, "mfaPolicy");
            return this;
        }

        /** @param ttl how long a password reset token is valid, 1 minute to 24 hours (default 30 minutes) @return this builder */
        public Builder passwordResetTokenTtl(Duration ttl) {
            if (ttl == null || ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("passwordResetTokenTtl must be 1 minute to 24 hours");
            }
            this.resetTokenTtl = ttl;
            return this;
        }

        /** @param notifier delivers password reset tokens (default: none, so no reset reaches anyone) @return this builder */
        public Builder passwordResetNotifier(PasswordResetNotifier notifier) {
            this.resetNotifier = Objects.requireNonNull(notifier, "passwordResetNotifier");
            return this;
        }

        /**
         * @param notifier delivers contact verifications: sign-up tokens (and notices to owners of registered emails),
         *                 portal invitations, and tokens for a customer's own new email or phone (default: none, so
         *                 no sign-up, invitation or self-service change of email or phone completes)
         * @return this builder
         */
        public Builder contactVerificationNotifier(ContactVerificationNotifier notifier) {
            this.verificationNotifier = Objects.requireNonNull(notifier, "contactVerificationNotifier");
            return this;
        }

        /**
         * @param ttl how long a contact verification or invitation token is usable, 5 minutes to 14 days (default 24
         *            hours)
         * @return this builder
         */
        public Builder verificationTokenTtl(Duration ttl) {
            if (ttl == null || ttl.compareTo(Duration.ofMinutes(5)) < 0 || ttl.compareTo(Duration.ofDays(14)) > 0) {
                throw new IllegalArgumentException("verificationTokenTtl must be 5 minutes to 14 days");
            }
            this.verificationTokenTtl = ttl;
            return this;
        }

        /**
         * @param retention how long the access log keeps the source address and user agent of an entry, 1 day to
         *                  3,650 days (default 90 days); {@code accounts().expireAccessContext(...)}, a scheduled job
         *                  of the host, blanks them after that (the entries stay)
         * @return this builder
         */
        public Builder accessLogRetention(Duration retention) {
            if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0
                    || retention.compareTo(Duration.ofDays(3650)) > 0) {
                throw new IllegalArgumentException("accessLogRetention must be 1 day to 3650 days");
            }
            this.accessLogRetention = retention;
            return this;
        }

        /**
         * @param program the loyalty program's earning rules, tiers and expiry (default {@link LoyaltyProgram#standard()})
         * @return this builder
         */
        public Builder loyaltyProgram(LoyaltyProgram program) {
            this.loyaltyProgram = Objects.requireNonNull(program, "loyaltyProgram");
            return this;
        }

        /**
         * @param scoring the lead scoring rules (default {@link LeadScoring#standard()})
         * @return this builder
         */
        public Builder leadScoring(LeadScoring scoring) {
            this.leadScoring = Objects.requireNonNull(scoring, "leadScoring");
            return this;
        }

        /**
         * @param notifier delivers task reminders when {@code tasks().sendDueReminders(...)} runs (default
         *                 {@link ReminderNotifier#logging()}: logs the task's id only, so no reminder reaches anyone)
         * @return this builder
         */
        public Builder reminderNotifier(ReminderNotifier notifier) {
            this.reminderNotifier = Objects.requireNonNull(notifier, "reminderNotifier");
            return this;
        }

        /**
         * @param sla the business-hours calendar, SLA targets and reopen window of tickets (default
         *            {@link SupportSla#standard()})
         * @return this builder
         */
        public Builder supportSla(SupportSla sla) {
            this.supportSla = Objects.requireNonNull(sla, "supportSla");
            return this;
        }

        /**
         * @param notifier hears about each SLA breach once (default: logs the ticket id and the target)
         * @return this builder
         */
        public Builder slaBreachNotifier(SlaBreachNotifier notifier) {
            this.slaBreachNotifier = Objects.requireNonNull(notifier, "slaBreachNotifier");
            return this;
        }

        /**
         * @param policy whether a use case that fails with a {@linkplain org.crmkit.core.shared.CrmException#retriable()
         *               retriable} error ({@code concurrent_write}, a database node not serving) is called again
         *               (default {@link RetryPolicy#none()}: the error reaches the caller). Worth turning on for a
         *               Galera cluster with several writers, where a transaction that one server would make wait
         *               fails certification instead
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** @return the configured instance */
        public Crm build() {
            if (passwordPolicy == null) {
                passwordPolicy = PasswordPolicy.standard();
            }
            if (persistence == null) {
                persistence = InMemoryCrmPersistence.create();
            }
            if (validator == null) {
                validator = CommandValidator.createDefault();
            }
            return new Crm(this);
        }
    }
}
