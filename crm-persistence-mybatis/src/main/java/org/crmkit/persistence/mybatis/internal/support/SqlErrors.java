package org.crmkit.persistence.mybatis.internal.support;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.PersistenceFailureException;

/**
 * Turns every exception from MyBatis or the driver into a {@link CrmException}, so hosts never see one. A duplicate
 * key becomes a {@link ConflictException} naming the field: unique indexes are named {@code uq_<table>__<field>}. A
 * deadlock or lock-wait timeout (and so a Galera certification failure, which the server reports as a deadlock) or
 * TiDB's write conflict (9007) becomes a {@code concurrent_write} conflict; everything else a
 * {@link PersistenceFailureException} (a Galera node that is not serving, 1047, says so and is retriable). A commit
 * that fails with 1180 ("error during COMMIT") is {@code outcome_unknown}. The driver's message is never copied,
 * because it may quote the duplicate value (personal data).
 */
public final class SqlErrors {
    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    /** Galera: the node is not synced with its cluster and serves no statement ("WSREP has not yet prepared node"). */
    private static final int ER_UNKNOWN_COM_ERROR = 1047;
    /**
     * "Got error N during COMMIT". On Galera a commit fails so when the node lost its cluster while the write set was
     * being replicated (error 6): the rest of the cluster may have ordered and committed it, so the outcome is not
     * known; and when the write set is over {@code wsrep_max_ws_size} / {@code wsrep_max_ws_rows} (error 90 or 5),
     * which a retry meets again. Neither is a conflict a plain retry resolves.
     */
    private static final int ER_ERROR_DURING_COMMIT = 1180;
    /** TiDB's optimistic transactions: another transaction wrote the same row first ("Write conflict"). */
    private static final int TIDB_WRITE_CONFLICT = 9007;
    /** The key name the server quotes last, after the (possibly personal) duplicate value. */
    private static final Pattern UNIQUE_INDEX = Pattern.compile("for key '(?:[a-z_]+\\.)?uq_(crm_[a-z_]+?)__([A-Za-z]+)'$");

    private SqlErrors() {
    }

    /**
     * @param e       what MyBatis or the driver threw
     * @param context what was being done, ids only
     * @return the exception to throw instead
     */
    public static CrmException translate(RuntimeException e, String context) {
        if (e instanceof CrmException crm) {
            return crm;
        }
        SQLException sql = findSqlException(e);
        if (sql != null && sql.getErrorCode() == ER_DUP_ENTRY) {
            Matcher m = UNIQUE_INDEX.matcher(String.valueOf(sql.getMessage()).strip());
            if (m.find()) {
                return ConflictException.duplicate(m.group(1).substring("crm_".length()), m.group(2), null);
            }
            return ConflictException.duplicate("record", "id", null);
        }
        if (sql != null && (sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                || sql.getErrorCode() == TIDB_WRITE_CONFLICT)) {
            return ConflictException.concurrentWrite(context);
        }
        if (sql != null && sql.getErrorCode() == ER_UNKNOWN_COM_ERROR && "08S01".equals(sql.getSQLState())) {
            return PersistenceFailureException.unavailable(context + " failed: the database node is not serving (SQL"
                    + " state " + sql.getSQLState() + "/" + sql.getErrorCode() + "); nothing was written, retry later or"
                    + " on another node", withheld(e));
        }
        if (sql != null && sql.getErrorCode() == ER_ERROR_DURING_COMMIT) {
            return errorDuringCommit(sql, e);
        }
        String state = sql == null ? "n/a" : sql.getSQLState() + "/" + sql.getErrorCode();
        return new PersistenceFailureException(context + " failed (SQL state " + state + ")", withheld(e));
    }

    /**
     * Translates a failed commit. When the connection broke (SQL state class {@code 08}), the COMMIT may have
     * reached the server and been carried out before the acknowledgement was lost: the outcome is unknown, and the
     * caller must not take it for a failure. Anything else the server answered (a deadlock, a refused certification)
     * rolled the transaction back, and translates as any failure does.
     *
     * @param e what MyBatis or the driver threw
     * @return the exception to throw instead
     */
    public static CrmException translateCommit(RuntimeException e) {
        SQLException sql = findSqlException(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return PersistenceFailureException.outcomeUnknown("the connection was lost while committing (SQL state "
                    + sql.getSQLState() + "): the change may or may not be stored", withheld(e));
        }
        if (sql != null && sql.getErrorCode() == ER_ERROR_DURING_COMMIT) {
            return errorDuringCommit(sql, e);
        }
        return translate(e, "commit");
    }

    private static CrmException errorDuringCommit(SQLException sql, RuntimeException e) {
        return PersistenceFailureException.outcomeUnknown("the database failed during COMMIT (SQL state "
                + sql.getSQLState() + "/" + sql.getErrorCode() + "): the change may or may not be stored (a cluster node"
                + " that lost its cluster while committing), or was too large for the cluster; retry with the same"
                + " idempotency key or expected version", withheld(e));
    }

    /**
     * A stand-in for a driver, MyBatis or Flyway exception as the cause of a {@code CrmException}: its type and
     * stack trace stay for diagnosis, its message (which may quote values) and its own causes do not travel.
     *
     * @param e the original
     * @return the stand-in
     */
    public static RuntimeException withheld(Throwable e) {
        RuntimeException standIn = new RuntimeException(e.getClass().getName() + " (message withheld)");
        standIn.setStackTrace(e.getStackTrace());
        return standIn;
    }

    private static SQLException findSqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
