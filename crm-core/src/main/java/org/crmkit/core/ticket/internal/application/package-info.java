/**
 * Internal, not API (ADR 0011): the ticket area's use-case services. The ticket use cases' implementation:
 * package-private services behind {@link org.crmkit.core.ticket.internal.application.TicketApplication}, the one
 * public factory. Internal.
 */
package org.crmkit.core.ticket.internal.application;
