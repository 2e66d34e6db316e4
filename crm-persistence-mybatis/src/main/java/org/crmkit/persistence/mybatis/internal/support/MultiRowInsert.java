package org.crmkit.persistence.mybatis.internal.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Multi-row {@code INSERT}s of a bulk path (a sales import's batch: tens of thousands of rows) sent through the
 * current transaction's connection, {@value #CHUNK} rows a statement, whatever the driver's
 * {@code rewriteBatchedStatements}. A mapper's {@code <foreach>} over hundreds of rows builds and parses its SQL anew
 * on every call, binding each value through OGNL: that was most of the import's time outside the database. Here the
 * statement text is built once per row count and kept (without spaces between the markers: the driver still parses
 * every character of it on each prepare), and each value is bound as the adapter's type handlers bind it (UUIDs as 16
 * bytes, instants as UTC date-times). Errors are translated as a mapper's are.
 *
 * <p>Handing the rows to the driver as a JDBC batch of the one-row statement instead, when it rewrites batches, was
 * measured (docs/performance.md): the driver then parses only the short statement, but asks the server
 * {@code SELECT @@session.transaction_read_only} before every batch, and the import took as long either way. One way
 * for every driver setting was kept.
 *
 * @param <R> the row record
 */
public final class MultiRowInsert<R> {
    /** Most rows of one statement. */
    public static final int CHUNK = 500;

    private final String table;
    private final List<Column<R>> columns;
    private final String tail;
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    /**
     * One column and how a row gives its value.
     *
     * @param name  the column
     * @param value the row's value: a {@code UUID}, {@code Instant}, {@code String}, {@code Long}, {@code Integer},
     *              {@code BigDecimal}, or {@code null}
     * @param <R>   the row record
     */
    record Column<R>(String name, Function<R, Object> value) {
        /** Checks the name is a plain identifier: it goes into the statement's text. */
        Column {
            name = identifier(name);
        }
    }

    private MultiRowInsert(String table, List<Column<R>> columns, String tail) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.tail = tail;
    }

    /**
     * An insert of every column the row record names ({@link RowColumns}): its components in declaration order, in
     * snake case.
     *
     * @param table the table (a constant of the adapter, never input)
     * @param row   the row record, the one list of the columns the insert writes
     * @param <R>   the row record
     * @return the insert
     * @throws IllegalArgumentException when the table or a column is not a plain identifier, or a column's type
     *                                  cannot be bound
     */
    public static <R extends Record> MultiRowInsert<R> of(String table, Class<R> row) {
        return new MultiRowInsert<>(identifier(table), RowColumns.of(row), "");
    }

    /**
     * @param column a column of the table's unique key, given back to itself
     * @return this insert, leaving a row whose key is taken as it is ({@code ON DUPLICATE KEY UPDATE column =
     *         column}: unlike {@code INSERT IGNORE} it ignores nothing else, and it waits for the existing row's lock
     *         instead of leaving a gap lock)
     */
    public MultiRowInsert<R> keepingExisting(String column) {
        String name = identifier(column);
        return new MultiRowInsert<>(table, columns, " ON DUPLICATE KEY UPDATE " + name + " = " + name);
    }

    /** Names go into the statement's text, so only plain lower-case SQL identifiers are accepted. */
    static String identifier(String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("not a plain table or column name: " + name);
        }
        return name;
    }

    /**
     * Inserts the rows in the current transaction (or one of its own), {@value #CHUNK} a statement.
     *
     * @param unitOfWork the unit of work whose connection carries the statements
     * @param rows       the rows
     */
    public void insert(MyBatisUnitOfWork unitOfWork, List<R> rows) {
        MultiRows.execute(unitOfWork, "insert into " + table, rows, columns, this::sql);
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
            return sql.append(tail).toString();
        });
    }
}
