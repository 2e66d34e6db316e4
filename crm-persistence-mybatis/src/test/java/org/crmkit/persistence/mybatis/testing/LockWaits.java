package org.crmkit.persistence.mybatis.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * What the test server says about its transactions' lock waits, for race tests that must know a second transaction
 * is blocked instead of hoping a sleep was long enough: a sleep also passes when the second thread never started.
 * The tests of one JVM run one after the other, so every waiting transaction the server reports is the calling
 * test's.
 */
public final class LockWaits {
    /** Long enough for a loaded two-core machine; a test that gets here has failed. */
    private static final long TIMEOUT_MILLIS = 30_000;
    /**
     * InnoDB fills its transaction tables from a cache it refreshes only when the last read was more than 100 ms ago
     * (every read counts, so faster polling would read one stale picture for ever).
     */
    private static final long POLL_MILLIS = 120;

    private LockWaits() {
    }

    /**
     * Polls the server until at least {@code count} transactions wait for a row lock.
     *
     * @param count how many waiting transactions to see
     * @throws AssertionError when the server does not show them within the timeout
     */
    public static void awaitWaiting(int count) {
        if (!awaitWaitingOrDone(count, () -> false)) {
            throw new AssertionError("the server never showed " + count + " transaction(s) waiting for a lock");
        }
    }

    /**
     * Polls the server until at least {@code count} transactions wait for a row lock, or until the party that might
     * wait says it finished without waiting (seen at one poll).
     *
     * @param count how many waiting transactions to see
     * @param done  whether the calls that might wait have finished
     * @return whether the waits were seen; {@code false} when {@code done} came first
     * @throws AssertionError when neither happens within the timeout
     */
    public static boolean awaitWaitingOrDone(int count, BooleanSupplier done) {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                boolean finished = done.getAsBoolean();
                if (waiting(s) >= count) {
                    return true;
                }
                if (finished) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            throw new AssertionError("within " + TIMEOUT_MILLIS + " ms, " + count
                    + " transaction(s) neither waited for a lock nor finished; the server's sessions: " + sessions(s));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's transactions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sessions(Statement s) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery("SELECT id, command, state, info FROM information_schema.PROCESSLIST"
                + " WHERE command <> 'Daemon' ORDER BY id")) {
            while (rs.next()) {
                out.append("\n  ").append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(" [")
                        .append(rs.getString(3)).append("] ").append(rs.getString(4));
            }
        }
        return out.toString();
    }

    /**
     * @return how many transactions wait for a row lock now
     */
    public static int waiting() {
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            return waiting(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's transactions", e);
        }
    }

    private static int waiting(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
