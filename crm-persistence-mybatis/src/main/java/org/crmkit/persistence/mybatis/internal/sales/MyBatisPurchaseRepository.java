package org.crmkit.persistence.mybatis.internal.sales;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.persistence.mybatis.internal.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.internal.support.MultiRowUpdate;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

// Over 300 lines by a few: the purchase port's single and bulk paths (multi-row inserts and version updates of
// purchases, lines and returns) share their row mapping; split, each half would need the other's rows.
/**
 * Purchases in {@code crm_purchase} with their lines in {@code crm_purchase_line} and their returns in
 * {@code crm_purchase_return} and {@code crm_purchase_return_line}, unique by source and external reference
 * ({@code uq_crm_purchase__externalReference}), with optimistic locking on the version column. A purchase is read in
 * three statements (purchases, lines, returns with their lines), a page of them too. Returns are append-only: an
 * update rewrites the lines' returned quantities and inserts the returns not stored yet.
 */
public final class MyBatisPurchaseRepository implements PurchaseRepository {
    /** Most rows of one multi-row statement. */
    static final int CHUNK = 500;
    /** Most queries of one {@link #findWithProducts} statement. */
    private static final int QUERIES = 100;
    /** Newest first, as the queries order them: by time, then by id as bytes. */
    private static final java.util.Comparator<PurchaseSnapshot> NEWEST_FIRST = java.util.Comparator
            .comparing((PurchaseSnapshot p) -> p.occurredAt())
            .thenComparing(p -> p.id().value(), org.crmkit.core.shared.UuidV7::compareBytes).reversed();

    private static final MultiRowInsert<PurchaseRow> PURCHASES = MultiRowInsert.of("crm_purchase", PurchaseRow.class);
    private static final MultiRowInsert<PurchaseLineRow> LINES = MultiRowInsert.of("crm_purchase_line",
            PurchaseLineRow.class);
    private static final MultiRowInsert<ReturnRow> RETURNS = MultiRowInsert.of("crm_purchase_return",
            ReturnRow.class);
    private static final MultiRowInsert<ReturnLineRow> RETURN_LINES = MultiRowInsert.of("crm_purchase_return_line",
            ReturnLineRow.class);
    /** Several purchases' versions, each only at the version it was loaded at: the matched rows are those that were. */
    private static final MultiRowUpdate<PurchaseRow> VERSIONS = MultiRowUpdate.of("crm_purchase", PurchaseRow.class,
            List.of("id", "version"), List.of(), true);
    /** The returned quantities of several purchases' lines. */
    private static final MultiRowUpdate<PurchaseLineRow> RETURNED = MultiRowUpdate.of("crm_purchase_line",
            PurchaseLineRow.class, List.of("purchase_id", "line_number"), List.of("returned"), false);

