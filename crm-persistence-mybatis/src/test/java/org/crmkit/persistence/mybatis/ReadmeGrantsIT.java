package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.persistence.mybatis.internal.support.Migrations;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md's least-privilege MySQL setup works as written: the test reads the grant block out of the guide
 * ({@link ReadmeGrants}), runs it on the test server, migrates as the guide's owner and then runs a use case of
 * every area as the guide's application user ({@link ApplicationUserScenario}). A grant the guide misses fails
 * the scenario's step with the server's "access denied"; a table it leaves out fails
 * {@link #theGrantsNameEveryTableOfTheSchemaButFlywaysHistory()}.
 *
 * <p>The block is adapted to the test server in four ways and no other: schema {@value #SCHEMA} in place of
 * {@code crm} (a schema of its own, created fresh, so that no other test's tables or rows interfere), users
 * {@value #OWNER} and {@value #APP} in place of {@code crm_owner} and {@code crm_app}, the host this test connects
 * from as the server sees it in place of {@code '%'} ({@code 'localhost'} on the embedded MariaDB, whose anonymous
 * {@code ''@'localhost'} would otherwise take the login: docs/embedding.md's "Local users"), and a password of the
 * test's.
 * On a server at {@code CRM_TEST_JDBC_URL}, its user must be allowed to create schemas and users and to grant.
 */
class ReadmeGrantsIT {
    static final String SCHEMA = "crmkit_grants";
    static final String OWNER = "crmkit_grants_owner";
    static final String APP = "crmkit_grants_app";
    /** The server's "command denied" for a table and for a column. */
    private static final List<Integer> ACCESS_DENIED = List.of(1142, 1143);
    private static final String PASSWORD = "grants-" + UUID.randomUUID();

    private static ReadmeGrants grants;
    private static String host;

    @BeforeAll
    static void runTheReadmesGrantsAndMigrateAsItsOwner() throws SQLException {
        grants = ReadmeGrants.read();
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            host = clientHost(s);
            dropSchemaAndUsers(s);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
            run(s, grants.adaptedTo(ReadmeGrants.OWNER, SCHEMA, OWNER, host, PASSWORD));
            assertThat(MyBatisCrmPersistence.migrate(dataSource(OWNER))).as("migrations run as the guide's owner")
                    .isPositive();
            run(s, grants.adaptedTo(ReadmeGrants.APP, SCHEMA, APP, host, PASSWORD));
        }
    }

    @AfterAll
    static void dropTheSchemaAndItsUsers() throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            dropSchemaAndUsers(s);
        }
    }

    @Test
    void theGrantsNameEveryTableOfTheSchemaButFlywaysHistory() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestDatabase.get().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = '" + SCHEMA + "' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).as("the schema after the migrations").contains(Migrations.HISTORY_TABLE);
        tables.remove(Migrations.HISTORY_TABLE);
        assertThat(grants.appPrivileges().keySet())
                .as("the tables docs/embedding.md grants crm_app: every table the migrations create but %s, which only"
                        + " the owner needs", Migrations.HISTORY_TABLE)
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void everyAreaRunsAsTheApplicationUser() {
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource(APP)).migrate(false).build();
        new ApplicationUserScenario(persistence).run();
    }

    @Test
    void theServerRefusesTheApplicationUserWhatTheReadmeKeepsFromIt() throws SQLException {
        try (Connection c = dataSource(APP).getConnection(); Statement s = c.createStatement()) {
            refused(s, "UPDATE crm_audit_entry SET outcome = outcome");
            refused(s, "DELETE FROM crm_access_log");
            refused(s, "UPDATE crm_access_log SET outcome = outcome");
            refused(s, "UPDATE crm_loyalty_entry SET points = points");
            refused(s, "UPDATE crm_loyalty_entry SET reference = reference");
            refused(s, "DELETE FROM crm_loyalty_entry_line");
            refused(s, "UPDATE crm_ticket_history SET kind = kind");
            refused(s, "UPDATE crm_lead_stage_change SET to_stage = to_stage");
            refused(s, "DELETE FROM crm_customer");
            refused(s, "SELECT COUNT(*) FROM " + Migrations.HISTORY_TABLE);
            refused(s, "CREATE TABLE crm_host_table (id INT)");
            refused(s, "ALTER TABLE crm_customer ADD COLUMN extra INT");
        }
    }

    /**
     * @param e what a use case threw
     * @return whether the server refused a statement for want of a privilege, as {@code SqlErrors} reports it
     */
    static boolean accessDenied(RuntimeException e) {
        return e instanceof PersistenceFailureException && ACCESS_DENIED.stream()
                .anyMatch(code -> String.valueOf(e.getMessage()).contains("/" + code + ")"));
    }

    private static void refused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getErrorCode()).as("%s: %s", sql, e.getMessage()).isIn(ACCESS_DENIED));
    }

    private static void run(Statement s, List<String> statements) throws SQLException {
        for (String statement : statements) {
            s.execute(statement);
        }
    }

    private static String clientHost(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', -1)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void dropSchemaAndUsers(Statement s) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        s.execute("DROP USER IF EXISTS '" + OWNER + "'@'" + host + "', '" + APP + "'@'" + host + "'");
    }

    /** @return a data source on {@value #SCHEMA} that logs in as the given test user */
    private static DataSource dataSource(String user) {
        if (!(TestDatabase.get().dataSource() instanceof MysqlDataSource base)) {
            throw new IllegalStateException("the test database is not reached through Connector/J");
        }
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(base.getUrl().replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + SCHEMA));
        ds.setUser(user);
        ds.setPassword(PASSWORD);
        return ds;
    }
}
