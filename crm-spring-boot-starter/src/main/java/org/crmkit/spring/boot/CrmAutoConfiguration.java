package org.crmkit.spring.boot;

import java.time.Clock;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-configures crmkit on the application's single {@link DataSource}: {@link MyBatisCrmPersistence} built with
 * {@code hostManagedTransactions()} on a {@link TransactionAwareDataSourceProxy}, so crmkit's writes (audit entries
 * included) commit or roll back with the application's Spring transaction ({@code @Transactional}); a crmkit call
 * made outside any transaction gets a Spring transaction of its own from the application's
 * {@link PlatformTransactionManager}. Events go out as Spring application events after commit
 * ({@link SpringEventPublisher}).
 *
 * <p>Every bean backs off when the application defines its own: {@link Crm}, {@link CrmPersistence},
 * {@link EventPublisher}, {@link Clock}. Beans of crmkit's other SPI types ({@link AccessPolicy},
 * {@link PasswordHasher}, {@link PasswordPolicy}, {@link PasswordResetNotifier},
 * {@link ContactVerificationNotifier}, {@link ReminderNotifier},
 * {@link SlaBreachNotifier}, {@link CommandValidator}) and configuration types ({@link LoyaltyProgram},
 * {@link LeadScoring}, {@link SupportSla}) are handed to the builder when the application defines one (a
 * {@code LoyaltyProgram} or {@code SupportSla} bean replaces the {@code crmkit.loyalty.*} or {@code crmkit.sla.*}
 * settings), and {@link CrmBuilderCustomizer} beans adjust the rest. Settings: {@link CrmProperties}
 * ({@code crmkit.*}).
 *
 * <p>The bulk import ({@code crm.sales().importSales}) commits batch by batch and so refuses to run on this
 * {@code Crm} ({@code import_needs_own_transactions}); run it on a {@code Crm} whose adapter is built without
 * {@code hostManagedTransactions()}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@EnableConfigurationProperties(CrmProperties.class)
public class CrmAutoConfiguration {

    /** Created by Spring Boot. */
    public CrmAutoConfiguration() {
    }

    /** @return the system clock in UTC, unless the application defines a {@link Clock} */
    @Bean
    @ConditionalOnMissingBean
    public Clock crmClock() {
        return Clock.systemUTC();
    }

    /**
     * @param publisher the application context
     * @return crmkit's events as Spring application events after commit, unless the application defines its own
     *         {@link EventPublisher}
     */
    @Bean
    @ConditionalOnMissingBean
    public EventPublisher crmEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringEventPublisher(publisher);
    }

    /**
     * @param dataSource          the application's data source; crmkit's migrations run on it as it is
     * @param transactionManagers the application's transaction manager on that data source
     * @param properties          {@code crmkit.*}
     * @return the MyBatis adapter joined to Spring's transactions, schema migrated unless {@code crmkit.migrate=false}
     * @throws IllegalStateException when the application has no single {@link PlatformTransactionManager}
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(DataSource.class)
    public CrmPersistence crmPersistence(DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManagers, CrmProperties properties) {
        PlatformTransactionManager transactionManager = transactionManagers.getIfUnique();
        if (transactionManager == null) {
            throw new IllegalStateException("crmkit joins Spring-managed transactions and needs one"
                    + " PlatformTransactionManager on the application's DataSource (Spring Boot's JDBC auto-configuration"
                    + " creates it); define one, or a CrmPersistence bean of your own");
        }
        TransactionAwareDataSourceProxy transactional = dataSource instanceof TransactionAwareDataSourceProxy proxy
                ? proxy : new TransactionAwareDataSourceProxy(dataSource);
        if (properties.isMigrate()) {
            // Flyway's DDL commits on its own connection, outside any Spring transaction
            MyBatisCrmPersistence.migrate(transactional.getTargetDataSource());
        }
        MyBatisCrmPersistence adapter = MyBatisCrmPersistence.builder(transactional)
                .migrate(false)
                .hostManagedTransactions()
                .build();
        return new SpringTransactionPersistence(adapter, new TransactionTemplate(transactionManager));
    }

    /**
     * @param persistence    the adapter
     * @param clock          the clock
     * @param eventPublisher the event publisher
     * @param properties     {@code crmkit.*}
     * @param accessPolicy   the application's policy, if it defines one
     * @param passwordHasher the application's hasher, if any
     * @param passwordPolicy the application's password policy, if any
     * @param resetNotifier  the application's reset token delivery, if any
     * @param verifications the application's contact verification delivery (sign-up, invitations, changes), if any
     * @param reminders      the application's reminder delivery, if any
     * @param breaches       the application's SLA breach notifier, if any
     * @param validator      the application's command validator, if any
     * @param loyalty        the application's loyalty program, if any
     * @param scoring        the application's lead scoring, if any
     * @param sla            the application's SLA, if any
     * @param mfaPolicy      the application's second-factor policy, if any
     * @param customizers    the application's customizers, in order
     * @return the configured {@link Crm}, unless the application defines its own
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CrmPersistence.class)
    public Crm crm(CrmPersistence persistence, Clock clock, EventPublisher eventPublisher, CrmProperties properties,
            ObjectProvider<AccessPolicy> accessPolicy, ObjectProvider<PasswordHasher> passwordHasher,
            ObjectProvider<PasswordPolicy> passwordPolicy, ObjectProvider<PasswordResetNotifier> resetNotifier,
            ObjectProvider<ContactVerificationNotifier> verifications,
            ObjectProvider<ReminderNotifier> reminders, ObjectProvider<SlaBreachNotifier> breaches,
            ObjectProvider<CommandValidator> validator, ObjectProvider<LoyaltyProgram> loyalty,
            ObjectProvider<LeadScoring> scoring, ObjectProvider<SupportSla> sla, ObjectProvider<MfaPolicy> mfaPolicy,
            ObjectProvider<CrmBuilderCustomizer> customizers) {
        Crm.Builder builder = Crm.builder()
                .persistence(persistence)
                .clock(clock)
                .eventPublisher(eventPublisher)
                .passwordResetTokenTtl(properties.getPasswordResetTokenTtl())
                .accessLogRetention(properties.getAccessLogRetention())
                .lockoutPolicy(properties.getLockout().toPolicy())
                .supportSla(properties.getSla().toSla())
                .loyaltyProgram(properties.getLoyalty().toProgram());
        accessPolicy.ifUnique(builder::accessPolicy);
        passwordHasher.ifUnique(builder::passwordHasher);
        passwordPolicy.ifUnique(builder::passwordPolicy);
        resetNotifier.ifUnique(builder::passwordResetNotifier);
        verifications.ifUnique(builder::contactVerificationNotifier);
        reminders.ifUnique(builder::reminderNotifier);
        breaches.ifUnique(builder::slaBreachNotifier);
        validator.ifUnique(builder::validator);
        loyalty.ifUnique(builder::loyaltyProgram);
        scoring.ifUnique(builder::leadScoring);
        sla.ifUnique(builder::supportSla);
        mfaPolicy.ifUnique(builder::mfaPolicy);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
