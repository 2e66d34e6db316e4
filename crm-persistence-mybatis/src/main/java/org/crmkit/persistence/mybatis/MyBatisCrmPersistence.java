package org.crmkit.persistence.mybatis;

import java.util.Optional;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.ibatis.logging.nologging.NoLoggingImpl;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.spi.Ports;
import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.persistence.mybatis.internal.audit.MyBatisAuditLog;
import org.crmkit.persistence.mybatis.internal.idempotency.MyBatisIdempotencyKeys;
import org.crmkit.persistence.mybatis.internal.customer.MyBatisCustomerRepository;
import org.crmkit.persistence.mybatis.internal.feedback.MyBatisFeedbackRepository;
import org.crmkit.persistence.mybatis.internal.loyalty.MyBatisLoyaltyRepository;
import org.crmkit.persistence.mybatis.internal.product.MyBatisCategoryRepository;
import org.crmkit.persistence.mybatis.internal.product.MyBatisProductRepository;
import org.crmkit.persistence.mybatis.internal.sales.MyBatisPurchaseRepository;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisAccessLog;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisAccountRepository;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisDepartmentRepository;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisPasswordResetTokenRepository;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisSecondFactorRepository;
import org.crmkit.persistence.mybatis.internal.staff.MyBatisStaffRepository;
import org.crmkit.persistence.mybatis.internal.task.MyBatisTaskRepository;
import org.crmkit.persistence.mybatis.internal.support.Migrations;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;
import org.crmkit.persistence.mybatis.internal.support.RowObjectFactory;
import org.crmkit.persistence.mybatis.internal.support.SqlErrors;
import org.crmkit.persistence.mybatis.internal.support.UtcInstantTypeHandler;
import org.crmkit.persistence.mybatis.internal.support.UuidTypeHandler;

/**
 * crmkit on MySQL 8.0+ or MariaDB 10.11+ through MyBatis: every persistence port, one unit of work, and the schema
 * migrations. Built from the host's {@link DataSource} (the host owns pooling):
 *
 * <pre>{@code
 * MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource).build();
 * Crm crm = Crm.builder().persistence(persistence).build();
 * }</pre>
 *
 * <p>By default crmkit commits its own transactions on connections from the data source. Inside a transaction the
 * host already manages (for example Spring's {@code TransactionAwareDataSourceProxy} or a JTA data source), call
 * {@link Builder#hostManagedTransactions()}: crmkit then never commits or rolls back itself, and its writes commit
 * or roll back with the host's transaction. In that mode the host must hold a transaction open around every crmkit
 * call (otherwise each statement commits on its own), events reach the {@code EventPublisher} when crmkit's call
 * returns, before the host commits (a publisher that defers them to the host's commit, such as one registering a
 * Spring transaction synchronization, keeps them from firing on rollback), and the DENIED audit entry of a refused
 * call is written in the host's transaction, so it is lost if the host rolls back. Likewise a failed login, password
 * change or reset is counted and logged before {@code AuthenticationFailedException} is thrown: the host must commit,
 * not roll back, on that exception (or call {@code crm.accounts()} outside its transaction), or the lockout never
 * triggers.
 *
 * <p>{@link Builder#readsFrom(DataSource)} sends the reports (the use cases that run as a
 * {@code UnitOfWork.inStaleTolerantRead}: the support report, tickets at risk, sales totals and top customers, the
 * loyalty ranking, feedback statistics, daily login activity; ADR 14) to a read replica. Every write, every read
 * inside a write, and every other read stays on the primary data source.
 */
