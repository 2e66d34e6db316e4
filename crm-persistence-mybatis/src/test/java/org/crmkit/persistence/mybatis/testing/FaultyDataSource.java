package org.crmkit.persistence.mybatis.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source for fault tests: it hands out the real one's connections and, when told to, breaks one the way a
 * network or a server does. The statement that meets the fault fails with SQL state {@code 08S01} (communication
 * link failure) and its connection is closed for real, so the server rolls back what the transaction had written
 * and every later use of that connection fails too, as after a dropped connection.
 *
 * <p>Faults armed: the {@code n}th statement prepared whose SQL matches a pattern ({@link #failStatement}); the next
 * commit, which reaches the server and is carried out before the connection drops, so that its acknowledgement is
 * lost ({@link #dropAfterCommit}), or the commit of the next transaction that ran a given statement
 * ({@link #dropAfterCommitOf}). Faults fire once, then the data source is a plain one again. And a server that
 * goes away until it is back ({@link #serverAway}, {@link #serverBack}): meanwhile every connection handed out
 * drops at its next use and no new one is had. Thread-safe.
 */
public final class FaultyDataSource implements DataSource {
    /** SQL state of a communication link failure, as Connector/J reports a dropped connection. */
    public static final String LINK_FAILURE = "08S01";

    private final DataSource real;
    private final AtomicReference<Pattern> pattern = new AtomicReference<>();
    private final AtomicInteger countdown = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicBoolean commitFault = new AtomicBoolean();
    private final AtomicReference<Pattern> commitAfter = new AtomicReference<>();
    private final AtomicBoolean away = new AtomicBoolean();

    /** @param real the data source whose connections are handed out */
    public FaultyDataSource(DataSource real) {
        this.real = real;
    }

    /**
     * Arms a fault: the {@code nth} statement prepared from now on whose SQL matches {@code sql} (searched, case
     * ignored) fails, and its connection drops.
     *
     * @param sql a regular expression, for example {@code "FROM crm_product"}
     * @param nth 1 for the next matching statement
     */
    public void failStatement(String sql, int nth) {
        countdown.set(nth);
        pattern.set(Pattern.compile(sql, Pattern.CASE_INSENSITIVE));
    }

    /** Arms a fault: the next commit is carried out by the server, then the connection drops before the answer. */
    public void dropAfterCommit() {
        commitFault.set(true);
    }

    /**
     * Arms a fault: the next commit of a transaction that prepared a statement matching {@code sql} (searched, case
     * ignored) is carried out by the server, then the connection drops before the answer. Transactions before it
     * (a job's reads, its other items) commit as usual.
     *
     * @param sql a regular expression, for example {@code "UPDATE crm_ticket SET first_response_notified_at"}
     */
    public void dropAfterCommitOf(String sql) {
        commitAfter.set(Pattern.compile(sql, Pattern.CASE_INSENSITIVE));
    }

    /** The server goes away: every connection drops at its next use, and no new connection is had. */
    public void serverAway() {
        away.set(true);
    }

    /** The server is back: new connections work again (those that dropped stay dropped). */
    public void serverBack() {
        away.set(false);
    }

    /** @return how many faults fired so far */
    public int injected() {
        return injected.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileAway();
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileAway();
        return wrap(real.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        // whether the connection's transaction prepared a statement that dropAfterCommitOf waits for
        boolean[] awaited = {false};
        InvocationHandler handler = (proxy, method, args) -> {
            if (away.get() && !method.getName().equals("close") && !method.getName().equals("isClosed")) {
                connection.close();
                injected.incrementAndGet();
                throw new SQLNonTransientConnectionException("injected fault: the server went away", LINK_FAILURE);
            }
            if (method.getName().startsWith("prepare") && args != null && args.length > 0
                    && args[0] instanceof String sql && fires(sql)) {
                connection.close(); // dropped: the server rolls the transaction back
                throw new SQLNonTransientConnectionException("injected fault: communication link failure",
                        LINK_FAILURE);
            }
            Pattern after = commitAfter.get();
            if (method.getName().startsWith("prepare") && args != null && args.length > 0
                    && args[0] instanceof String sql && after != null && after.matcher(sql).find()) {
                awaited[0] = true;
            }
            boolean commit = method.getName().equals("commit");
            boolean awaitedCommit = commit && awaited[0] && after != null && commitAfter.compareAndSet(after, null);
            if (commit || method.getName().equals("rollback")) {
                awaited[0] = false;
            }
            if (awaitedCommit || commit && commitFault.compareAndSet(true, false)) {
                connection.commit();
                connection.close();
                injected.incrementAndGet();
                throw new SQLNonTransientConnectionException("injected fault: connection lost after COMMIT",
                        LINK_FAILURE);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private void refuseWhileAway() throws SQLException {
        if (away.get()) {
            injected.incrementAndGet();
            throw new SQLNonTransientConnectionException("injected fault: connection refused", "08001");
        }
    }

    private boolean fires(String sql) {
        Pattern armed = pattern.get();
        if (armed == null || !armed.matcher(sql).find()) {
            return false;
        }
        if (countdown.decrementAndGet() != 0) {
            return false;
        }
        pattern.set(null);
        injected.incrementAndGet();
        return true;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
