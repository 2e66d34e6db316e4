package org.crmkit.persistence.mybatis.internal.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * What {@link MultiRowInsert} and {@link MultiRowUpdate} share: sending rows {@value MultiRowInsert#CHUNK} a statement
 * through the current transaction's connection, each value bound as the adapter's type handlers bind it, errors
 * translated as a mapper's are. The statement of a full chunk is kept with the session
 * ({@link MyBatisUnitOfWork#kept}), so that a series of transactions prepares it once.
 */
final class MultiRows {
    /** The types {@link #bind} binds, a primitive as its box. */
    private static final Set<Class<?>> BOUND = Set.of(UUID.class, Instant.class, String.class, Long.class,
            long.class, Integer.class, int.class, BigDecimal.class);

    private MultiRows() {
    }

    /**
     * @param type a row record's component type
     * @return whether {@link #bind} binds its values
     */
    static boolean binds(Class<?> type) {
        return BOUND.contains(type);
    }

    /**
     * @param unitOfWork the unit of work whose connection carries the statements
     * @param what       what the statements do, for error messages
     * @param rows       the rows
     * @param columns    how a row gives its values, in the order of the statement's markers
     * @param sql        the statement text for a number of rows
     * @param <R>        the row record
     * @return the rows the statements changed, as the server counts them
     */
    static <R> int execute(MyBatisUnitOfWork unitOfWork, String what, List<R> rows,
                           List<MultiRowInsert.Column<R>> columns, IntFunction<String> sql) {
        if (rows.isEmpty()) {
            return 0;
        }
        return unitOfWork.inTransaction(() -> {
            unitOfWork.requireWritable(what);
            SqlSession session = unitOfWork.session();
            try {
                Connection connection = session.getConnection();
                int changed = 0;
                for (int from = 0; from < rows.size(); from += MultiRowInsert.CHUNK) {
                    List<R> chunk = rows.subList(from, Math.min(rows.size(), from + MultiRowInsert.CHUNK));
                    if (chunk.size() == MultiRowInsert.CHUNK) {
                        // a full chunk's text recurs batch after batch: its statement is kept with the session
                        PreparedStatement kept = unitOfWork.kept(sql.apply(chunk.size()));
                        changed += send(kept, chunk, columns);
                        // not the rows' values: they would stay in memory until the session closes
                        kept.clearParameters();
                    } else {
                        try (PreparedStatement statement = connection.prepareStatement(sql.apply(chunk.size()))) {
                            changed += send(statement, chunk, columns);
                        }
                    }
                }
                return changed;
            } catch (SQLException | RuntimeException e) {
                throw SqlErrors.translate(e instanceof RuntimeException r ? r : new PersistenceException(e), what);
            } finally {
                // no statement of the session may answer from what it read before these rows
                session.clearCache();
            }
        });
    }

    private static <R> int send(PreparedStatement statement, List<R> chunk, List<MultiRowInsert.Column<R>> columns)
            throws SQLException {
        int index = 1;
        for (R row : chunk) {
            for (MultiRowInsert.Column<R> column : columns) {
                bind(statement, index++, column.value().apply(row));
            }
        }
        return statement.executeUpdate();
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof UUID uuid) {
            statement.setBytes(index, UuidTypeHandler.toBytes(uuid));
        } else if (value instanceof Instant instant) {
            UtcInstantTypeHandler.bind(statement, index, instant);
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
