package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.persistence.mybatis.testing.CountingDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The access log's retention on MySQL (issue 18, finding 3): a run blanks the address and user agent of every entry
 * older than the retention in batches, keeps the rows, and finds what is left to blank through
 * {@code ix_crm_access_log_context} (V19), whose key is NULL once an entry is blank: a later run never walks the
 * years of entries blanked before.
 */
class AccessLogRetentionOnMySqlIT {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** The retention's statement as the adapter sends it, with a batch of 500. */
    private static final String RETENTION = "UPDATE crm_access_log FORCE INDEX (ix_crm_access_log_context) SET"
            + " source_address = NULL, user_agent = NULL WHERE context_held_at < ? ORDER BY context_held_at, id"
            + " LIMIT 500";

    @Test
    void aRunBlanksEveryOldEntryInBatchesAndKeepsTheRows() throws Exception {
        MyBatisCrmPersistence persistence = TestDatabase.get().emptyPersistence();
        List<AccessLogEntry> old = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            old.add(entry(NOW.minus(Duration.ofDays(91)).plusSeconds(i)));
        }
        AccessLogEntry recent = entry(NOW.minus(Duration.ofDays(89)));
        AccessLog log = persistence.port(AccessLog.class).orElseThrow();
        persistence.unitOfWork().inTransaction(() -> {
            old.forEach(log::append);
            log.append(recent);
        });
        CountingDataSource counting = new CountingDataSource(TestDatabase.get().dataSource());
        Crm crm = Crm.builder().persistence(MyBatisCrmPersistence.builder(counting).migrate(false).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        long blanked = crm.accounts().expireAccessContext(Actor.system("retention"),
                new ExpireAccessContextCommand(NOW));

        assertThat(blanked).isEqualTo(1_100);
        assertThat(counting.reads()).filteredOn(r -> r.sql().startsWith("UPDATE crm_access_log")).hasSize(3)
                .allSatisfy(r -> assertThat(r.sql()).isEqualTo(RETENTION.replace("500", "?")));
        assertThat(count("SELECT COUNT(*) FROM crm_access_log")).isEqualTo(1_101);
        assertThat(count("SELECT COUNT(*) FROM crm_access_log WHERE source_address IS NOT NULL"
                + " OR user_agent IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM crm_access_log WHERE context_held_at IS NOT NULL")).isEqualTo(1);
        assertThat(crm.accounts().expireAccessContext(Actor.system("retention"),
                new ExpireAccessContextCommand(NOW))).isZero();
        assertThat(nextRunsKey()).as("a later run reads the entries still to blank by the index, not the blank ones")
                .isEqualTo("ix_crm_access_log_context");
    }

    /**
     * @return the key the server reads the retention's UPDATE by, once most entries are blank and before the table's
     *         statistics caught up (EXPLAIN; without the adapter's index hint MariaDB 11.4 chose the primary key)
     */
    private static String nextRunsKey() throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN " + RETENTION)) {
            explain.setTimestamp(1, Timestamp.from(NOW.minus(Duration.ofDays(90))));
            try (ResultSet rs = explain.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString("key");
            }
        }
    }

    private static AccessLogEntry entry(Instant at) {
        return new AccessLogEntry(UuidV7.next(Clock.fixed(at, ZoneOffset.UTC)), at, AccessEvent.LOGIN,
                AccessOutcome.UNKNOWN_ACCOUNT, null, null, "198.51.100.1", "curl/8");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