public final class MyBatisCrmPersistence implements CrmPersistence {
    private final MyBatisUnitOfWork unitOfWork;
    private final MyBatisCustomerRepository customers;
    private final MyBatisAuditLog auditLog;
    private final MyBatisDepartmentRepository departments;
    private final MyBatisStaffRepository staff;
    private final MyBatisAccountRepository accounts;
    private final MyBatisPasswordResetTokenRepository resetTokens;
    private final MyBatisAccessLog accessLog;
    private final MyBatisCategoryRepository categories;
    private final MyBatisProductRepository products;
    private final MyBatisPurchaseRepository purchases;
    private final MyBatisLoyaltyRepository loyalty;
    private final org.crmkit.persistence.mybatis.internal.quote.MyBatisQuoteRepository quotes;
    private final org.crmkit.persistence.mybatis.internal.lead.MyBatisLeadRepository leads;
    private final org.crmkit.persistence.mybatis.internal.interaction.MyBatisInteractionRepository interactions;
    private final MyBatisTaskRepository tasks;
    private final MyBatisFeedbackRepository feedback;
    private final org.crmkit.persistence.mybatis.internal.ticket.MyBatisTicketRepository tickets;
    private final Ports ports;

    private MyBatisCrmPersistence(SqlSessionFactory sessions, SqlSessionFactory replicaSessions) {
        this.unitOfWork = new MyBatisUnitOfWork(sessions, replicaSessions);
        this.customers = new MyBatisCustomerRepository(unitOfWork);
        this.auditLog = new MyBatisAuditLog(unitOfWork);
        this.departments = new MyBatisDepartmentRepository(unitOfWork);
        this.staff = new MyBatisStaffRepository(unitOfWork);
        this.accounts = new MyBatisAccountRepository(unitOfWork);
        this.resetTokens = new MyBatisPasswordResetTokenRepository(unitOfWork);
        this.accessLog = new MyBatisAccessLog(unitOfWork);
        this.categories = new MyBatisCategoryRepository(unitOfWork);
        this.products = new MyBatisProductRepository(unitOfWork);
        this.purchases = new MyBatisPurchaseRepository(unitOfWork);
        this.loyalty = new MyBatisLoyaltyRepository(unitOfWork);
        this.quotes = new org.crmkit.persistence.mybatis.internal.quote.MyBatisQuoteRepository(unitOfWork);
        this.leads = new org.crmkit.persistence.mybatis.internal.lead.MyBatisLeadRepository(unitOfWork);
        this.interactions = new org.crmkit.persistence.mybatis.internal.interaction.MyBatisInteractionRepository(unitOfWork);
        this.tasks = new MyBatisTaskRepository(unitOfWork);
        this.feedback = new MyBatisFeedbackRepository(unitOfWork);
        this.tickets = new org.crmkit.persistence.mybatis.internal.ticket.MyBatisTicketRepository(unitOfWork);
        this.ports = Ports.builder()
                .add(AuditLog.class, auditLog)
                .add(IdempotencyKeys.class, new MyBatisIdempotencyKeys(unitOfWork))
                .add(CustomerRepository.class, customers)
                .add(org.crmkit.core.customer.port.out.ContactVerificationRepository.class,
                        new org.crmkit.persistence.mybatis.internal.customer.MyBatisContactVerificationRepository(
                                unitOfWork))
                .add(DepartmentRepository.class, departments)
                .add(StaffRepository.class, staff)
                .add(AccountRepository.class, accounts)
                .add(PasswordResetTokenRepository.class, resetTokens)
                .add(AccessLog.class, accessLog)
                .add(SecondFactorRepository.class, new MyBatisSecondFactorRepository(unitOfWork))
                .add(CategoryRepository.class, categories)
                .add(ProductRepository.class, products)
                .add(PurchaseRepository.class, purchases)
                .add(LoyaltyRepository.class, loyalty)
                .add(org.crmkit.core.quote.port.out.QuoteRepository.class, quotes)
                .add(org.crmkit.core.lead.port.out.LeadRepository.class, leads)
                .add(org.crmkit.core.interaction.port.out.InteractionRepository.class, interactions)
                .add(TaskRepository.class, tasks)
                .add(org.crmkit.core.feedback.port.out.FeedbackRepository.class, feedback)
                .add(org.crmkit.core.ticket.port.out.TicketRepository.class, tickets)
                .build();
    }

