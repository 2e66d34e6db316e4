package org.crmkit.benchmarks;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

// Over 300 lines: it reads back every table an import writes and assigns each row to its transaction; the rules
// for each table depend on the others' (lines on their purchase, lots on their entry), so they stay together.
/**
 * Every row an import wrote, read back from the tables it writes, each row assigned to the import transaction that
 * wrote it, so that plain JDBC can insert exactly the same rows again in as many transactions, each holding the same
 * import batch's rows. A row's transaction follows from what it belongs to: a purchase from its order reference, a
 * return from its {@code source:order#line} reference, lines from their purchase, return or entry, an earning or
 * claw-back entry from the purchase or return it names, lots from their entry, an account from its first entry, and
 * an audit entry (which names the purchase, also for a return) from its time, between the instants the import's
 * progress callback saw each batch end.
 */
final class CapturedRows {
    /** The tables the sales import writes (with the loyalty participant), each after the tables it references. */
    static final List<String> TABLES = List.of("crm_purchase", "crm_purchase_line", "crm_purchase_return",
            "crm_purchase_return_line", "crm_audit_entry", "crm_loyalty_account", "crm_loyalty_entry",
            "crm_loyalty_entry_line", "crm_loyalty_lot");

    /**
     * The rows of one table.
     *
     * @param name    the table
     * @param columns its columns, generated ones left out
     * @param rows    the rows' values, as the driver reads them
     * @param batch   per row, the import transaction that wrote it
     */
    private record Table(String name, List<String> columns, List<Object[]> rows, int[] batch) {
        int column(String column) {
            int at = columns.indexOf(column);
            if (at < 0) {
                throw new IllegalStateException(name + " has no column " + column);
            }
            return at;
        }
    }

    private final Map<String, Table> tables;
    private final int batches;

    private CapturedRows(Map<String, Table> tables, int batches) {
        this.tables = tables;
        this.batches = batches;
    }

    /**
     * Reads every row of {@link #TABLES}.
     *
     * @param c          a connection
     * @param source     the import's source
     * @param orderBatch the transaction of an order reference, or -1 when the import had no such order
     * @param batchEnds  per transaction of the import, an instant after it committed and before the next began
     * @return the rows
     * @throws SQLException on failure
     */
    static CapturedRows capture(Connection c, String source, ToIntFunction<String> orderBatch,
                                List<Instant> batchEnds) throws SQLException {
        Map<String, Table> read = new LinkedHashMap<>();
        for (String name : TABLES) {
            read.put(name, read(c, name));
        }
        Map<ByteBuffer, Integer> purchases = new HashMap<>();
        Map<ByteBuffer, Integer> returns = new HashMap<>();
        Map<String, Integer> byIdText = new HashMap<>();
        Map<ByteBuffer, Integer> entries = new HashMap<>();
        Map<ByteBuffer, Integer> accounts = new HashMap<>();

        Table purchase = read.get("crm_purchase");
        each(purchase, (row, i) -> {
            if (!source.equals(row[purchase.column("source")])) {
                throw new IllegalStateException("a purchase of another source: " + row[purchase.column("source")]);
            }
            int batch = known(orderBatch.applyAsInt((String) row[purchase.column("external_reference")]), purchase);
            purchases.put(key(row[purchase.column("id")]), batch);
            byIdText.put(uuid(row[purchase.column("id")]).toString(), batch);
            return batch;
        });
        Table line = read.get("crm_purchase_line");
        each(line, (row, i) -> known(purchases.get(key(row[line.column("purchase_id")])), line));
        Table ret = read.get("crm_purchase_return");
        // the import's return references: "<length of source>:<source>:<order>#<line>"
        String prefix = source.length() + ":" + source + ":";
        each(ret, (row, i) -> {
            String reference = (String) row[ret.column("reference")];
            if (reference == null || !reference.startsWith(prefix) || reference.lastIndexOf('#') < 0) {
                throw new IllegalStateException("a return the import did not make: " + reference);
            }
            int batch = known(orderBatch.applyAsInt(reference.substring(prefix.length(), reference.lastIndexOf('#'))),
                    ret);
            returns.put(key(row[ret.column("id")]), batch);
            byIdText.put(uuid(row[ret.column("id")]).toString(), batch);
            return batch;
        });
        Table returnLine = read.get("crm_purchase_return_line");
        each(returnLine, (row, i) -> known(returns.get(key(row[returnLine.column("return_id")])), returnLine));
        Table entry = read.get("crm_loyalty_entry");
        each(entry, (row, i) -> {
            int batch = known(byIdText.get((String) row[entry.column("reference")]), entry);
            entries.put(key(row[entry.column("id")]), batch);
            accounts.merge(key(row[entry.column("customer_id")]), batch, Math::min);
            return batch;
        });
        Table entryLine = read.get("crm_loyalty_entry_line");
        each(entryLine, (row, i) -> known(entries.get(key(row[entryLine.column("entry_id")])), entryLine));
        Table lot = read.get("crm_loyalty_lot");
        each(lot, (row, i) -> known(entries.get(key(row[lot.column("entry_id")])), lot));
        Table account = read.get("crm_loyalty_account");
        each(account, (row, i) -> {
            Integer batch = accounts.get(key(row[account.column("customer_id")]));
            return batch != null ? batch : byTime(row[account.column("opened_at")], batchEnds);
        });
        Table audit = read.get("crm_audit_entry");
        each(audit, (row, i) -> byTime(row[audit.column("at")], batchEnds));
        return new CapturedRows(read, batchEnds.size());
    }

