/**
 * The quote area's domain: a {@link org.crmkit.core.quote.internal.domain.Quote} a customer or a sales rep requests, staff
 * answer with prices, a validity and terms, and the customer accepts (which records a purchase), rejects or lets
 * expire. Plain Java on the kernel; public API for hosts that read snapshots and events.
 */
package org.crmkit.core.quote.internal.domain;
