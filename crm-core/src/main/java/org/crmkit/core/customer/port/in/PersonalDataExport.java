package org.crmkit.core.customer.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.CustomerId;

/**
 * Everything crmkit holds about one person (GDPR right of access): a tree of records that serializes to JSON with
 * any record-aware mapper. Later areas add their sections here.
 *
 * @param customerId  the person
 * @param generatedAt when the export was made
 * @param profile     the customer record with every stored field
 * @param activity    the audit trail of changes to the record (ids and action names)
 */
public record PersonalDataExport(CustomerId customerId, Instant generatedAt, CustomerView profile,
                                 List<ActivityRecord> activity) {
    /** Copies the activity. */
    public PersonalDataExport {
        activity = List.copyOf(activity);
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
