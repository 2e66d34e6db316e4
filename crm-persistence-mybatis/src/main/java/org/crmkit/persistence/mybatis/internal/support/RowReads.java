package org.crmkit.persistence.mybatis.internal.support;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * Reads whose cost per row decides an aim (a loyalty statement's entries, and the lines of every entry read): run
 * on the current transaction's connection like {@link MultiRowInsert}'s writes, values bound by position as the type
 * handlers bind them, rows mapped by column index, errors translated as a mapper's are. A MyBatis result map cost
 * about 20 µs per entry with its lines there (every column found by its label, the row built by reflection); this
 * costs what the driver does (docs/performance.md, part C). Every other read stays a mapper statement.
 */
public final class RowReads {
    private RowReads() {
    }

    /**
     * Maps the current row of a result.
     *
     * @param <R> what a row becomes
     */
    @FunctionalInterface
    public interface Reading<R> {
        /**
         * @param row the current row
         * @return what it becomes
         * @throws SQLException when a column cannot be read
         */
        R map(Columns row) throws SQLException;
    }

    /** The current row of a result, its columns (from 1) read as the adapter's type handlers read them. */
    public static final class Columns {
        private final ResultSet result;

        private Columns(ResultSet result) {
            this.result = result;
        }

        /**
         * @param column a {@code BINARY(16)} column
         * @return its UUID, or {@code null}
         * @throws SQLException on failure
         */
        public UUID uuid(int column) throws SQLException {
            byte[] bytes = result.getBytes(column);
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }

        /**
         * @param column a {@code DATETIME} column in UTC
         * @return its instant, or {@code null}
         * @throws SQLException on failure
         */
        public Instant instant(int column) throws SQLException {
            LocalDateTime value = result.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }

        /**
         * @param column a {@code NOT NULL} integer column
         * @return its value
         * @throws SQLException on failure, or when the column is {@code NULL} (never read as 0)
         */
        public long longValue(int column) throws SQLException {
            long value = result.getLong(column);
            requireNotNull(column);
            return value;
        }

        /**
         * @param column a {@code NOT NULL} {@code INT} column
         * @return its value
         * @throws SQLException on failure, or when the column is {@code NULL} (never read as 0)
         */
        public int intValue(int column) throws SQLException {
            int value = result.getInt(column);
            requireNotNull(column);
            return value;
        }

        private void requireNotNull(int column) throws SQLException {
            if (result.wasNull()) {
                throw new SQLException("column " + column + " is NULL where a number is required");
            }
        }

        /** @param column a text column @return its value, or {@code null} @throws SQLException on failure */
        public String string(int column) throws SQLException {
            return result.getString(column);
        }
    }

    /**
     * @param count how many markers
     * @return {@code (?,?,...)}: an IN list of that many markers
     */
    public static String markers(int count) {
        return "(" + String.join(",", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * Runs a query in the current transaction (or one of its own).
     *
     * @param unitOfWork the unit of work whose connection carries the query
     * @param what       what it reads, for error messages
     * @param sql        the query, with a marker per value
     * @param values     the values, in the order of the markers ({@code UUID}, {@code Instant}, {@code String},
     *                   {@code Long}, {@code Integer}, {@code BigDecimal} or {@code null})
     * @param mapper     what a row becomes
     * @param <R>        what a row becomes
     * @return the rows, in the query's order
     */
    public static <R> List<R> list(MyBatisUnitOfWork unitOfWork, String what, String sql, List<?> values,
                                   Reading<R> mapper) {
        return unitOfWork.inTransaction(() -> {
            try (PreparedStatement statement = unitOfWork.session().getConnection().prepareStatement(sql)) {
                int index = 1;
                for (Object value : values) {
                    MultiRows.bind(statement, index++, value);
                }
                List<R> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    Columns row = new Columns(result);
                    while (result.next()) {
                        rows.add(mapper.map(row));
                    }
                }
                return rows;
            } catch (SQLException | RuntimeException e) {
                throw SqlErrors.translate(e instanceof RuntimeException r ? r : new PersistenceException(e), what);
            }
        });
    }
}
