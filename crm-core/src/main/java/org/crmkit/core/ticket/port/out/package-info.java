/**
 * The ticket area's outbound ports: {@link org.crmkit.core.ticket.port.out.TicketRepository} and the
 * {@link org.crmkit.core.ticket.port.out.SlaBreachNotifier} a host implements. Public SPI.
 */
package org.crmkit.core.ticket.port.out;
