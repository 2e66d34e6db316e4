/**
 * Support tickets' domain: the business-hours calendar and the SLA clock that measure response and resolution in
 * business time, pausing while a ticket waits on the customer.
 */
package org.crmkit.core.ticket.internal.domain;
