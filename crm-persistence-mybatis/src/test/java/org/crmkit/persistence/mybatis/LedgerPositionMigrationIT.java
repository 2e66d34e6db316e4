package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crmkit.persistence.mybatis.internal.support.Migrations;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * V14 (issue 17, finding 11) on a schema that holds ledgers: every existing entry is numbered in the order it was
 * posted (its id, a UUIDv7 drawn when it was posted, compared as bytes), whatever its time, per customer; each account's last position is its
 * ledger's highest (0 for an empty one); and from then on the database refuses a second entry at a position.
 */
class LedgerPositionMigrationIT {
    private static final String SCHEMA = "crmkit_v14";

    @AfterAll
    static void dropTheSchema() throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    @Test
    void existingEntriesAreNumberedInPostingOrderPerCustomerAndAccountsCarryTheirLastPosition() throws SQLException {
        DataSource schema = freshSchema();
        Flyway.configure(getClass().getClassLoader()).dataSource(schema).locations(Migrations.LOCATION)
                .table(Migrations.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").target("13").load()
                .migrate();
        UUID ada = new UUID(0x0190_0000_0000_7000L, 1);
        UUID bob = new UUID(0x0190_0000_0000_7000L, 2);
        UUID empty = new UUID(0x0190_0000_0000_7000L, 3);
        // ids chosen so that the byte order (the posting order) differs from the signed order, from the order of
        // insertion and from the order in time: tieHigh was posted last although back-dated
        UUID late = new UUID(0x8190_0000_0000_7000L, 1);
        UUID tieLow = new UUID(0x0190_0000_0000_7000L, 10);
        UUID tieHigh = new UUID(0xF190_0000_0000_7000L, 11);
        UUID early = new UUID(0x0190_0000_0000_7000L, 12);
        UUID bobs = new UUID(0x0190_0000_0000_7000L, 13);
        try (Connection c = schema.getConnection(); Statement s = c.createStatement()) {
            // the accounts' customers are not what this is about
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (UUID customer : List.of(ada, bob, empty)) {
                account(c, customer);
            }
            entry(c, late, ada, "2026-02-03 10:00:00.000000", 30);
            entry(c, tieHigh, ada, "2026-02-02 10:00:00.000000", 20);
            entry(c, tieLow, ada, "2026-02-02 10:00:00.000000", 10);
            entry(c, early, ada, "2026-02-01 10:00:00.000001", 5);
            entry(c, bobs, bob, "2026-01-01 00:00:00.000000", 7);
        }

        assertThat(MyBatisCrmPersistence.migrate(schema)).as("V14 and what follows it").isPositive();

        try (Connection c = schema.getConnection()) {
            assertThat(positions(c)).containsExactly(
                    Map.entry(tieLow, 1L), Map.entry(early, 2L), Map.entry(late, 3L), Map.entry(tieHigh, 4L),
                    Map.entry(bobs, 1L));
            assertThat(lastPositions(c)).containsExactly(Map.entry(ada, 4L), Map.entry(bob, 1L),
                    Map.entry(empty, 0L));
            c.createStatement().execute("SET FOREIGN_KEY_CHECKS = 0");
            assertThatThrownBy(() -> entry(c, new UUID(0x0190_0000_0000_7000L, 99), ada, "2026-03-01 00:00:00",
                    1, 4)).isInstanceOf(SQLException.class).hasMessageContaining("uq_crm_loyalty_entry__position");
        }
    }

    private static DataSource freshSchema() throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
        }
        if (!(TestDatabase.get().dataSource() instanceof MysqlDataSource base)) {
            throw new IllegalStateException("the test database is not reached through Connector/J");
        }
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(base.getUrl().replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + SCHEMA));
        ds.setUser(base.getUser());
        ds.setPassword(base.getPassword());
        return ds;
    }

    private static void account(Connection c, UUID customer) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_loyalty_account (customer_id, version,"
                + " opened_at, balance, lifetime_earned, lifetime_redeemed, last_redemption_at, shortfall, tier,"
                + " earned_in_window, tier_evaluated_at, opening_id) VALUES (?, 0, '2026-01-01', 0, 0, 0, NULL, 0,"
                + " 'BRONZE', 0, '2026-01-01', ?)")) {
            p.setBytes(1, bytes(customer));
            p.setBytes(2, bytes(UUID.randomUUID()));
            p.executeUpdate();
        }
    }

    /** An adjustment (no reference needed) at that time; before V14 without a position. */
    private static void entry(Connection c, UUID id, UUID customer, String at, long points) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_loyalty_entry (id, customer_id, kind, points,"
                + " shortfall_change, earned, balance_after, occurred_at, reference, description, earned_at)"
                + " VALUES (?, ?, 'ADJUST', ?, 0, 0, ?, ?, NULL, 'before V14', NULL)")) {
            p.setBytes(1, bytes(id));
            p.setBytes(2, bytes(customer));
            p.setLong(3, points);
            p.setLong(4, points);
            p.setString(5, at);
            p.executeUpdate();
        }
    }

    private static void entry(Connection c, UUID id, UUID customer, String at, long points, long position)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_loyalty_entry (id, customer_id, position,"
                + " kind, points, shortfall_change, earned, balance_after, occurred_at, reference, description,"
                + " earned_at) VALUES (?, ?, ?, 'ADJUST', ?, 0, 0, ?, ?, NULL, 'after V14', NULL)")) {
            p.setBytes(1, bytes(id));
            p.setBytes(2, bytes(customer));
            p.setLong(3, position);
            p.setLong(4, points);
            p.setLong(5, points);
            p.setString(6, at);
            p.executeUpdate();
        }
    }

    private static Map<UUID, Long> positions(Connection c) throws SQLException {
        Map<UUID, Long> positions = new LinkedHashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT id, position FROM crm_loyalty_entry ORDER BY customer_id, position")) {
            while (rs.next()) {
                positions.put(uuid(rs.getBytes(1)), rs.getLong(2));
            }
        }
        return positions;
    }

    private static Map<UUID, Long> lastPositions(Connection c) throws SQLException {
        Map<UUID, Long> last = new LinkedHashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT customer_id, last_position FROM crm_loyalty_account ORDER BY customer_id")) {
            while (rs.next()) {
                last.put(uuid(rs.getBytes(1)), rs.getLong(2));
            }
        }
        return last;
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
