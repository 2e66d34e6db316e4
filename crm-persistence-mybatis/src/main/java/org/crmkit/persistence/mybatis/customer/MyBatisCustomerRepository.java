package org.crmkit.persistence.mybatis.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.customer.domain.Customer;
import org.crmkit.core.customer.domain.CustomerSnapshot;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.persistence.mybatis.support.LikePatterns;
import org.crmkit.persistence.mybatis.support.MyBatisUnitOfWork;

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
    public void add(Customer customer) {
        CustomerSnapshot snapshot = customer.snapshot();
        unitOfWork.inTransaction(() -> {
            mapper.insert(CustomerRows.toRow(snapshot));
            insertTags(snapshot);
        });
    }

    @Override
    public void update(Customer customer) {
        CustomerSnapshot snapshot = customer.snapshot();
        unitOfWork.updateVersioned(customer, () -> mapper.update(CustomerRows.toRow(snapshot)), () -> {
            mapper.deleteTags(snapshot.id().value());
            insertTags(snapshot);
        });
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> restore(List.of(row)).get(0)));
    }

    @Override
    public List<Customer> findByEmail(EmailAddress email) {
        return unitOfWork.inTransaction(() -> restore(mapper.selectByEmail(email.value())));
    }

    @Override
    public List<Customer> findByPhone(PhoneNumber phone) {
        return unitOfWork.inTransaction(() -> restore(mapper.selectByPhone(phone.value())));
    }

    @Override
    public Optional<Customer> findByExternalReference(String reference) {
        return unitOfWork.inTransaction(() -> restore(mapper.selectByExternalRef(reference)).stream().findFirst());
    }

    @Override
    public List<Customer> findByExternalReferences(Collection<String> references) {
        List<String> wanted = references.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return unitOfWork.inTransaction(() -> {
            List<Customer> found = new java.util.ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                found.addAll(restore(mapper.selectByExternalRefs(wanted.subList(from,
                        Math.min(wanted.size(), from + CHUNK)))));
            }
            return found;
        });
    }

    @Override
    public List<Customer> findByNameKeyAndPostalCode(String nameKey, String postalCode) {
        return unitOfWork.inTransaction(() -> restore(mapper.selectByNameKeyAndPostalCode(nameKey, postalCode)));
    }

    @Override
    public List<Customer> search(CustomerSearchCriteria c, int limit) {
        CustomerSearchCriteria.SeekPosition after = c.after();
        SearchParams params = new SearchParams(
                c.textPrefix() == null ? null : LikePatterns.startingWith(c.textPrefix()),
                c.status() == null ? null : c.status().name(), c.tag(), c.countryCode(),
                c.accountManager() == null ? null : c.accountManager().value(),
                c.registeredFrom(), c.registeredBefore(), c.sort().name(),
                after == null ? null : after.nameKey(), after == null ? null : after.registeredAt(),
                after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.search(params)));
    }

    private void insertTags(CustomerSnapshot snapshot) {
        List<TagRow> tags = CustomerRows.toTagRows(snapshot);
        if (!tags.isEmpty()) {
            mapper.insertTags(tags);
        }
    }

    private List<Customer> restore(List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TagRow>> tags = mapper.selectTags(CustomerRows.ids(rows)).stream()
                .collect(Collectors.groupingBy(TagRow::customerId));
        return rows.stream()
                .map(row -> Customer.restore(CustomerRows.toSnapshot(row, tags.getOrDefault(row.id(), List.of()))))
                .toList();
    }
}
