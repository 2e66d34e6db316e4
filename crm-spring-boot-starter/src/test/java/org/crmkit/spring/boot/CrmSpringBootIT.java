package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerEvents.CustomerRegistered;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The starter in a Spring Boot application on the embedded MariaDB: the auto-configured {@code Crm} works, its writes
 * commit or roll back with the application's {@code @Transactional} method together with the application's own,
 * and its events reach {@code @EventListener}s after commit only.
 */
@SpringBootTest(classes = CrmSpringBootIT.HostApplication.class,
        properties = {"crmkit.lockout.max-failures=2", "spring.main.banner-mode=off"})
class CrmSpringBootIT {
    private static final Actor SYSTEM = Actor.system("spring-boot-it");

    @Autowired
    private Crm crm;
    @Autowired
    private HostService host;
    @Autowired
    private HostListener listener;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private HealthIndicator crmkitHealthIndicator;

    @BeforeEach
    void emptyStores() {
        TestDatabase.get().emptyPersistence();
        jdbc.execute("CREATE TABLE IF NOT EXISTS host_note (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100))");
        jdbc.update("DELETE FROM host_note");
        listener.received.clear();
    }

    @Test
    void theCrmBeanWorksOnTheApplicationsDataSourceAndIsHealthy() {
        CustomerView ada = crm.customers().register(SYSTEM, command("ada@example.com"));

        assertThat(crm.customers().findById(SYSTEM, ada.id())).map(CustomerView::id).contains(ada.id());
        assertThat(committed("crm_customer")).isEqualTo(1);
        assertThat(crmkitHealthIndicator.health(false).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void crmkitsWritesAndTheHostsCommitTogether() {
        CustomerView registered = host.registerAndNote(command("commit@example.com"), false);

        assertThat(committed("host_note")).isEqualTo(1);
        assertThat(committed("crm_customer")).isEqualTo(1);
        assertThat(committed("crm_audit_entry")).isEqualTo(1);
        assertThat(listener.received).extracting(Received::customerId).containsExactly(registered.id());
        assertThat(listener.received.get(0).customersCommittedThen()).as("heard after the commit").isEqualTo(1);
    }

    @Test
    void crmkitsWritesAndTheHostsRollBackTogetherAndNoEventIsHeard() {
        assertThatThrownBy(() -> host.registerAndNote(command("rollback@example.com"), true))
                .isInstanceOf(IllegalStateException.class).hasMessage("the host changed its mind");

        assertThat(committed("host_note")).isZero();
        assertThat(committed("crm_customer")).isZero();
        assertThat(committed("crm_audit_entry")).isZero();
        assertThat(listener.received).isEmpty();
    }

    @Test
    void aCallOutsideAnyTransactionRunsInOneOfItsOwnAndIsHeardAfterItsCommit() {
        CustomerView registered = crm.customers().register(SYSTEM, command("alone@example.com"));

        assertThat(listener.received).extracting(Received::customerId).containsExactly(registered.id());
        assertThat(listener.received.get(0).customersCommittedThen()).isEqualTo(1);
    }

    @Test
    void theLockoutPropertyReachesCrmkitAndFailedLoginsAreCountedOutsideATransaction() {
        String password = "a long and unusual passphrase " + UUID.randomUUID();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Grace", "Admin", "admin@example.com", password));
        AccessContext from = new AccessContext("127.0.0.1", "CrmSpringBootIT");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> crm.accounts().authenticate("admin@example.com", "wrong " + password, from))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThatThrownBy(() -> crm.accounts().authenticate("admin@example.com", password, from))
                .as("crmkit.lockout.max-failures=2 locked the account").isInstanceOf(AuthenticationFailedException.class);
    }

    private static RegisterCustomerCommand command(String email) {
        return RegisterCustomerCommand.builder().firstName("Ada").lastName("Lovelace").email(email)
                .source(CustomerSource.OTHER).build();
    }

    /** Counts the committed rows, on a connection of its own outside every transaction. */
    static long committed(String table) {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A host application: its DataSource is the test database; everything else is auto-configured. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
        @Bean
        DataSource dataSource() {
            return TestDatabase.get().dataSource();
        }

        @Bean
        PasswordHasher fastPasswordHasher() {
            return Pbkdf2PasswordHasher.withIterations(1_000);
        }

        @Bean
        HostService hostService(Crm crm, JdbcTemplate jdbc) {
            return new HostService(crm, jdbc);
        }

        @Bean
        HostListener hostListener() {
            return new HostListener();
        }
    }

    /** A service of the host that writes its own row and calls crmkit in one transaction. */
    static class HostService {
        private final Crm crm;
        private final JdbcTemplate jdbc;

        HostService(Crm crm, JdbcTemplate jdbc) {
            this.crm = crm;
            this.jdbc = jdbc;
        }

        @Transactional
        public CustomerView registerAndNote(RegisterCustomerCommand command, boolean thenFail) {
            jdbc.update("INSERT INTO host_note (text) VALUES (?)", "registered a customer");
            CustomerView registered = crm.customers().register(SYSTEM, command);
            if (thenFail) {
                throw new IllegalStateException("the host changed its mind");
            }
            return registered;
        }
    }

    /** What a listener heard, and how many customers were committed when it heard it. */
    record Received(CustomerId customerId, long customersCommittedThen) {
    }

    /** The host's listener of crmkit's events. */
    static class HostListener {
        final List<Received> received = new CopyOnWriteArrayList<>();

        @EventListener
        public void on(CustomerRegistered event) {
            received.add(new Received(event.customerId(), committed("crm_customer")));
        }
    }
}
