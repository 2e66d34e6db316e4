package org.crmkit.persistence.mybatis.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that notes what the adapter asked the server for: each prepared statement's SQL and how many rows the
 * adapter read from its results. A test proves with it how much a use case reads (the rows that crossed the wire, the
 * tables it touched, whether a statement grows with the data) without timing anything. Thread-safe; a test reads it
 * after the calls it watched have returned.
 */
public final class CountingDataSource implements DataSource {
    private final DataSource real;
    private final List<Read> reads = new ArrayList<>();

    /**
     * One statement the adapter prepared.
     *
     * @param sql  its text, whitespace collapsed
     * @param rows the rows read from its results so far
     */
    public record Read(String sql, AtomicInteger rows) {
        /** @param table a table name @return whether the statement names it */
        public boolean touches(String table) {
            return sql.matches("(?is).*\\b" + table + "\\b.*");
        }

        /** @return how many parameters the statement binds */
        public long parameters() {
            return sql.chars().filter(c -> c == '?').count();
        }
    }

    /** @param real the data source whose connections are handed out */
    public CountingDataSource(DataSource real) {
        this.real = real;
    }

    /** Forgets what was noted so far. */
    public synchronized void clear() {
        reads.clear();
    }

    /** @return the statements prepared since the last {@link #clear}, in order */
    public synchronized List<Read> reads() {
        return List.copyOf(reads);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(real.getConnection(username, password));
    }

    private synchronized Read noted(String sql) {
        Read read = new Read(sql.replaceAll("\\s+", " ").strip(), new AtomicInteger());
        reads.add(read);
        return read;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            if (method.startsWith("prepare") && args != null && args[0] instanceof String sql
                    && result instanceof PreparedStatement statement) {
                Read read = noted(sql);
                return proxy(PreparedStatement.class, statement, (m, a, r) ->
                        r instanceof ResultSet rs ? counting(rs, read) : r);
            }
            return result;
        });
    }

    private static ResultSet counting(ResultSet rs, Read read) {
        return proxy(ResultSet.class, rs, (method, args, result) -> {
            if (method.equals("next") && Boolean.TRUE.equals(result)) {
                read.rows().incrementAndGet();
            }
            return result;
        });
    }

    /** What a proxy answers, given what the real object answered. */
    private interface After {
        Object answer(String method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.answer(method.getName(), args, result);
                }));
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
