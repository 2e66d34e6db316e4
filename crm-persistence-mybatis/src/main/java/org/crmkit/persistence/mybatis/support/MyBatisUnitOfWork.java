package org.crmkit.persistence.mybatis.support;

import java.util.function.IntSupplier;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.spi.ThreadBoundUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work on one MyBatis {@link SqlSession} bound to the calling thread: opened by the outermost
 * transaction, committed when it returns, rolled back when it throws, always closed. Mapper calls translate their
 * exceptions where they happen (see {@link #mapper}), so a use case can react to a {@code ConflictException}
 * inside the transaction; exceptions of the work itself pass unchanged.
 */
public final class MyBatisUnitOfWork extends ThreadBoundUnitOfWork<SqlSession> {
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

    SqlSession session() {
        return currentState();
    }

    @Override
    protected boolean controlsTransactions() {
        return !(sessions.getConfiguration().getEnvironment().getTransactionFactory()
                instanceof org.apache.ibatis.transaction.managed.ManagedTransactionFactory);
    }

    @Override
    protected SqlSession begin() {
        try {
            return sessions.openSession(ExecutorType.REUSE, false);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "open session");
        }
    }

    @Override
    protected void commit(SqlSession session) {
        try {
            session.commit(true);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "commit");
        }
    }

    @Override
    protected void rollback(SqlSession session) {
        try {
            session.rollback(true);
        } catch (RuntimeException e) {
            LOG.warn("rollback failed; the connection is discarded", e);
        }
    }

    @Override
    protected void end(SqlSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a session failed", e);
        }
    }

    /**
     * Stores a changed aggregate with optimistic locking, in the current transaction: the versioned
     * {@code UPDATE ... WHERE id = ? AND version = ?} must hit exactly one row, else the aggregate is stale; then its
     * child rows are written and its version moves on.
     *
     * @param aggregate the changed aggregate
     * @param update    runs the versioned update and returns the rows it changed
     * @param children  rewrites the aggregate's child rows (tags, roles), or does nothing
     * @throws org.crmkit.core.shared.ConflictException ({@code stale_version}) when no row had the loaded version
     */
    public void updateVersioned(AggregateRoot aggregate, IntSupplier update, Runnable children) {
        inTransaction(() -> {
            if (update.getAsInt() != 1) {
                throw aggregate.staleVersion();
            }
            children.run();
            aggregate.recordStored();
        });
    }
}