    private final MyBatisUnitOfWork unitOfWork;
    private final PurchaseMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisPurchaseRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(PurchaseMapper.class);
    }

    @Override
    public void add(PurchaseSnapshot purchase) {
        PurchaseSnapshot snapshot = purchase;
        unitOfWork.inTransaction(() -> {
            PURCHASES.insert(unitOfWork, List.of(PurchaseRows.toRow(snapshot)));
            LINES.insert(unitOfWork, PurchaseRows.toLineRows(snapshot));
            insertReturns(snapshot.id(), snapshot.returns());
        });
    }

    /**
     * Adds the purchases in multi-row statements of at most {@value MultiRowInsert#CHUNK} rows each (purchases, then
     * their lines), a handful of round trips per batch whatever the driver's {@code rewriteBatchedStatements}.
     */
    @Override
    public void addAll(List<PurchaseSnapshot> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        List<PurchaseSnapshot> snapshots = purchases.stream().toList();
        unitOfWork.inTransaction(() -> {
            PURCHASES.insert(unitOfWork, snapshots.stream().map(PurchaseRows::toRow).toList());
            LINES.insert(unitOfWork, snapshots.stream().flatMap(s -> PurchaseRows.toLineRows(s).stream()).toList());
            for (PurchaseSnapshot snapshot : snapshots) {
                insertReturns(snapshot.id(), snapshot.returns());
            }
        });
    }

    @Override
    public Map<String, PurchaseSnapshot> findByReferences(String source, Collection<String> externalReferences) {
        Map<String, PurchaseSnapshot> found = new HashMap<>();
        if (externalReferences.isEmpty()) {
            return found;
        }
        unitOfWork.inTransaction(() -> {
            for (List<String> chunk : chunks(List.copyOf(externalReferences))) {
                // utf8mb4_bin pads with spaces: keep exact matches only, as in memory
                restore(mapper.selectByReferences(source, chunk).stream().filter(row -> row.source().equals(source)
                        && chunk.contains(row.externalReference())).toList())
                        .forEach(p -> found.put(p.externalReference(), p));
            }
        });
        return found;
    }

    @Override
    public Optional<PurchaseId> findByReturnReference(String reference) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectReturnHolder(reference))
                .map(PurchaseId::new));
    }

    @Override
    public Set<String> findReturnReferences(Collection<String> references) {
        Set<String> found = new HashSet<>();
        List<String> wanted = references.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return found;
        }
        unitOfWork.inTransaction(() -> {
            for (List<String> chunk : chunks(wanted)) {
                // utf8mb4_bin pads with spaces: keep exact matches only, as in memory
                mapper.selectReturnReferences(chunk).stream().filter(chunk::contains).forEach(found::add);
            }
        });
        return found;
    }

    @Override
    public List<PurchaseSnapshot> findWithProduct(CustomerId customer, ProductId product, Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> restore(mapper.selectWithProduct(customer.value(), product.value(),
                before, limit)));
    }

    /**
     * Reads the union of the queries' results in one statement per {@value #QUERIES} queries (each query's newest
     * purchases as a parenthesized {@code SELECT ... LIMIT}, joined back to the purchases), then gives each query the
     * purchases of the union that it matches, newest first, at most {@code limit}: exactly its own result, since the
     * union holds it.
     */
    @Override
    public Map<ProductHolding, List<PurchaseSnapshot>> findWithProducts(Collection<ProductHolding> queries, int limit) {
        List<ProductHolding> distinct = queries.stream().distinct().toList();
        Map<ProductHolding, List<PurchaseSnapshot>> found = new HashMap<>();
        if (limit <= 0) {
            distinct.forEach(q -> found.put(q, List.of()));
            return found;
        }
        unitOfWork.inTransaction(() -> {
            for (List<ProductHolding> chunk : chunks(distinct, QUERIES)) {
                List<PurchaseSnapshot> union = restore(mapper.selectWithProducts(chunk.stream().map(q -> new HoldingParams(
                        q.customer().value(), q.product().value(), q.before())).toList(), limit));
                for (ProductHolding q : chunk) {
                    found.put(q, union.stream().filter(p -> holds(p, q)).sorted(NEWEST_FIRST).limit(limit)
                            .toList());
                }
            }
        });
        return found;
    }

    private static boolean holds(PurchaseSnapshot p, ProductHolding q) {
        return q.customer().equals(p.customer()) && !p.occurredAt().isAfter(q.before())
                && p.lines().stream().anyMatch(l -> l.product().equals(q.product()));
    }

    /**
     * Stores the purchases in five statements per {@value #CHUNK} of them: their versions (one versioned
     * {@code UPDATE ... JOIN} that must find every purchase at its version), the returns already stored, the returned
     * quantities of the lines the new returns took from, and the new returns and their lines.
     */
    @Override
    public void updateAll(List<PurchaseSnapshot> purchases) {
        if (purchases.isEmpty()) {
            return;
        }
        unitOfWork.inTransaction(() -> {
            for (List<PurchaseSnapshot> chunk : chunks(purchases, CHUNK)) {
                if (VERSIONS.update(unitOfWork, chunk.stream().map(PurchaseRows::toRow).toList())
                        != chunk.size()) {
                    throw chunk.stream().filter(p -> Optional.ofNullable(mapper.selectById(p.id().value()))
                                    .map(row -> row.version() != p.version() + 1).orElse(true))
                            .findFirst().map(p -> ConflictException.staleVersion("purchase", p.id(), p.version()))
                            .orElseGet(() -> ConflictException.staleVersion("purchase", chunk.get(0).id(),
                                    chunk.get(0).version()));
                }
                List<PurchaseSnapshot> snapshots = chunk;
                // read after the versioned update, which holds the purchases' rows: no concurrent return slips in
                Set<UUID> stored = new HashSet<>(mapper.selectReturnIdsOf(snapshots.stream()
                        .map(s -> s.id().value()).toList()));
                List<ReturnRow> returns = new java.util.ArrayList<>();
                List<ReturnLineRow> returnLines = new java.util.ArrayList<>();
                List<PurchaseLineRow> changedLines = new java.util.ArrayList<>();
                for (PurchaseSnapshot s : snapshots) {
                    Set<Integer> returned = new HashSet<>();
                    for (PurchaseReturn r : s.returns()) {
                        if (!stored.contains(r.id())) {
                            returns.add(PurchaseRows.toReturnRow(s.id(), r));
                            returnLines.addAll(PurchaseRows.toReturnLineRows(r));
                            r.lines().forEach(l -> returned.add(l.lineNumber()));
                        }
                    }
                    // only the lines a new return took from changed their returned quantity
                    PurchaseRows.toLineRows(s).stream().filter(l -> returned.contains(l.lineNumber()))
                            .forEach(changedLines::add);
                }
                RETURNED.update(unitOfWork, changedLines);
                RETURNS.insert(unitOfWork, returns);
                RETURN_LINES.insert(unitOfWork, returnLines);
            }
        });
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        return chunks(all, CHUNK);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    @Override
    public void update(PurchaseSnapshot purchase) {
        PurchaseSnapshot snapshot = purchase;
        unitOfWork.updateVersioned("purchase", purchase.id(), purchase.version(), () -> mapper.update(PurchaseRows.toRow(snapshot)), () -> {
            List<PurchaseLineRow> lines = PurchaseRows.toLineRows(snapshot);
            if (!lines.isEmpty()) {
                mapper.updateReturned(snapshot.id().value(), lines);
            }
            // read after the versioned update, which holds the purchase's row: no concurrent return slips in
            Set<UUID> stored = new HashSet<>(mapper.selectReturnIds(snapshot.id().value()));
            insertReturns(snapshot.id(), snapshot.returns().stream().filter(r -> !stored.contains(r.id())).toList());
        });
    }

    @Override
    public Optional<PurchaseSnapshot> findById(PurchaseId id) {
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectById(id.value()))).stream().findFirst());
    }

    @Override
    public Optional<PurchaseSnapshot> findByReference(String source, String externalReference) {
        // utf8mb4_bin pads with spaces ("A-1 " = "A-1"): the row must match exactly, as in memory
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectByReference(source, externalReference))
                .stream().filter(row -> row.source().equals(source)
                        && row.externalReference().equals(externalReference)).toList()).stream().findFirst());
    }

    @Override
    public List<PurchaseSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        HistoryParams params = new HistoryParams(customer.value(), after == null ? null : after.at(),
                after == null ? null : after.id(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.selectByCustomer(params)));
    }

    @Override
    public List<CurrencyTotals> totals(CustomerId customer) {
        return mapper.selectTotals(customer.value()).stream().map(PurchaseRows::toTotals).toList();
    }

    @Override
    public List<CustomerRanking> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount,
                                              int limit) {
        if (limit <= 0) {
            return List.of();
        }
        RankingParams params = new RankingParams(from, to, currency == null ? null : currency.getCurrencyCode(),
                byAmount, limit);
        return mapper.selectTopCustomers(params).stream().map(r -> new CustomerRanking(
                new CustomerId(r.customerId()), r.purchases(),
                currency == null ? null : new MoneyTotal(r.amount(), currency))).toList();
    }

    private void insertReturns(PurchaseId purchase, List<PurchaseReturn> returns) {
        RETURNS.insert(unitOfWork, returns.stream().map(r -> PurchaseRows.toReturnRow(purchase, r)).toList());
        RETURN_LINES.insert(unitOfWork, returns.stream().flatMap(r -> PurchaseRows.toReturnLineRows(r).stream())
                .toList());
    }

    /** The purchases of the rows, in their order, with their lines and returns read in two more statements. */
    private List<PurchaseSnapshot> restore(List<PurchaseRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = PurchaseRows.ids(rows);
        Map<UUID, List<PurchaseLineRow>> lines = mapper.selectLines(ids).stream()
                .collect(Collectors.groupingBy(PurchaseLineRow::purchaseId));
        Map<UUID, List<ReturnWithLineRow>> returns = mapper.selectReturns(ids).stream()
                .collect(Collectors.groupingBy(ReturnWithLineRow::purchaseId));
        return rows.stream().map(row -> PurchaseRows.toSnapshot(row,
                lines.getOrDefault(row.id(), List.of()), returns.getOrDefault(row.id(), List.of()))).toList();
    }

    private static List<PurchaseRow> nullable(PurchaseRow row) {
        return row == null ? List.of() : List.of(row);
    }
}
