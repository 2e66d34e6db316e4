/**
 * The ticket use cases' implementation: package-private services behind
 * {@link org.crmkit.core.ticket.application.TicketApplication}, the one public factory. Internal.
 */
package org.crmkit.core.ticket.application;
