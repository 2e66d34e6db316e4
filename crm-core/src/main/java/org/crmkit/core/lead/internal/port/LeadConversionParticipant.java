package org.crmkit.core.lead.internal.port;

import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import java.time.Instant;
import java.util.Objects;

/**
 * Another area's part in converting a lead into a customer: called by the lead area inside the conversion's
 * transaction, after the customer is known and before the lead is marked Won, so that what belonged to the lead
 * (its interactions, its open tasks) moves to the customer with the conversion or not at all. An exception thrown
 * here rolls the whole conversion back. The interaction and task areas register one each.
 *
 * <p>A participant works on its own repositories directly: it is part of a use case that has already validated,
 * authorized and audited the conversion, so it neither checks the actor again nor writes its own audit entry.
 */
public interface LeadConversionParticipant {

    /**
     * @param conversion the lead, the customer it became or was linked to, who converted it, and when
     */
    void leadConverted(LeadConversion conversion);

    /**
     * A conversion in progress.
     *
     * @param lead     the lead being converted
     * @param customer the customer it becomes (newly registered or an existing one it was linked to)
     * @param actor    who converts it
     * @param at       the conversion's time, from the injected clock
     */
    record LeadConversion(LeadId lead, CustomerId customer, Actor actor, Instant at) {
        /** Checks the parts are present. */
        public LeadConversion {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
        }
    }
}
