/**
 * The feedback area's domain: a customer's {@link org.crmkit.core.feedback.internal.domain.Feedback} on a product they bought
 * (a rating of 1 to 5 and an optional comment), staff's one response to it, and the rating counts statistics are made
 * of. Plain Java on the kernel; public API (hosts read snapshots and events).
 */
package org.crmkit.core.feedback.internal.domain;
