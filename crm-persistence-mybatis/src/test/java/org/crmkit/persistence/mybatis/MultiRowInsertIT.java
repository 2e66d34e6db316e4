package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.persistence.mybatis.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bulk inserts ({@link MultiRowInsert}, here through {@code AuditLog.appendAll}) on the MySQL-compatible server,
 * with the driver rewriting batches and without: every row arrives as given, around the {@value MultiRowInsert#CHUNK}
 * rows of a statement, and each way sends the number of {@code INSERT}s it is meant to (the driver's multi-row
 * rewrite of one batch, or one statement per chunk of its own).
 */
class MultiRowInsertIT {
    private static final Clock CLOCK = Clock.systemUTC();

    @ParameterizedTest(name = "{0} rows, rewriteBatchedStatements={1}")
    @CsvSource({
            "1, true", "499, true", "500, true", "501, true", "1001, true",
            "1, false", "499, false", "500, false", "501, false", "1001, false"})
    void everyRowArrivesInTheStatementsOfItsWay(int rows, boolean rewrite) throws SQLException {
        TestDatabase database = TestDatabase.get();
        database.emptyPersistence();
        DataSource dataSource = database.dataSource(rewrite);
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource).migrate(false).build();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            entries.add(AuditEntry.of(CLOCK, Actor.system("bulk-test"), "bulk.row-" + i, "thing",
                    UUID.randomUUID(), i % 2 == 0 ? AuditOutcome.SUCCESS : AuditOutcome.DENIED));
        }

        long insertsBefore = inserts(dataSource);
        persistence.unitOfWork().inTransaction((Runnable) () -> persistence.auditLog().appendAll(entries));
        long inserts = inserts(dataSource) - insertsBefore;

        Map<UUID, AuditEntry> stored = new HashMap<>();
        persistence.unitOfWork().inTransaction((Runnable) () -> entries.forEach(e -> persistence.auditLog()
                .findByTarget("thing", e.targetId()).forEach(found -> stored.put(found.id(), found))));
        assertThat(stored).hasSize(rows);
        entries.forEach(e -> assertThat(stored.get(e.id())).isEqualTo(e));
        // the driver rewrites one batch into as few statements as the packet allows (here one); without it, one
        // statement per chunk of 500 rows
        assertThat(inserts).isEqualTo(rewrite ? 1 : (rows + MultiRowInsert.CHUNK - 1) / MultiRowInsert.CHUNK);
    }

    /** @return the server's count of INSERT statements so far (every session's: the ITs run one at a time) */
    private static long inserts(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