    /** @param dataSource the host's data source @return a builder */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Brings crmkit's schema up to date on a data source of its own, for example the schema owner's in a deployment
     * step, while the application builds its adapter with {@code migrate(false)} on a user without DDL rights.
     *
     * @param ownerDataSource a data source allowed to create and alter crmkit's tables
     * @return how many migrations were applied
     * @throws org.crmkit.core.shared.PersistenceFailureException when a migration fails
     */
    public static int migrate(DataSource ownerDataSource) {
        return Migrations.migrate(ownerDataSource);
    }

    /**
     * For hosts in {@link Builder#hostManagedTransactions()} mode, whose own commit carries crmkit's writes: turns
     * what that commit threw (the driver's {@code SQLException}, or any exception with one among its causes, such as
     * Spring's {@code TransactionSystemException}) into crmkit's exception, as crmkit's own commit would: a lost
     * connection is {@code outcome_unknown} (the change may be stored), a deadlock or refused certification is
     * {@code concurrent_write} (nothing stored, safe to retry), anything else a persistence failure whose cause keeps
     * the stack trace but not the driver's message (which may quote personal data).
     *
     * @param commitFailure what the host's commit threw
     * @return the exception to throw instead
     */
    public static CrmException translateCommitFailure(RuntimeException commitFailure) {
        return SqlErrors.translateCommit(
                Objects.requireNonNull(commitFailure, "commitFailure"));
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public <P> Optional<P> port(Class<P> type) {
        return ports.find(type);
    }

    /** Configures a {@link MyBatisCrmPersistence}. */
    public static final class Builder {
        private final DataSource dataSource;
        private DataSource replica;
        private boolean migrate = true;
        private TransactionFactory transactionFactory = new JdbcTransactionFactory();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * @param migrate whether {@link #build()} brings the schema up to date (default {@code true}); switch off when
         *                the host runs crmkit's scripts ({@code classpath:db/crmkit/migration}) itself
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Joins the transaction the host manages on the data source's connections instead of committing crmkit's own.
         *
         * @return this builder
         */
        public Builder hostManagedTransactions() {
            this.transactionFactory = new ManagedTransactionFactory();
            return this;
        }

        /**
         * Sends the reports to a read replica of the primary data source: the use cases that tolerate data a little
         * behind the latest commits (ADR 14) read there, in read-only transactions crmkit commits itself (also when
         * the host manages the primary's transactions: a replica takes no part in them). The caller is still
         * authorized on the primary, and every write and every other read stays there. A report may miss what was
         * committed on the primary within the replica's lag. The replica is never migrated: replication brings the
         * schema (grant the application's replica user {@code SELECT} only).
         *
         * @param replicaDataSource a data source on a replica of the primary's schema
         * @return this builder
         */
        public Builder readsFrom(DataSource replicaDataSource) {
            this.replica = Objects.requireNonNull(replicaDataSource, "replicaDataSource");
            return this;
        }

        /** @return the adapter, with the schema migrated unless switched off */
        public MyBatisCrmPersistence build() {
            if (migrate) {
                Migrations.migrate(dataSource);
            }
            SqlSessionFactory replicaSessions = replica == null ? null
                    : sessions(new Environment("crmkit-replica", new JdbcTransactionFactory(), replica));
            return new MyBatisCrmPersistence(sessions(new Environment("crmkit", transactionFactory, dataSource)),
                    replicaSessions);
        }

        private static SqlSessionFactory sessions(Environment environment) {
            Configuration configuration = new Configuration(environment);
            // MyBatis' statement logging would print parameters, that is personal data: off, whatever the host's levels
            configuration.setLogImpl(NoLoggingImpl.class);
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setCacheEnabled(false);
            configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
            configuration.setObjectFactory(new RowObjectFactory());
            configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
            configuration.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
            configuration.addMappers("org.crmkit.persistence.mybatis", Object.class);
            return new SqlSessionFactoryBuilder().build(configuration);
        }
    }
}
