package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria.SeekPosition;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;

/**
 * Keyset paging of customer searches: the cursor holds the sort key and id of the last customer returned and is
 * bound to the query's sort and filters, so a page resumes exactly after the previous one however many rows were
 * inserted meanwhile.
 */
final class CustomerSearch {
    private final CustomerStore customers;

    CustomerSearch(CustomerStore customers) {
        this.customers = customers;
    }

    record Plan(CustomerSearchCriteria criteria, String scope, int size) {
        /** @return this plan narrowed to the customers {@code manager} manages (nothing if it asked for another) */
        Plan managedBy(StaffId manager) {
            CustomerSearchCriteria c = criteria;
            StaffId only = c.accountManager() == null || c.accountManager().equals(manager) ? manager : NOBODY;
            return new Plan(new CustomerSearchCriteria(c.textPrefix(), c.status(), c.tag(), c.countryCode(), only,
                    c.registeredFrom(), c.registeredBefore(), c.sort(), c.after()), scope, size);
        }
    }

    /** An account manager no customer has: the nil UUID is never a UUIDv7. */
    private static final StaffId NOBODY = new StaffId(new java.util.UUID(0, 0));

    /** Turns the query into repository criteria, decoding and checking its cursor (before any storage is read). */
    Plan plan(CustomerSearchQuery query) {
        String folded = query.text() == null ? "" : PersonName.fold(query.text().strip());
        String text = folded.isEmpty() ? null : folded;
        String tag = query.tag() == null || query.tag().isBlank() ? null : new Tag(query.tag()).value();
        String country = query.countryCode() == null ? null : query.countryCode().toUpperCase(Locale.ROOT);
        Instant from = StoredTime.bound("registeredFrom", query.registeredFrom());
        Instant before = StoredTime.bound("registeredBefore", query.registeredBefore());
        StoredTime.requireOrdered("registeredFrom", from, "registeredBefore", before);
        String scope = Cursor.scope("customer.search/" + query.sort().name(), text, query.status(), tag,
                country, query.accountManager(), from, before);
        PageRequest page = query.page();
        SeekPosition after = page.cursor() == null ? null : decode(page.cursor(), scope, query.sort());
        return new Plan(new CustomerSearchCriteria(text, query.status(), tag, country, query.accountManager(),
                from, before, query.sort(), after), scope, page.size());
    }

    Page<CustomerView> run(Plan plan) {
        return Page.slice(customers.search(plan.criteria(), plan.size() + 1), plan.size(),
                c -> CustomerView.of(c.snapshot()), c -> encode(c.snapshot(), plan.scope(), plan.criteria().sort()));
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
                    : new SeekPosition(null, StoredTime.bound("page.cursor", Instant.parse(values.get(0))), id);
        } catch (InvalidValueException | java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("page.cursor", "is not a cursor of this query");
        }
    }


    static boolean byName(CustomerSort sort) {
        return sort == CustomerSort.NAME_ASC || sort == CustomerSort.NAME_DESC;
    }
}
