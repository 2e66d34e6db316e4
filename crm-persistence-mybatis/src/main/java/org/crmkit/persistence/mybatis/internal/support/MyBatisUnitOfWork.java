package org.crmkit.persistence.mybatis.internal.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.spi.ThreadBoundUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work on one MyBatis {@link SqlSession} bound to the calling thread: opened by the outermost
 * transaction, committed when it returns, rolled back when it throws, always closed. Mapper calls translate their
 * exceptions where they happen (see {@link #mapper}), so a use case can react to a {@code ConflictException}
 * inside the transaction; exceptions of the work itself pass unchanged.
 *
 * <p>The transactions of an {@link #inSeries} share one session, so one connection: it is borrowed once, its
 * autocommit switched off once, and the full-size multi-row statements (see {@link MultiRowInsert}) are prepared
 * once, where the driver would otherwise parse their long text in every transaction. Each transaction still commits
 * on its own; a rollback, or a pause of more than a second between two transactions, closes the session, and the
 * next transaction opens a fresh one. With host-managed transactions nothing is kept between transactions.
 *
 * <p>A {@link #inStaleTolerantRead stale-tolerant read} (a report) opens its session on the replica's factory when
 * there is one, on a connection marked read-only, always committing its own (read-only) transaction; every other
 * transaction, and every read inside one, uses the primary's. Whatever the factory, a mapper statement other than a
 * {@code SELECT}, and every multi-row write, is refused inside such a read before it reaches the server.
 */
public final class MyBatisUnitOfWork extends ThreadBoundUnitOfWork<MyBatisUnitOfWork.Held> {
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisUnitOfWork.class);

    private final SqlSessionFactory sessions;
    /** The read replica's sessions, or {@code null}: stale-tolerant reads then run on the primary. */
    private final SqlSessionFactory replicaSessions;

    /** @param sessions the factory whose sessions carry the transactions */
    public MyBatisUnitOfWork(SqlSessionFactory sessions) {
        this(sessions, null);
    }

    /**
     * @param sessions        the primary's factory: every transaction that may write, and every read inside one
     * @param replicaSessions the read replica's factory for stale-tolerant reads, or {@code null} for none
     */
    public MyBatisUnitOfWork(SqlSessionFactory sessions, SqlSessionFactory replicaSessions) {
        this.sessions = sessions;
        this.replicaSessions = replicaSessions;
    }

    /**
     * Returns a mapper bound to the current transaction's session; a call outside a transaction runs in one of its
     * own. Every exception of a mapper call is translated.
     *
     * @param type the mapper interface
     * @param <M>  mapper type
     * @return a proxy that is safe to keep and share between threads
     */
    public <M> M mapper(Class<M> type) {
        return MapperProxy.create(this, type);
    }

    /** A session and the statements kept on its connection while it is open. */
    static final class Held {
        private final SqlSession session;
        /** A replica's session whose connection was marked read-only, to be marked back before it is closed. */
        private final boolean markedReadOnly;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        private Held(SqlSession session, boolean markedReadOnly) {
            this.session = session;
            this.markedReadOnly = markedReadOnly;
        }
    }

    SqlSession session() {
        return currentState().session;
    }

    /** @return whether the current transaction is a stale-tolerant read, where nothing may be written */
    boolean readingStale() {
        return inStaleTolerantReadNow();
    }

    /**
     * @param what the write, for the message
     * @throws IllegalStateException inside a stale-tolerant read, which may run on a replica: crmkit never writes
     *                               there (a bug in crmkit, not a host's error)
     */
    void requireWritable(String what) {
        if (inStaleTolerantReadNow()) {
            throw new IllegalStateException("a write inside a stale-tolerant read: " + what);
        }
    }

    /**
     * A statement of the current transaction's connection kept until its session closes: for the few texts that
     * recur (a full chunk of a multi-row statement), never for texts that vary with the data.
     *
     * @param sql the statement text
     * @return the statement, its parameters to be bound anew; the caller must not close it
     * @throws SQLException when the driver cannot prepare it
     */
    PreparedStatement kept(String sql) throws SQLException {
        Held held = currentState();
        PreparedStatement statement = held.statements.get(sql);
        if (statement == null) {
            Connection connection = held.session.getConnection();
            statement = connection.prepareStatement(sql);
            held.statements.put(sql, statement);
        }
        return statement;
    }

    @Override
    protected boolean controlsTransactions() {
        return !(sessions.getConfiguration().getEnvironment().getTransactionFactory()
                instanceof org.apache.ibatis.transaction.managed.ManagedTransactionFactory);
    }

    @Override
    protected boolean keepsStateBetweenTransactions() {
        // a session whose transactions the host manages cannot commit one and go on with the next
        return controlsTransactions();
    }

    @Override
    protected Held begin() {
        try {
            return new Held(sessions.openSession(ExecutorType.REUSE, false), false);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "open session");
        }
    }

    @Override
    protected Held beginStaleTolerantRead() {
        if (replicaSessions == null) {
            return begin();
        }
        SqlSession session;
        try {
            session = replicaSessions.openSession(ExecutorType.REUSE, false);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "open replica session");
        }
        try {
            // the driver's hint (a routing pool or proxy sends it to a reader; the server refuses writes in it)
            session.getConnection().setReadOnly(true);
            return new Held(session, true);
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw SqlErrors.translate(e instanceof RuntimeException r ? r : new IllegalStateException(e),
                    "open replica session");
        }
    }

    @Override
    protected void commit(Held held) {
        try {
            held.session.commit(true);
        } catch (RuntimeException e) {
            throw SqlErrors.translateCommit(e);
        }
    }

    @Override
    protected void rollback(Held held) {
        try {
            held.session.rollback(true);
        } catch (RuntimeException e) {
            LOG.warn("rollback failed ({}); the connection is discarded", e.getClass().getName());
        }
    }

    @Override
    protected void end(Held held) {
        for (PreparedStatement statement : held.statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.warn("closing a kept statement failed ({})", e.getClass().getName());
            }
        }
        held.statements.clear();
        if (held.markedReadOnly) {
            try {
                held.session.getConnection().setReadOnly(false);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("marking a replica connection writable again failed", e);
            }
        }
        try {
            held.session.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a session failed ({})", e.getClass().getName());
        }
    }

    /**
     * Stores a changed row with optimistic locking, in the current transaction: the versioned
     * {@code UPDATE ... WHERE id = ? AND version = ?} must hit exactly one row, else the caller read a stale version;
     * then the row's children are written. The caller (the area's repository in crm-core) moves the aggregate's
     * version on.
     *
     * @param type     the kind of record, as named in a conflict
     * @param id       its id
     * @param version  the version it was read at
     * @param update   runs the versioned update and returns the rows it changed
     * @param children rewrites the child rows (tags, roles), or does nothing
     * @throws org.crmkit.core.shared.ConflictException ({@code stale_version}) when no row had that version
     */
    public void updateVersioned(String type, Object id, long version, IntSupplier update, Runnable children) {
        inTransaction(() -> {
            if (update.getAsInt() != 1) {
                throw ConflictException.staleVersion(type, id, version);
            }
            children.run();
        });
    }
}
