package org.crmkit.persistence.mybatis.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * Multi-row {@code INSERT}s of a bulk path (a sales import's batch: tens of thousands of rows), sent through the
 * current transaction's connection, each value bound as the adapter's type handlers bind it (UUIDs as 16 bytes,
 * instants as UTC date-times). Errors are translated as a mapper's are.
 *
 * <p>One rule picks how the rows travel: <b>when the driver rewrites batches</b> (MySQL Connector/J with
 * {@code rewriteBatchedStatements=true}, the setting the README recommends) the rows are added to a JDBC batch of the
 * one-row statement, and the driver sends them as multi-row statements as large as the server's packet allows,
 * having parsed the short statement once; <b>otherwise</b> (any other setting or driver) the adapter writes the
 * multi-row statements itself, {@value #CHUNK} rows each, so that the rows never go one statement a row. The first
 * way is what a plain JDBC insert does; the second costs the driver a parse of a long statement text per chunk (a
 * profile of the import found that parse to be its largest cost in the JVM), but it is still far faster than a
 * round trip per row. A mapper's {@code <foreach>} over hundreds of rows would build its SQL through OGNL on every
 * call, which is why neither way goes through one.
 *
 * @param <R> the row record
 */
public final class MultiRowInsert<R> {
    /** Most rows of one statement. */
    public static final int CHUNK = 500;

    private final String table;
    private final List<Column<R>> columns;
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    /**
     * One column and how a row gives its value.
     *
     * @param name  the column
     * @param value the row's value: a {@code UUID}, {@code Instant}, {@code String}, {@code Long}, {@code Integer},
     *              {@code BigDecimal}, or {@code null}
     * @param <R>   the row record
     */
    public record Column<R>(String name, Function<R, Object> value) {
    }

    private MultiRowInsert(String table, List<Column<R>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * @param table   the table (a constant of the adapter, never input)
     * @param columns its columns, in the order of the statement
     * @param <R>     the row record
     * @return the insert
     */
    public static <R> MultiRowInsert<R> into(String table, List<Column<R>> columns) {
        return new MultiRowInsert<>(identifier(table), columns);
    }

    /**
     * @param name  the column
     * @param value the row's value
     * @param <R>   the row record
     * @return the column
     */
    public static <R> Column<R> column(String name, Function<R, Object> value) {
        return new Column<>(identifier(name), value);
    }

    /** Names go into the statement's text, so only plain lower-case SQL identifiers are accepted. */
    private static String identifier(String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("not a plain table or column name: " + name);
        }
        return name;
    }

    /**
     * Inserts the rows in the current transaction (or one of its own), in multi-row statements (see the class).
     *
     * @param unitOfWork the unit of work whose connection carries the statements
     * @param rows       the rows
     */
    public void insert(MyBatisUnitOfWork unitOfWork, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        unitOfWork.inTransaction(() -> {
            SqlSession session = unitOfWork.session();
            try {
                Connection connection = session.getConnection();
                if (DriverSettings.rewritesBatches(connection)) {
                    batched(connection, rows);
                } else {
                    multiRow(connection, rows);
                }
            } catch (SQLException | RuntimeException e) {
                throw SqlErrors.translate(e instanceof RuntimeException r ? r : new PersistenceException(e),
                        "insert into " + table);
            } finally {
                // no statement of the session may answer from what it read before these rows
                session.clearCache();
            }
        });
    }

    /** One JDBC batch of the one-row statement: the driver rewrites it into multi-row statements. */
    private void batched(Connection connection, List<R> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(1))) {
            for (R row : rows) {
                int index = 1;
                for (Column<R> column : columns) {
                    bind(statement, index++, column.value().apply(row));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Multi-row statements of {@value #CHUNK} rows, written here. */
    private void multiRow(Connection connection, List<R> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            try (PreparedStatement statement = connection.prepareStatement(sql(chunk.size()))) {
                int index = 1;
                for (R row : chunk) {
                    for (Column<R> column : columns) {
                        bind(statement, index++, column.value().apply(row));
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private String sql(int rowCount) {
        return statements.computeIfAbsent(rowCount, n -> {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
            StringBuilder row = new StringBuilder("(");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
                // no spaces between the markers: the driver parses every character of a long statement
                row.append(i == 0 ? "?" : ",?");
            }
            sql.append(") VALUES ");
            row.append(')');
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ",").append(row);
            }
            return sql.toString();
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof UUID uuid) {
            statement.setBytes(index, UuidTypeHandler.toBytes(uuid));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass().getName());
        }
    }
}
