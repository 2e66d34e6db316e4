package org.crmkit.core.lead.port.in;

import org.crmkit.core.shared.CustomerId;

/**
 * What a conversion did.
 *
 * @param lead           the lead, now {@code WON}
 * @param customerId     the customer it became or was linked to
 * @param linkedExisting whether that customer existed already (found by email or phone)
 */
public record LeadConversionView(LeadView lead, CustomerId customerId, boolean linkedExisting) {
}
