package org.crmkit.persistence.mybatis.internal.loyalty;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LockedLoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyChanges;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.persistence.mybatis.internal.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.internal.support.MultiRowUpdate;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;
import org.crmkit.persistence.mybatis.internal.support.RowColumns;
import org.crmkit.persistence.mybatis.internal.support.RowReads;

// Over 300 lines: the ledger's one port, with the single-account and the bulk variants of opening, locking and
// storing side by side (the bulk ones chunk rows into multi-row statements and must lock in the same order); the
// row mapping lives in LoyaltyRows and the statements in LoyaltyMapper.xml.
/**
 * Loyalty accounts in {@code crm_loyalty_account}, their append-only ledgers in {@code crm_loyalty_entry} and
 * {@code crm_loyalty_entry_line}, and their lots in {@code crm_loyalty_lot}. An entry's reference is unique per
 * account and kind ({@code uq_crm_loyalty_entry__reference}, a {@code duplicate} on field {@code reference}), and so
 * is its posting position per account ({@code uq_crm_loyalty_entry__position}, which the statement pages by); the
 * account row carries the version and the ledger's last position.
 *
 * <p>Opening. {@link #addIfAbsent} inserts with {@code ON DUPLICATE KEY UPDATE}: a parallel opening waits for the
 * first, then holds the row's exclusive lock (not the shared lock of {@code INSERT IGNORE}, which parallel waiters
 * would each try to upgrade when they lock the account: a deadlock). It takes no gap lock, unlike a locking read of an
 * account that does not exist; so a caller opens an account before it locks it, never the other way round.
 *
 * <p>Reads under REPEATABLE READ. {@link #lock} takes the account row {@code FOR UPDATE}, which returns the latest
 * committed row even when the transaction's snapshot is older (it read something before it waited for the lock). The
 * lots are then read from the snapshot when the snapshot holds that same version of the row (every change of a lot
 * moves the row's version in the same transaction, so the snapshot's lots are the latest), and with a locking read
 * otherwise: stale lots beside a fresh balance would be stored back as if current. Locking reads on the lots' index
 * also lock the gap after them, which can hold up (or, both ways, deadlock with) the first lot of a neighbouring
 * account, so they are kept to that case. {@link #findEntry} reads with a shared lock for the same reason: an
 * idempotency key a parallel transaction just committed must be seen, not reported as a duplicate when stored.
 */
public final class MyBatisLoyaltyRepository implements LoyaltyRepository {
    /** Rows per multi-row insert or update: an expiry run can post one entry per lot. */
    private static final int CHUNK = 500;

    private static final MultiRowInsert<EntryRow> ENTRIES = MultiRowInsert.of("crm_loyalty_entry", EntryRow.class);
    private static final MultiRowInsert<EntryLineRow> ENTRY_LINES = MultiRowInsert.of("crm_loyalty_entry_line",
            EntryLineRow.class);
    /** The generated columns (open_customer_id, open_expires_at) are not the row's: never written. */
    private static final MultiRowInsert<LotRow> LOTS = MultiRowInsert.of("crm_loyalty_lot", LotRow.class);

    /**
     * What opens an account: its row and the opening id of the call ({@code opening_id}, the one column of
     * {@code crm_loyalty_account} that its row does not carry: not domain data, read back only by the opening).
     */
    private record Opening(AccountRow account, UUID openingId) {
    }

    /** Opens accounts; a row whose account exists is left as it is (see the class comment on locking). */
    private static final MultiRowInsert<Opening> OPENINGS = MultiRowInsert.of("crm_loyalty_account", Opening.class)
            .keepingExisting("opening_id");
    /** Each account only at the version it was read at: the matched rows are those no one changed meanwhile. */
    private static final MultiRowUpdate<AccountRow> ACCOUNTS = MultiRowUpdate.of("crm_loyalty_account",
            AccountRow.class, List.of("customer_id", "version"), List.of("balance", "lifetime_earned",
                    "lifetime_redeemed", "last_redemption_at", "shortfall", "tier", "earned_in_window",
                    "tier_evaluated_at", "last_position"), true);
    /** Changed lots of several accounts, by primary key. */
    private static final MultiRowUpdate<LotRow> LOT_REMAINDERS = MultiRowUpdate.of("crm_loyalty_lot", LotRow.class,
            List.of("id"), List.of("remaining"), false);

