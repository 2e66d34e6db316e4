package org.crmkit.core.lead.port.in;

import java.time.Instant;
import org.crmkit.core.lead.LeadId;

/**
 * The narrow port through which the interaction area moves a lead's last-activity time and rescores it, inside the
 * interaction's own use case and transaction. It is not a use case of {@code Crm}: it takes no actor, checks no
 * permission and writes no audit entry, because the calling use case already authorized the caller on the lead and
 * audits the logging (one audit entry, one authorization). Built by {@code LeadApplication.activity(...)}.
 */
public interface LeadActivity {

    /**
     * Counts an interaction logged against a lead: last activity moves to its time (never back), and the lead is
     * rescored. Call inside a transaction.
     *
     * @param lead the lead
     * @param at   the interaction's time
     * @throws org.crmkit.core.shared.NotFoundException             for an unknown lead
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code lead_converted} for a converted lead
     */
    void interactionLogged(LeadId lead, Instant at);
}
