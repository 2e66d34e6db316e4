package org.crmkit.core.lead.internal.port;

import org.crmkit.core.lead.LeadId;
import java.time.Instant;

/**
 * Another area's part in the GDPR erasure of a lead that never became a customer: called by the lead area inside the
 * erasure's transaction, so the person's data goes everywhere or nowhere. The interaction area blanks the
 * interactions logged against the lead, the task area the tasks linked to it. Like a {@link LeadConversionParticipant}
 * it works on its own repositories directly: the lead area has validated, authorized and audits the erasure.
 */
@FunctionalInterface
public interface LeadEraser {

    /**
     * @param lead the lead being erased
     * @param at   the time of the erasure
     */
    void eraseLead(LeadId lead, Instant at);
}
