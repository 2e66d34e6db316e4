package org.crmkit.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source that times every call into the driver that talks to the server (executing a statement, committing,
 * switching autocommit, borrowing a connection), grouped by what the statement does: the keyword and the first table
 * it names. For one instrumented run that tells the time spent waiting on the server (round trips and the server's
 * work) from the time spent in the JVM (crmkit, MyBatis, the driver encoding parameters). The proxies cost a few
 * microseconds per call, so an instrumented run is not one of the timed runs.
 */
final class TimedDataSource implements DataSource {
    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(\\w+)");
    private static final Pattern INTO = Pattern.compile("^INSERT\\s+INTO\\s+(\\w+)");
    private static final Pattern UPDATE = Pattern.compile("^UPDATE\\s+(\\w+)");
    /** A multi-row update (the adapter's MultiRowUpdate): its rows first, then the table it updates. */
    private static final Pattern UPDATE_JOINED = Pattern.compile("^UPDATE\\s*\\(.*\\)\\s*V\\s+STRAIGHT_JOIN\\s+(\\w+)");

    /**
     * The calls of one kind.
     *
     * @param kind  what they did
     * @param calls how many
     * @param nanos how long they took together
     */
    record Kind(String kind, long calls, long nanos) {
    }

    private final DataSource target;
    private final Map<String, long[]> kinds = new HashMap<>();

    /** @param target the data source to time */
    TimedDataSource(DataSource target) {
        this.target = target;
    }

    /** Forgets what was timed so far. */
    synchronized void reset() {
        kinds.clear();
    }

    /** @return what was timed, the longest first */
    synchronized List<Kind> kinds() {
        List<Kind> list = new ArrayList<>();
        kinds.forEach((kind, v) -> list.add(new Kind(kind, v[0], v[1])));
        list.sort(Comparator.comparingLong(Kind::nanos).reversed());
        return list;
    }

    private synchronized void add(String kind, long nanos) {
        long[] v = kinds.computeIfAbsent(kind, k -> new long[2]);
        v[0]++;
        v[1] += nanos;
    }

    /** @return the kind of a statement: its keyword and first table, as {@code SELECT crm_product} */
    static String kindOf(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        Matcher into = INTO.matcher(s);
        if (into.find()) {
            return "INSERT " + into.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher joined = UPDATE_JOINED.matcher(s);
        if (joined.find()) {
            return "UPDATE " + joined.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher update = UPDATE.matcher(s);
        if (update.find()) {
            return "UPDATE " + update.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher from = FROM.matcher(s);
        if (s.startsWith("SELECT") && from.find()) {
            return "SELECT " + from.group(1).toLowerCase(Locale.ROOT) + (s.endsWith("FOR UPDATE") ? " FOR UPDATE"
                    : s.endsWith("LOCK IN SHARE MODE") ? " LOCK IN SHARE MODE" : "");
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        Connection c = target.getConnection();
        add("borrow a pooled connection", System.nanoTime() - start);
        return wrap(Connection.class, c, connectionHandler(c));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's user only");
    }

    private InvocationHandler connectionHandler(Connection c) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                PreparedStatement ps = (PreparedStatement) invoke(c, method, args);
                return wrap(PreparedStatement.class, ps, statementHandler(ps, kindOf(sql)));
            }
            if (name.equals("createStatement")) {
                Statement s = (Statement) invoke(c, method, args);
                return wrap(Statement.class, s, statementHandler(s, null));
            }
            if (name.equals("commit") || name.equals("rollback") || name.equals("setAutoCommit")) {
                long start = System.nanoTime();
                try {
                    return invoke(c, method, args);
                } finally {
                    add(name.equals("setAutoCommit") ? "SET autocommit" : name.toUpperCase(Locale.ROOT),
                            System.nanoTime() - start);
                }
            }
            return invoke(c, method, args);
        };
    }

    private InvocationHandler statementHandler(Statement s, String preparedKind) {
        return (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(s, method, args);
            }
            String kind = preparedKind != null ? preparedKind
                    : args != null && args.length > 0 && args[0] instanceof String sql ? kindOf(sql) : "other";
            long start = System.nanoTime();
            try {
                return invoke(s, method, args);
            } finally {
                add(kind, System.nanoTime() - start);
            }
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T wrap(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(TimedDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
