/**
 * The ticket use cases a host calls: {@link org.crmkit.core.ticket.port.in.Tickets}, with their commands, queries
 * and views. Public API.
 */
package org.crmkit.core.ticket.port.in;
