package org.crmkit.persistence.mybatis.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.crmkit.core.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work on one MyBatis {@link SqlSession} bound to the calling thread: opened by the outermost
 * {@link #inTransaction}, committed when it returns, rolled back when it throws, always closed. Nested calls join.
 * Mapper calls translate their exceptions where they happen (see {@link #mapper}), so a use case can react to a
 * {@code ConflictException} inside the transaction; exceptions of the work itself pass unchanged.
 */
public final class MyBatisUnitOfWork implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisUnitOfWork.class);

    private final SqlSessionFactory sessions;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    private static final class Transaction {
        private final SqlSession session;
        private final List<Runnable> afterCommit = new ArrayList<>();

        private Transaction(SqlSession session) {
            this.session = session;
        }
    }

    /** @param sessions the factory whose sessions carry the transactions */
    public MyBatisUnitOfWork(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transaction tx = open();
        T result;
        try {
            current.set(tx);
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(tx.session);
                throw e;
            }
            try {
                tx.session.commit(true);
            } catch (RuntimeException e) {
                rollbackQuietly(tx.session);
                throw SqlErrors.translate(e, "commit");
            }
        } finally {
            current.remove();
            closeQuietly(tx.session);
        }
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed; the committed work stands", e);
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        tx.afterCommit.add(action);
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
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no transaction");
        }
        return tx.session;
    }

    private Transaction open() {
        try {
            return new Transaction(sessions.openSession(ExecutorType.REUSE, false));
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, "open session");
        }
    }

    private static void rollbackQuietly(SqlSession session) {
        try {
            session.rollback(true);
        } catch (RuntimeException e) {
            LOG.warn("rollback failed (SQL state hidden); the connection is discarded", e);
        }
    }

    private static void closeQuietly(SqlSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a session failed", e);
        }
    }
}
