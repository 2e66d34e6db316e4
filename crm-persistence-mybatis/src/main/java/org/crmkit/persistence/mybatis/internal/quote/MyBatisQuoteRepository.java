package org.crmkit.persistence.mybatis.internal.quote;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Quotes in {@code crm_quote} with their lines in {@code crm_quote_line}, with optimistic locking on the version
 * column. {@link #lock} reads the row and its lines {@code FOR UPDATE}: the latest committed state, held to the end of
 * the transaction, so concurrent acceptances, rejections, revisions and expiries of one quote queue up. A quote or a
 * page of them is read in two statements (quotes, then their lines). A search narrowed to an account manager's
 * customers joins {@code crm_customer} through its account-manager index in the same statement.
 */
public final class MyBatisQuoteRepository implements QuoteRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final QuoteMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisQuoteRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(QuoteMapper.class);
    }

    @Override
    public void add(QuoteSnapshot quote) {
        QuoteSnapshot snapshot = quote;
        unitOfWork.inTransaction(() -> {
            mapper.insert(QuoteRows.toRow(snapshot));
            mapper.insertLines(QuoteRows.toLineRows(snapshot));
        });
    }

    @Override
    public void update(QuoteSnapshot quote) {
        QuoteSnapshot snapshot = quote;
        // the lines' products and quantities never change; an answer sets their prices
        unitOfWork.updateVersioned("quote", quote.id(), quote.version(), () -> mapper.update(QuoteRows.toRow(snapshot)),
                () -> mapper.updatePrices(snapshot.id().value(), QuoteRows.toLineRows(snapshot)));
    }

    @Override
    public Optional<QuoteSnapshot> findById(QuoteId id) {
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectById(id.value())), false).stream()
                .findFirst());
    }

    @Override
    public Optional<QuoteSnapshot> lock(QuoteId id) {
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectForUpdate(id.value())), true).stream()
                .findFirst());
    }

    @Override
    public List<QuoteSnapshot> search(QuoteSearchCriteria criteria, int limit) {
        return search(criteria, null, limit);
    }

    @Override
    public List<QuoteSnapshot> searchManagedBy(StaffId accountManager, QuoteSearchCriteria criteria, int limit) {
        return search(criteria, accountManager.value(), limit);
    }

    private List<QuoteSnapshot> search(QuoteSearchCriteria criteria, UUID manager, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SearchParams params = new SearchParams(criteria.status() == null ? null : criteria.status().name(),
                criteria.customers() == null ? null : criteria.customers().stream().map(c -> c.value()).toList(),
                manager, criteria.sort() == QuoteSort.REQUESTED_DESC,
                criteria.after() == null ? null : criteria.after().at(),
                criteria.after() == null ? null : criteria.after().id(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.search(params), false));
    }

    @Override
    public List<Due> quotedValidUntil(Instant asOf, Due after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> mapper.selectQuotedValidUntil(asOf,
                after == null ? null : after.validUntil(), after == null ? null : after.id().value(), limit).stream()
                .map(row -> new Due(new QuoteId(row.id()), row.validUntil())).toList());
    }

    /** The quotes of the rows, in their order, with their lines read in one more statement. */
    private List<QuoteSnapshot> restore(List<QuoteRow> rows, boolean locking) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<QuoteLineRow>> lines = mapper.selectLines(QuoteRows.ids(rows), locking).stream()
                .collect(Collectors.groupingBy(QuoteLineRow::quoteId));
        return rows.stream().map(row -> QuoteRows.toSnapshot(row,
                lines.getOrDefault(row.id(), List.of()))).toList();
    }

    private static List<QuoteRow> nullable(QuoteRow row) {
        return row == null ? List.of() : List.of(row);
    }
}