    private interface Assign {
        int batch(Object[] row, int index);
    }

    private static void each(Table table, Assign assign) {
        for (int i = 0; i < table.rows().size(); i++) {
            table.batch()[i] = assign.batch(table.rows().get(i), i);
        }
    }

    private static int known(Integer batch, Table table) {
        if (batch == null || batch < 0) {
            throw new IllegalStateException("a row of " + table.name() + " the import did not write");
        }
        return batch;
    }

    /** @return the first transaction that ended at or after the instant (the last one when none did) */
    private static int byTime(Object value, List<Instant> batchEnds) {
        Instant at = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        int found = Collections.binarySearch(batchEnds, at);
        int index = found >= 0 ? found : -found - 1;
        return Math.min(index, batchEnds.size() - 1);
    }

    private static ByteBuffer key(Object bytes) {
        return ByteBuffer.wrap((byte[]) bytes);
    }

    private static UUID uuid(Object bytes) {
        ByteBuffer b = ByteBuffer.wrap((byte[]) bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    private static Table read(Connection c, String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        // generated columns (the lots' open_customer_id, open_expires_at) are computed by the server, never inserted
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND extra NOT LIKE '%GENERATED%'"
                + " ORDER BY ordinal_position")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + name)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Object[] row = new Object[meta.getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return new Table(name, List.copyOf(columns), rows, new int[rows.size()]);
    }

    /** @return rows per table, in {@link #TABLES} order */
    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((name, t) -> counts.put(name, t.rows().size()));
        return counts;
    }

    /** @return every row of every table */
    long rows() {
        return tables.values().stream().mapToLong(t -> t.rows().size()).sum();
    }

    /** @return the import's transactions, so many the re-insert uses */
    int batches() {
        return batches;
    }

    /**
     * Inserts every captured row with plain JDBC: autocommit off, one transaction per import transaction, and in
     * each, per table (parents first), one {@code PreparedStatement} whose rows go by {@code addBatch} and one
     * {@code executeBatch}. The rows are sorted into transactions before the clock starts; preparing the statements,
     * binding the values, sending and committing are timed.
     *
     * @param dataSource where to insert
     * @return the nanoseconds it took
     * @throws SQLException on failure
     */
    long insertWithJdbc(DataSource dataSource) throws SQLException {
        List<Table> ordered = new ArrayList<>(tables.values());
        List<List<List<Object[]>>> perBatch = new ArrayList<>();
        for (Table t : ordered) {
            List<List<Object[]>> split = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                split.add(new ArrayList<>());
            }
            for (int i = 0; i < t.rows().size(); i++) {
                split.get(t.batch()[i]).add(t.rows().get(i));
            }
            perBatch.add(split);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            List<PreparedStatement> statements = new ArrayList<>();
            try {
                for (Table t : ordered) {
                    statements.add(c.prepareStatement("INSERT INTO " + t.name() + " (" + String.join(", ", t.columns())
                            + ") VALUES (" + String.join(", ", Collections.nCopies(t.columns().size(), "?")) + ")"));
                }
                for (int b = 0; b < batches; b++) {
                    for (int t = 0; t < ordered.size(); t++) {
                        List<Object[]> rows = perBatch.get(t).get(b);
                        if (rows.isEmpty()) {
                            continue;
                        }
                        PreparedStatement ps = statements.get(t);
                        for (Object[] row : rows) {
                            for (int i = 0; i < row.length; i++) {
                                ps.setObject(i + 1, row[i]);
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                }
            } finally {
                for (PreparedStatement ps : statements) {
                    ps.close();
                }
            }
            long elapsed = System.nanoTime() - start;
            c.setAutoCommit(true);
            return elapsed;
        }
    }

    /**
     * Empties the {@link #TABLES} (TRUNCATE, so every run starts from fresh tables, not from the purge backlog of a
     * large DELETE); the catalog and the customers stay.
     *
     * @param c a connection
     * @throws SQLException on failure
     */
    static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String table : TABLES) {
                    s.execute("TRUNCATE TABLE " + table);
                }
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /**
     * @param c a connection
     * @return whether the tables hold exactly the captured rows (as multisets of rows, generated columns aside)
     * @throws SQLException on failure
     */
    boolean storedIn(Connection c) throws SQLException {
        for (Table captured : tables.values()) {
            Table stored = read(c, captured.name());
            if (!stored.columns().equals(captured.columns()) || !multiset(stored).equals(multiset(captured))) {
                return false;
            }
        }
        return true;
    }

    private static Map<List<Object>, Integer> multiset(Table table) {
        Map<List<Object>, Integer> rows = new HashMap<>();
        for (Object[] row : table.rows()) {
            List<Object> values = new ArrayList<>(row.length);
            for (Object value : row) {
                values.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
            }
            rows.merge(values, 1, Integer::sum);
        }
        return rows;
    }
}
