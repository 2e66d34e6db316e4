package org.crmkit.core.customer.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PersonalDataSection;

/**
 * Everything crmkit holds about one person (GDPR right of access): a tree of records that serializes to JSON with
 * any record-aware mapper. The customer area's own records come first; the other areas add theirs as
 * {@link PersonalDataSection}s.
 *
 * @param customerId  the person
 * @param generatedAt when the export was made
 * @param profile     the customer record with every stored field
 * @param activity    the audit trail of changes to the record (ids and action names)
 * @param sections    the other areas' records about the person, each name once: {@code purchases} (with their lines
 *                    and returns), {@code loyalty_account} and {@code loyalty_ledger} (see the names in
 *                    {@link PersonalDataSection})
 */
public record PersonalDataExport(CustomerId customerId, Instant generatedAt, CustomerView profile,
                                 List<ActivityRecord> activity, List<PersonalDataSection> sections) {
    /** Copies the activity and the sections, and checks that no two sections share a name. */
    public PersonalDataExport {
        activity = List.copyOf(activity);
        sections = List.copyOf(sections);
        if (sections.stream().map(PersonalDataSection::name).distinct().count() != sections.size()) {
            throw new IllegalArgumentException("two sections share a name: " + sections.stream()
                    .map(PersonalDataSection::name).toList());
        }
    }

    /**
     * @param name a section's name
     * @param type the type of its records, such as {@code PurchaseView.class} for {@code purchases}
     * @param <T>  that type
     * @return that section's records, or an empty list when no area contributes a section of that name (the names
     *         in {@link #sections()} tell the two apart)
     * @throws ClassCastException when a record of the section is not of that type
     */
    public <T extends Record> List<T> section(String name, Class<T> type) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> s.records().stream().map(type::cast).toList()).orElse(List.of());
    }

    /**
     * One audited action on the record.
     *
     * @param at        when
     * @param action    what, such as {@code customer.update_contact}
     * @param actorType the kind of actor who did it
     * @param outcome   how it ended
     */
    public record ActivityRecord(Instant at, String action, String actorType, String outcome) {
    }
}
