package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria.SeekPosition;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.UuidV7;

/**
 * Customers in memory, as snapshots. Enforces the same unique fields and optimistic locking as the database, and
 * orders searches the way a binary collation does (code points), so host tests see what production sees.
 */
public final class InMemoryCustomerRepository implements CustomerRepository {
    private static final String TYPE = "customer";

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<CustomerId, CustomerSnapshot> rows = new HashMap<>();

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryCustomerRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(CustomerSnapshot snapshot) {
        unitOfWork.inTransaction(() -> {
            if (rows.containsKey(snapshot.id())) {
                throw ConflictException.duplicate(TYPE, "id", null);
            }
            requireUnique(snapshot);
            rows.put(snapshot.id(), snapshot);
            unitOfWork.onRollback(() -> rows.remove(snapshot.id()));
        });
    }

    @Override
    public void update(CustomerSnapshot snapshot) {
        unitOfWork.inTransaction(() -> {
            CustomerSnapshot stored = rows.get(snapshot.id());
            if (stored == null || stored.version() != snapshot.version()) {
                throw ConflictException.staleVersion(TYPE, snapshot.id(), snapshot.version());
            }
            requireUnique(snapshot);
            rows.put(snapshot.id(), withVersion(snapshot, snapshot.version() + 1));
            unitOfWork.onRollback(() -> rows.put(stored.id(), stored));
        });
    }

    @Override
    public Optional<CustomerSnapshot> findById(CustomerId id) {
        return unitOfWork.inTransaction(() -> Optional.ofNullable(rows.get(id)));
    }

    @Override
    public List<CustomerSnapshot> findByEmail(EmailAddress email) {
        return where(c -> c.email().equals(email));
    }

    @Override
    public List<CustomerSnapshot> findByPhone(PhoneNumber phone) {
        return where(c -> phone.equals(c.phone()));
    }

    @Override
    public Optional<CustomerSnapshot> findByExternalReference(String reference) {
        return unitOfWork.inTransaction(() -> rows.values().stream()
                .filter(s -> reference.equals(s.externalReference()))
                .findFirst());
    }

    @Override
    public List<CustomerSnapshot> findByNameKeyAndPostalCode(String nameKey, String postalCode) {
        return where(c -> c.name().sortKey().equals(nameKey) && c.address() != null
                && postalCode.equals(c.address().postalCode()));
    }

    @Override
    public List<CustomerSnapshot> search(CustomerSearchCriteria criteria, int limit) {
        Comparator<SortKey> order = order(criteria.sort());
        SortKey after = criteria.after() == null ? null : SortKey.of(criteria.after());
        return unitOfWork.inTransaction(() -> rows.values().stream()
                .filter(s -> matches(s, criteria))
                .filter(s -> after == null || order.compare(SortKey.of(s), after) > 0)
                .sorted(Comparator.comparing(SortKey::of, order))
                .limit(limit)
                
                .toList());
    }

    private List<CustomerSnapshot> where(Predicate<ContactDetails> predicate) {
        return unitOfWork.inTransaction(() -> rows.values().stream()
                .filter(s -> s.contact() != null && predicate.test(s.contact()))
                .sorted(Comparator.comparing(s -> s.id().value(), UuidV7::compareBytes))
                
                .toList());
    }

    private void requireUnique(CustomerSnapshot candidate) {
        for (CustomerSnapshot other : rows.values()) {
            if (other.id().equals(candidate.id())) {
                continue;
            }
            if (candidate.contact() != null && other.contact() != null) {
                if (candidate.contact().email().equals(other.contact().email())) {
                    throw ConflictException.duplicate(TYPE, "email", null);
                }
                if (candidate.contact().phone() != null && candidate.contact().phone().equals(other.contact().phone())) {
                    throw ConflictException.duplicate(TYPE, "phone", null);
                }
            }
            if (candidate.externalReference() != null
                    && candidate.externalReference().equals(other.externalReference())) {
                throw ConflictException.duplicate(TYPE, "externalReference", null);
            }
        }
    }

    private static boolean matches(CustomerSnapshot s, CustomerSearchCriteria c) {
        ContactDetails contact = s.contact();
        if (c.textPrefix() != null && (contact == null
                || !(s.nameKey().startsWith(c.textPrefix())
                || PersonName.fold(contact.name().first()).startsWith(c.textPrefix())
                || contact.email().value().startsWith(c.textPrefix())))) {
            return false;
        }
        return (c.status() == null ? s.status() != CustomerStatus.ERASED : c.status() == s.status())
                && (c.tag() == null || s.tags().contains(new Tag(c.tag())))
                && (c.countryCode() == null || contact != null && contact.address() != null
                        && c.countryCode().equals(contact.address().countryCode()))
                && (c.accountManager() == null || c.accountManager().equals(s.accountManager()))
                && (c.registeredFrom() == null || !s.registeredAt().isBefore(c.registeredFrom()))
                && (c.registeredBefore() == null || s.registeredAt().isBefore(c.registeredBefore()));
    }

    /** The sort key of a row or of a seek position: what keyset paging compares. */
    private record SortKey(String nameKey, Instant registeredAt, UUID id) {
        static SortKey of(CustomerSnapshot s) {
            return new SortKey(s.nameKey(), s.registeredAt(), s.id().value());
        }

        static SortKey of(SeekPosition p) {
            return new SortKey(p.nameKey(), p.registeredAt(), p.id().value());
        }
    }

    private static Comparator<SortKey> order(CustomerSort sort) {
        Comparator<SortKey> byId = Comparator.comparing(SortKey::id, UuidV7::compareBytes);
        Comparator<SortKey> ascending = switch (sort) {
            case NAME_ASC, NAME_DESC -> Comparator.comparing(SortKey::nameKey,
                    CodePoints::compare).thenComparing(byId);
            case REGISTERED_ASC, REGISTERED_DESC -> Comparator.comparing(SortKey::registeredAt).thenComparing(byId);
        };
        return sort == CustomerSort.NAME_DESC || sort == CustomerSort.REGISTERED_DESC ? ascending.reversed() : ascending;
    }

    private static CustomerSnapshot withVersion(CustomerSnapshot s, long version) {
        return new CustomerSnapshot(s.id(), version, s.contact(), s.personal(), s.registeredAt(), s.status(),
                s.consent(), s.tags(), s.accountManager(), s.source(), s.externalReference(), s.erasedAt());
    }
}
