package org.crmkit.core.customer;

import java.time.Instant;

/**
 * Whether the customer agreed to marketing, and when that was last given or withdrawn.
 *
 * @param given     whether consent is given now
 * @param changedAt when it was last given or withdrawn; {@code null} if never stated
 */
public record MarketingConsent(boolean given, Instant changedAt) {
    /** Never stated: no consent. */
    public static final MarketingConsent NEVER_GIVEN = new MarketingConsent(false, null);
}
