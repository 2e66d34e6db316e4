package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code hostManagedTransactions()}, crmkit's writes commit or roll back with the transaction the host holds
 * on its connection, as with Spring's {@code TransactionAwareDataSourceProxy}. The host's data source here hands
 * out its one transactional connection and ignores close, as such proxies do.
 */
class HostManagedTransactionIT {
    private final Actor staff = Actor.staff(StaffId.next(Clock.systemUTC()), Set.of(Role.SALES_REP));

    @BeforeEach
    void emptyDatabaseButForTheStaffUser() {
        TestStaff.enrol(Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build(), staff);
    }

    @Test
    void crmkitsWritesRollBackWithTheHostsTransaction() throws Exception {
        try (Connection host = TestDatabase.get().dataSource().getConnection()) {
            host.setAutoCommit(false);
            Crm crm = crmOn(host);
            crm.customers().register(staff, command("host-rollback@example.org"));
            assertThat(count(host, "crm_customer")).as("visible inside the host's transaction").isEqualTo(1);
            host.rollback();
        }
        assertThat(countCommitted("crm_customer")).isZero();
        assertThat(countCommitted("crm_audit_entry")).isZero();
    }

    @Test
    void crmkitsWritesCommitWithTheHostsTransaction() throws Exception {
        try (Connection host = TestDatabase.get().dataSource().getConnection()) {
            host.setAutoCommit(false);
            crmOn(host).customers().register(staff, command("host-commit@example.org"));
            assertThat(countCommitted("crm_customer")).as("not visible before the host commits").isZero();
            host.commit();
        }
        assertThat(countCommitted("crm_customer")).isEqualTo(1);
        assertThat(countCommitted("crm_audit_entry")).isEqualTo(1);
    }

    @Test
    void theBulkImportRefusesToRunInTheHostsTransaction() throws Exception {
        try (Connection host = TestDatabase.get().dataSource().getConnection()) {
            host.setAutoCommit(false);
            Crm crm = crmOn(host);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> crm.sales().importSales(
                    Actor.system("host-import"), org.crmkit.core.sales.port.in.SalesImportOptions.strict("shop", "EUR"),
                    java.util.List.of(), (read, imported, rejected) -> { }))
                    .isInstanceOfSatisfying(org.crmkit.core.shared.BusinessRuleViolationException.class,
                            e -> assertThat(e.code()).isEqualTo("import_needs_own_transactions"));
            host.rollback();
        }
        assertThat(countCommitted("crm_audit_entry")).isZero();
    }

    private static Crm crmOn(Connection host) {
        return Crm.builder().persistence(MyBatisCrmPersistence.builder(new BoundDataSource(host)).migrate(false)
                .hostManagedTransactions().build()).build();
    }

    private static RegisterCustomerCommand command(String email) {
        return new RegisterCustomerCommand("Host", "Managed", email, null, null, null, null, CustomerSource.OTHER,
                null, false);
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long countCommitted(String table) throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection()) {
            return count(c, table);
        }
    }

    /** The host's transaction-bound data source: always the same connection; closing it is the host's business. */
    private record BoundDataSource(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
