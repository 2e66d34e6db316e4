package org.crmkit.benchmarks;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.MysqlDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.persistence.mybatis.testing.TestDatabase;

/**
 * The MySQL-compatible server of the benchmarks: the tests' {@link TestDatabase} (an embedded MariaDB, or the server
 * at {@code CRM_TEST_JDBC_URL}), reached through connection pools as a host would reach it, one per setting of
 * Connector/J's {@code rewriteBatchedStatements}, and through an unpooled connection for housekeeping (emptying
 * tables, reading the server's counters) that is never timed.
 */
final class Server {
    /** The server's counters read around each timed step: statements sent and rows touched. */
    static final List<String> COUNTERS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_commit", "Com_set_option", "Handler_write", "Rows_read");
    private static final Pattern REWRITE = Pattern.compile("([?&])rewriteBatchedStatements=[^&]*");

    private final TestDatabase database;
    private final MysqlDataSource base;

    private Server(TestDatabase database) {
        this.database = database;
        if (!(database.dataSource() instanceof MysqlDataSource mysql)) {
            throw new IllegalStateException("TestDatabase no longer hands out a MysqlDataSource");
        }
        this.base = mysql;
    }

    /** @return the tests' server, started on first use */
    static Server start() {
        return new Server(TestDatabase.get());
    }

    /** @return the tests' database */
    TestDatabase database() {
        return database;
    }

    /**
     * @param rewriteBatchedStatements the driver setting
     * @return a pool of four connections to the server with that setting, otherwise the tests' URL and the driver
     *         options of {@code -Dcrmkit.bench.driverOptions} ({@code name=value&...}), if given
     */
    HikariDataSource pool(boolean rewriteBatchedStatements) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-rewrite-" + (rewriteBatchedStatements ? "on" : "off"));
        String options = System.getProperty("crmkit.bench.driverOptions", "").strip();
        String url = withRewrite(base.getUrl(), rewriteBatchedStatements);
        // more Connector/J settings for both the use case's pool and the plain JDBC insert, as a host would set them
        config.setJdbcUrl(options.isEmpty() ? url : url + "&" + options);
        config.setUsername(base.getUser());
        config.setPassword(base.getPassword());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        return new HikariDataSource(config);
    }

    /** @return the URL with {@code rewriteBatchedStatements} set to the value, added when absent */
    static String withRewrite(String url, boolean value) {
        Matcher m = REWRITE.matcher(url);
        if (m.find()) {
            return m.replaceFirst("$1rewriteBatchedStatements=" + value);
        }
        return url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=" + value;
    }

    /**
     * @param connection a connection of one of the pools
     * @return the driver's {@code rewriteBatchedStatements} on that connection
     * @throws SQLException on failure
     */
    static boolean rewrites(Connection connection) throws SQLException {
        return connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue();
    }

    /** @return an unpooled connection for housekeeping @throws SQLException on failure */
    Connection admin() throws SQLException {
        return base.getConnection();
    }

    /** @return the server's version string */
    String version() {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@link #COUNTERS} now */
    Map<String, Long> counters() {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("','", COUNTERS) + "')")) {
            Map<String, Long> read = new LinkedHashMap<>();
            while (rs.next()) {
                read.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
            for (String name : COUNTERS) {
                values.put(name, read.getOrDefault(name.toLowerCase(Locale.ROOT), -1L));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /**
     * @param before counters read before a step
     * @param after  counters read after it
     * @return what the step added to each (the reading of {@code after} itself adds one statement)
     */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        before.forEach((name, value) -> d.put(name, after.get(name) - value));
        return d;
    }
}
