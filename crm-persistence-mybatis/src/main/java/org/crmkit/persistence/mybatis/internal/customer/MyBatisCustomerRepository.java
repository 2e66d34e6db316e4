package org.crmkit.persistence.mybatis.internal.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.persistence.mybatis.internal.support.LikePatterns;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/** Customers in {@code crm_customer} and {@code crm_customer_tag}, with optimistic locking on the version column. */
public final class MyBatisCustomerRepository implements CustomerRepository {
    /** Most references of one query. */
    private static final int CHUNK = 500;

    private final MyBatisUnitOfWork unitOfWork;
    private final CustomerMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisCustomerRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(CustomerMapper.class);
    }

    @Override
    public void add(CustomerSnapshot snapshot) {
        unitOfWork.inTransaction(() -> {
            mapper.insert(CustomerRows.toRow(snapshot));
            insertTags(snapshot);
        });
    }

    @Override
    public void update(CustomerSnapshot snapshot) {
        unitOfWork.updateVersioned("customer", snapshot.id(), snapshot.version(),
                () -> mapper.update(CustomerRows.toRow(snapshot)), () -> {
                    mapper.deleteTags(snapshot.id().value());
                    insertTags(snapshot);
                });
    }

    @Override
    public Optional<CustomerSnapshot> findById(CustomerId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> snapshots(List.of(row)).get(0)));
    }

    @Override
    public List<CustomerSnapshot> findByEmail(EmailAddress email) {
        return unitOfWork.inTransaction(() -> snapshots(mapper.selectByEmail(email.value())));
    }

    @Override
    public List<CustomerSnapshot> findByPhone(PhoneNumber phone) {
        return unitOfWork.inTransaction(() -> snapshots(mapper.selectByPhone(phone.value())));
    }

    @Override
    public Optional<CustomerSnapshot> findByExternalReference(String reference) {
        return unitOfWork.inTransaction(() -> snapshots(mapper.selectByExternalRef(reference)).stream().findFirst());
    }

    @Override
    public List<CustomerSnapshot> findByExternalReferences(Collection<String> references) {
        List<String> wanted = references.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> {
            List<CustomerSnapshot> found = new java.util.ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                found.addAll(snapshots(mapper.selectByExternalRefs(wanted.subList(from,
                        Math.min(wanted.size(), from + CHUNK)))));
            }
            return found;
        });
    }

    @Override
    public List<CustomerSnapshot> findByNameKeyAndPostalCode(String nameKey, String postalCode) {
        return unitOfWork.inTransaction(() -> snapshots(mapper.selectByNameKeyAndPostalCode(nameKey, postalCode)));
    }

    @Override
    public List<CustomerSnapshot> search(CustomerSearchCriteria c, int limit) {
        CustomerSearchCriteria.SeekPosition after = c.after();
        SearchParams params = new SearchParams(
                c.textPrefix() == null ? null : LikePatterns.startingWith(c.textPrefix()),
                c.status() == null ? null : c.status().name(), c.tag(), c.countryCode(),
                c.accountManager() == null ? null : c.accountManager().value(),
                c.registeredFrom(), c.registeredBefore(), c.sort().name(),
                after == null ? null : after.nameKey(), after == null ? null : after.registeredAt(),
                after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> snapshots(mapper.search(params)));
    }

    private void insertTags(CustomerSnapshot snapshot) {
        List<TagRow> tags = CustomerRows.toTagRows(snapshot);
        if (!tags.isEmpty()) {
            mapper.insertTags(tags);
        }
    }

    private List<CustomerSnapshot> snapshots(List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TagRow>> tags = mapper.selectTags(CustomerRows.ids(rows)).stream()
                .collect(Collectors.groupingBy(TagRow::customerId));
        return rows.stream()
                .map(row -> CustomerRows.toSnapshot(row, tags.getOrDefault(row.id(), List.of())))
                .toList();
    }
}
