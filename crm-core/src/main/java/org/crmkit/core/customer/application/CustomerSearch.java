package org.crmkit.core.customer.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.domain.Customer;
import org.crmkit.core.customer.domain.CustomerSnapshot;
import org.crmkit.core.customer.domain.Tag;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria.SeekPosition;
import org.crmkit.core.shared.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersonName;

/**
 * Keyset paging of customer searches: the cursor holds the sort key and id of the last customer returned and is
 * bound to the query's sort and filters, so a page resumes exactly after the previous one however many rows were
 * inserted meanwhile.
 */
final class CustomerSearch {
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final CustomerRepository customers;

    CustomerSearch(CustomerRepository customers) {
        this.customers = customers;
    }

    record Plan(CustomerSearchCriteria criteria, String scope, int size) {
    }

    /** Turns the query into repository criteria, decoding and checking its cursor (before any storage is read). */
    Plan plan(CustomerSearchQuery query) {
        String folded = query.text() == null ? "" : PersonName.fold(query.text().strip());
        String text = folded.isEmpty() ? null : folded;
        String tag = query.tag() == null || query.tag().isBlank() ? null : new Tag(query.tag()).value();
        String country = query.countryCode() == null ? null : query.countryCode().toUpperCase(Locale.ROOT);
        Instant from = storable("registeredFrom", query.registeredFrom());
        Instant before = storable("registeredBefore", query.registeredBefore());
        if (from != null && before != null && !from.isBefore(before)) {
            throw new InvalidValueException("registeredFrom", "must be before registeredBefore");
        }
        String scope = "customer.search/" + query.sort().name() + "/" + Integer.toHexString(Objects.hash(text,
                query.status(), tag, country, query.accountManager(), from, before));
        PageRequest page = query.page();
        SeekPosition after = page.cursor() == null ? null : decode(page.cursor(), scope, query.sort());
        return new Plan(new CustomerSearchCriteria(text, query.status(), tag, country, query.accountManager(),
                from, before, query.sort(), after), scope, page.size());
    }

    Page<CustomerView> run(Plan plan) {
        List<Customer> found = customers.search(plan.criteria(), plan.size() + 1);
        boolean more = found.size() > plan.size();
        List<CustomerView> items = found.stream().limit(plan.size()).map(c -> CustomerView.of(c.snapshot())).toList();
        Optional<String> next = more
                ? Optional.of(encode(found.get(plan.size() - 1).snapshot(), plan.scope(), plan.criteria().sort()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static String encode(CustomerSnapshot last, String scope, CustomerSort sort) {
        String key = byName(sort) ? last.nameKey() : last.registeredAt().toString();
        return Cursor.encode(scope, List.of(key, last.id().toString()));
    }

    private static SeekPosition decode(String cursor, String scope, CustomerSort sort) {
        List<String> values = Cursor.decode(cursor, scope, 2);
        try {
            CustomerId id = CustomerId.parse(values.get(1));
            return byName(sort) ? new SeekPosition(values.get(0), null, id)
                    : new SeekPosition(null, storable("page.cursor", Instant.parse(values.get(0))), id);
        } catch (InvalidValueException | java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("page.cursor", "is not a cursor of this query");
        }
    }

    /**
     * A time bound as the storage can compare it: within the years 1000 to 9999 ({@code DATETIME}) and rounded up to
     * the microsecond, so that {@code >= from} and {@code < before} select the same rows in memory and in MySQL.
     */
    private static Instant storable(String field, Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidValueException(field, "must lie between the years 1000 and 9999");
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS);
    }

    static boolean byName(CustomerSort sort) {
        return sort == CustomerSort.NAME_ASC || sort == CustomerSort.NAME_DESC;
    }
}
