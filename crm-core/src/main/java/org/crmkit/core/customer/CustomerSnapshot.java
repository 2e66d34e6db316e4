package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * The complete state of a customer, for adapters to store and restore without reflection.
 *
 * @param id                the id
 * @param version           the stored version (optimistic locking)
 * @param contact           contact details; {@code null} once erased
 * @param personal          personal details
 * @param registeredAt      registration time
 * @param status            life-cycle state
 * @param consent           marketing consent
 * @param tags              tags
 * @param accountManager    the staff account manager, or {@code null}
 * @param source            how the customer was registered
 * @param externalReference the host's own id, or {@code null}
 * @param erasedAt          when the data was erased, or {@code null}
 */
public record CustomerSnapshot(CustomerId id, long version, ContactDetails contact, PersonalDetails personal,
                               Instant registeredAt, CustomerStatus status, MarketingConsent consent, Set<Tag> tags,
                               StaffId accountManager, CustomerSource source, String externalReference,
                               Instant erasedAt) {
    /** Copies the tags. */
    public CustomerSnapshot {
        tags = Set.copyOf(tags);
    }

    /**
     * The key customers are sorted by name and matched on: {@code PersonName.sortKey()}, or the empty key for an
     * erased customer, who has no name. Both adapters store and compare exactly this.
     *
     * @return the name key
     */
    public String nameKey() {
        return contact == null ? "" : contact.name().sortKey();
    }
}
