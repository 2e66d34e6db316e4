package org.crmkit.persistence.mybatis.internal.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Multi-row {@code UPDATE}s of a bulk path: the rows' values, as a derived table of
 * {@code SELECT ... UNION ALL SELECT ...}, joined to the table on key columns (a versioned update puts the version
 * among them, so that a row changed meanwhile is not matched and the count falls short), {@value MultiRowInsert#CHUNK}
 * rows a statement. The join is a {@code STRAIGHT_JOIN} from the rows to the table: left to choose, the server drives
 * a small table's full scan against the rows, which under REPEATABLE READ locks every row of the table, and two
 * transactions updating rows they alone hold then deadlock (a review finding, {@code LoyaltyConcurrencyIT}); from the
 * rows, each row is found by its key and only the rows updated are locked. As with {@link MultiRowInsert}, the text
 * is built once per row count and the values bound directly: a mapper's {@code <foreach>} would evaluate every row's
 * every value through OGNL on each call.
 *
 * @param <R> the row record
 */
public final class MultiRowUpdate<R> {
    private final List<MultiRowInsert.Column<R>> columns;
    private final String tail;
    private final String table;
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    private MultiRowUpdate(String table, List<MultiRowInsert.Column<R>> columns, String tail) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.tail = tail;
    }

    /**
     * An update whose row values are the row record's columns ({@link RowColumns}) that it matches on or sets; the
     * record's other columns are not sent.
     *
     * @param table        the table (a constant of the adapter, never input)
     * @param row          the row record, whose columns name the table's
     * @param keys         the columns a row is matched on
     * @param set          the columns set to the row's values
     * @param bumpsVersion whether the matched rows' {@code version} goes up by one
     * @param <R>          the row record
     * @return the update
     * @throws IllegalArgumentException when a key or set column is not one of the record's, there is no key or
     *                                  nothing to set, or a name is not a plain identifier
     */
    public static <R extends Record> MultiRowUpdate<R> of(String table, Class<R> row, List<String> keys,
                                                          List<String> set, boolean bumpsVersion) {
        List<MultiRowInsert.Column<R>> all = RowColumns.of(row);
        List<String> names = all.stream().map(MultiRowInsert.Column::name).toList();
        if (keys.isEmpty() || !names.containsAll(keys) || !names.containsAll(set)) {
            throw new IllegalArgumentException("keys and set columns must be among the row's columns " + names);
        }
        List<MultiRowInsert.Column<R>> columns = all.stream()
                .filter(c -> keys.contains(c.name()) || set.contains(c.name())).toList();
        String on = keys.stream().map(MultiRowInsert::identifier).map(k -> "t." + k + " = v." + k)
                .collect(Collectors.joining(" AND "));
        List<String> assignments = new java.util.ArrayList<>(set.stream().map(MultiRowInsert::identifier)
                .map(c -> "t." + c + " = v." + c).toList());
        if (bumpsVersion) {
            assignments.add("t.version = t.version + 1");
        }
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("an update must set something");
        }
        String name = MultiRowInsert.identifier(table);
        return new MultiRowUpdate<>(name, columns,
                ") v STRAIGHT_JOIN " + name + " t ON " + on + " SET " + String.join(", ", assignments));
    }

    /**
     * Updates the rows in the current transaction (or one of its own), {@value MultiRowInsert#CHUNK} a statement.
     *
     * @param unitOfWork the unit of work whose connection carries the statements
     * @param rows       the rows
     * @return the rows matched and changed, as the server counts them
     */
    public int update(MyBatisUnitOfWork unitOfWork, List<R> rows) {
        return MultiRows.execute(unitOfWork, "update " + table, rows, columns, this::sql);
    }

    private String sql(int rowCount) {
        return statements.computeIfAbsent(rowCount, n -> {
            StringBuilder sql = new StringBuilder("UPDATE (SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "?" : ",?").append(" AS ").append(columns.get(i).name());
            }
            String row = " UNION ALL SELECT " + "?,".repeat(columns.size() - 1) + "?";
            sql.append(row.repeat(n - 1));
            return sql.append(tail).toString();
        });
    }
}
