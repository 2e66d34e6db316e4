/**
 * The lead area's domain (public API): the {@link org.crmkit.core.lead.internal.domain.Lead} aggregate of the sales pipeline
 * with its stage machine and append-only stage history, and the configurable, self-explaining
 * {@link org.crmkit.core.lead.LeadScoring}. Plain Java on the kernel.
 */
package org.crmkit.core.lead.internal.domain;

import org.crmkit.core.lead.LeadScoring;
