package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.PersonalDataSection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Another area's part in a GDPR access request: called inside the export's transaction, after the caller was allowed
 * to export the customer, so every section is read from the same state. The sales area, for example, exports the
 * customer's purchases with their returns.
 */
@FunctionalInterface
public interface PersonalDataExporter {
    /** How many records {@link #readAll} reads at a time. */
    int PAGE = 500;

    /**
     * @param customer the customer being exported
     * @return the area's sections, each present even when empty
     */
    List<PersonalDataSection> exportCustomer(CustomerId customer);

    /**
     * Reads every record of a newest-first keyset listing, {@value #PAGE} at a time.
     *
     * @param page     reads up to the given number of records after a position ({@code null} for the first page)
     * @param position where a record sits in the listing
     * @param <T>      the record
     * @return every record, in the listing's order
     */
    static <T> List<T> readAll(BiFunction<EntryPosition, Integer, List<T>> page, Function<T, EntryPosition> position) {
        return readAll(page, position, (after, next) -> EntryPosition.isAfter(after, next.at(), next.id()));
    }

    /**
     * Reads every record of a keyset listing, {@value #PAGE} at a time, whatever its key.
     *
     * @param page     reads up to the given number of records after a key ({@code null} for the first page)
     * @param key      where a record sits in the listing
     * @param follows  whether a key (the second) comes after another (the first, {@code null} before the first page)
     * @param <T>      the record
     * @param <K>      the listing's key
     * @return every record, in the listing's order
     */
    static <T, K> List<T> readAll(BiFunction<K, Integer, List<T>> page, Function<T, K> key,
                                  BiPredicate<K, K> follows) {
        List<T> all = new ArrayList<>();
        K after = null;
        while (true) {
            List<T> read = page.apply(after, PAGE);
            all.addAll(read);
            if (read.size() < PAGE) {
                return all;
            }
            K next = key.apply(read.get(read.size() - 1));
            if (!follows.test(after, next)) {
                throw new IllegalStateException("a page ended at " + next + ", not after " + after
                        + ": the listing is not newest first");
            }
            after = next;
        }
    }
}
