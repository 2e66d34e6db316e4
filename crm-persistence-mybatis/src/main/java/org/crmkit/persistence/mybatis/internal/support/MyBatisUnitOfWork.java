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
 */
public final class MyBatisUnitOfWork extends ThreadBoundUnitOfWork<MyBatisUnitOfWork.Held> {
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisUnitOfWork.class);

    private final SqlSessionFactory sessions;

    /** @param sessions the factory whose sessions carry the transactions */
    public MyBatisUnitOfWork(SqlSessionFactory sessions) {
        this.sessions = sessions;
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
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        private Held(SqlSession session) {
            this.session = session;
        }
    }

    SqlSession session() {
        return currentState().session;
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
            return new Held(sessions.openSession(ExecutorType.REUSE, false));
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "open session");
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