    /**
     * A customer's entries (the statement's read: per row, {@link RowReads} costs what the driver does), their
     * columns in the order of the row's components, which {@link #entryRow} reads by position.
     */
    private static final String SELECT_ENTRIES = "SELECT " + columns("e", EntryRow.class)
            + " FROM crm_loyalty_entry e WHERE e.customer_id = ?";
    /** Entries' lines by the primary key (entry_id, line_number), read by {@link #lineRow}; an IN list follows. */
    private static final String SELECT_ENTRY_LINES = "SELECT " + columns("n", EntryLineRow.class)
            + " FROM crm_loyalty_entry_line n WHERE n.entry_id IN ";

    private final MyBatisUnitOfWork unitOfWork;
    private final LoyaltyMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisLoyaltyRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(LoyaltyMapper.class);
    }

    @Override
    public boolean addIfAbsent(LoyaltyAccountSnapshot account) {
        AccountRow row = LoyaltyRows.toRow(account);
        // not a domain id: it only tells this call's insert from a parallel one's
        UUID opening = UUID.randomUUID();
        return unitOfWork.inTransaction(() -> {
            OPENINGS.insert(unitOfWork, List.of(new Opening(row, opening)));
            return opening.equals(mapper.selectOpeningId(row.customerId()));
        });
    }

    @Override
    public Optional<LockedLoyaltyAccount> lock(CustomerId customer) {
        return unitOfWork.inTransaction(() -> {
            AccountRow row = mapper.selectAccountForUpdate(customer.value());
            if (row == null) {
                return Optional.empty();
            }
            Long inSnapshot = mapper.selectAccountVersion(customer.value());
            boolean stale = inSnapshot == null || inSnapshot != row.version();
            return Optional.of(new LockedLoyaltyAccount(LoyaltyRows.toState(row),
                    mapper.selectOpenLots(customer.value(), stale).stream().map(LoyaltyRows::toLot).toList()));
        });
    }

    /** The batch of one of {@link #updateAll}. */
    @Override
    public void update(LoyaltyChanges changes) {
        updateAll(List.of(changes));
    }

    @Override
    public Optional<LoyaltyAccountSnapshot> find(CustomerId customer) {
        return Optional.ofNullable(mapper.selectAccount(customer.value())).map(LoyaltyRows::toState);
    }

    @Override
    public Optional<LedgerEntry> findEntry(CustomerId customer, EntryKind kind, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        // utf8mb4_bin pads with spaces ("k " = "k"): the row must match exactly, as in memory
        return unitOfWork.inTransaction(() -> withLines(mapper.selectEntryByReference(customer.value(), kind.name(),
                reference).stream().filter(row -> row.reference().equals(reference)).toList()).stream().findFirst());
    }

    @Override
    public List<LedgerEntry> entries(CustomerId customer, Long before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // newest first in posting order, read backwards from uq_crm_loyalty_entry__position (customer_id, position)
        String sql = SELECT_ENTRIES + (before == null ? "" : " AND e.position < ?")
                + " ORDER BY e.position DESC LIMIT ?";
        List<Object> values = before == null ? List.of(customer.value(), limit)
                : List.of(customer.value(), before, limit);
        return unitOfWork.inTransaction(() -> withLines(RowReads.list(unitOfWork, "loyalty_entry", sql, values,
                MyBatisLoyaltyRepository::entryRow)));
    }

    private static EntryRow entryRow(RowReads.Columns r) throws SQLException {
        return new EntryRow(r.uuid(1), r.uuid(2), r.longValue(3), r.string(4), r.longValue(5), r.longValue(6),
                r.longValue(7), r.longValue(8), r.instant(9), r.string(10), r.string(11), r.instant(12));
    }

    private static EntryLineRow lineRow(RowReads.Columns r) throws SQLException {
        return new EntryLineRow(r.uuid(1), r.intValue(2), r.uuid(3), r.intValue(4), r.longValue(5), r.string(6));
    }

    @Override
    public long earnedBetween(CustomerId customer, Instant from, Instant to) {
        return mapper.selectEarnedBetween(customer.value(), from, to);
    }

    @Override
    public List<CustomerId> withLotsExpiringBy(Instant asOf, CustomerId after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return mapper.selectWithLotsExpiringBy(asOf, after == null ? null : after.value(), limit).stream()
                .map(CustomerId::new).toList();
    }

    @Override
    public List<CustomerId> accounts(CustomerId after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return mapper.selectAccounts(after == null ? null : after.value(), limit).stream().map(CustomerId::new)
                .toList();
    }

    @Override
    public List<Earner> topEarners(Instant from, Instant to, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return mapper.selectTopEarners(from, to, limit).stream()
                .map(r -> new Earner(new CustomerId(r.customerId()), r.earned())).toList();
    }

    @Override
    public LedgerSums sums(CustomerId customer) {
        return LoyaltyRows.toSums(mapper.selectSums(customer.value()));
    }

    @Override
    public int eraseRedemptionNotes(CustomerId customer) {
        return unitOfWork.inTransaction(() -> mapper.eraseRedemptionNotes(customer.value()));
    }

    @Override
    public Set<CustomerId> addAllIfAbsent(List<LoyaltyAccountSnapshot> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        List<AccountRow> rows = accounts.stream().map(LoyaltyRows::toRow)
                .sorted(Comparator.comparing(AccountRow::customerId, UuidV7::compareBytes)).toList();
        // one opening id for the call: the rows that carry it are the ones this call inserted
        UUID opening = UUID.randomUUID();
        return unitOfWork.inTransaction(() -> {
            OPENINGS.insert(unitOfWork, rows.stream().map(row -> new Opening(row, opening)).toList());
            Set<CustomerId> opened = new LinkedHashSet<>();
            for (List<AccountRow> chunk : chunks(rows)) {
                mapper.selectOpeningIds(chunk.stream().map(AccountRow::customerId).toList()).stream()
                        .filter(r -> opening.equals(r.openingId()))
                        .forEach(r -> opened.add(new CustomerId(r.customerId())));
            }
            return opened;
        });
    }

    /**
     * Locks the rows with one {@code SELECT ... FOR UPDATE} per {@value #CHUNK} accounts, in the order of their ids,
     * then reads the open lots of all of them as {@link #lock} does: from the snapshot when it holds the locked
     * version of every row, with a locking read otherwise.
     */
    @Override
    public Map<CustomerId, LockedLoyaltyAccount> lockAll(Collection<CustomerId> customers) {
        List<UUID> ids = sortedIds(customers);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return unitOfWork.inTransaction(() -> {
            Map<CustomerId, LockedLoyaltyAccount> locked = new LinkedHashMap<>();
            for (List<UUID> chunk : chunks(ids)) {
                List<AccountRow> rows = mapper.selectAccountsForUpdate(chunk);
                if (rows.isEmpty()) {
                    continue;
                }
                List<UUID> found = rows.stream().map(AccountRow::customerId).toList();
                Map<UUID, Long> inSnapshot = mapper.selectAccountVersions(found).stream()
                        .collect(Collectors.toMap(VersionRow::customerId, VersionRow::version));
                boolean stale = rows.stream().anyMatch(r -> !Long.valueOf(r.version())
                        .equals(inSnapshot.get(r.customerId())));
                Map<UUID, List<LotRow>> lots = mapper.selectOpenLotsOf(found, stale).stream()
                        .collect(Collectors.groupingBy(LotRow::customerId));
                for (AccountRow row : rows) {
                    locked.put(new CustomerId(row.customerId()), new LockedLoyaltyAccount(LoyaltyRows.toState(row),
                            lots.getOrDefault(row.customerId(), List.of()).stream().map(LoyaltyRows::toLot)
                                    .toList()));
                }
            }
            return locked;
        });
    }

    /**
     * Stores the changes of every account in a handful of statements: the rows in one versioned {@code UPDATE} per
     * {@value #CHUNK} accounts (which must find every one of them at its version), then the entries, their lines and
     * the new lots in multi-row inserts and the changed lots' remainders in one statement per chunk.
     */
    @Override
    public void updateAll(List<LoyaltyChanges> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<AccountRow> rows = changes.stream().map(c -> LoyaltyRows.toRow(c.snapshot())).toList();
        unitOfWork.inTransaction(() -> {
            for (List<AccountRow> chunk : chunks(rows)) {
                if (ACCOUNTS.update(unitOfWork, chunk) != chunk.size()) {
                    throw staleOf(chunk);
                }
            }
            ENTRIES.insert(unitOfWork, changes.stream().flatMap(c -> c.entries().stream()).map(LoyaltyRows::toRow)
                    .toList());
            ENTRY_LINES.insert(unitOfWork, changes.stream().flatMap(c -> c.entries().stream())
                    .flatMap(e -> LoyaltyRows.toLineRows(e).stream()).toList());
            LOTS.insert(unitOfWork, changes.stream().flatMap(c -> c.newLots().stream()).map(LoyaltyRows::toRow)
                    .toList());
            LOT_REMAINDERS.update(unitOfWork, changes.stream().flatMap(c -> c.changedLots().stream())
                    .map(LoyaltyRows::toRow).toList());
        });
    }

    /** @return the conflict of the first account of the chunk whose stored version is not the one it was read at */
    private ConflictException staleOf(List<AccountRow> chunk) {
        Map<UUID, Long> stored = mapper.selectAccountVersions(chunk.stream().map(AccountRow::customerId).toList())
                .stream().collect(Collectors.toMap(VersionRow::customerId, VersionRow::version));
        AccountRow stale = chunk.stream()
                .filter(r -> !Long.valueOf(r.version() + 1).equals(stored.get(r.customerId())))
                .findFirst().orElse(chunk.get(0));
        // the row carries the version its account was read at, which the conflict names
        return ConflictException.staleVersion("loyalty_account", new CustomerId(stale.customerId()),
                stale.version());
    }

    @Override
    public Map<CustomerId, LoyaltyAccountSnapshot> findAll(Collection<CustomerId> customers) {
        Map<CustomerId, LoyaltyAccountSnapshot> found = new LinkedHashMap<>();
        for (List<UUID> chunk : chunks(sortedIds(customers))) {
            mapper.selectAccountsOf(chunk).forEach(r -> found.put(new CustomerId(r.customerId()),
                    LoyaltyRows.toState(r)));
        }
        return found;
    }

    /**
     * Reads exactly the pairs asked for, {@value #CHUNK} per statement, by the unique index on (customer, kind,
     * reference), under the shared lock {@link #findEntry} takes.
     */
    @Override
    public List<LedgerEntry> findEntries(EntryKind kind, Collection<EntryKey> keys) {
        List<EntryKey> wanted = keys.stream().distinct().sorted(Comparator.comparing(
                (EntryKey k) -> k.customer().value(), UuidV7::compareBytes).thenComparing(EntryKey::reference))
                .toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> {
            List<EntryRow> rows = new ArrayList<>();
            for (List<EntryKey> chunk : chunks(wanted)) {
                Set<EntryKey> asked = Set.copyOf(chunk);
                // utf8mb4_bin pads with spaces ("k " = "k"): the rows must match exactly, as in memory
                mapper.selectEntriesByKeys(kind.name(), chunk.stream().map(k -> new EntryKeyParams(
                                k.customer().value(), k.reference())).toList()).stream()
                        .filter(row -> asked.contains(new EntryKey(new CustomerId(row.customerId()),
                                row.reference()))).forEach(rows::add);
            }
            return withLines(rows);
        });
    }

    /**
     * One {@code GROUP BY} per {@value #CHUNK} customers along {@code ix_crm_loyalty_entry_window} (customer_id,
     * earned_at, earned), which covers it; the chunks go in the order of the ids, so the items do too.
     */
    @Override
    public List<Earning> earnings(Collection<CustomerId> customers, Instant from, Instant to) {
        List<Earning> earnings = new ArrayList<>();
        for (List<UUID> chunk : chunks(sortedIds(customers))) {
            mapper.selectEarnings(chunk, from, to).forEach(r -> earnings.add(new Earning(
                    new CustomerId(r.customerId()), r.earnedAt(), r.earned())));
        }
        return earnings;
    }

    private static List<UUID> sortedIds(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::value).distinct().sorted(UuidV7::compareBytes).toList();
    }

    /** The entries of the rows, in their order, with their lines read in one more statement. */
    private List<LedgerEntry> withLines(List<EntryRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<EntryLineRow>> lines = new HashMap<>();
        for (List<EntryRow> chunk : chunks(rows)) {
            lines.putAll(RowReads.list(unitOfWork, "loyalty_entry_line", SELECT_ENTRY_LINES
                            + RowReads.markers(chunk.size()) + " ORDER BY n.entry_id, n.line_number",
                    chunk.stream().map(EntryRow::id).toList(), MyBatisLoyaltyRepository::lineRow).stream()
                    .collect(Collectors.groupingBy(EntryLineRow::entryId)));
        }
        return LoyaltyRows.toEntries(rows, lines);
    }

    /** @return the row's columns as a select list of the table aliased {@code alias} */
    private static String columns(String alias, Class<? extends Record> row) {
        return RowColumns.names(row).stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }
}
