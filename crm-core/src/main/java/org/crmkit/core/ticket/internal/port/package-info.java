/**
 * Internal, not API (ADR 0011): the ports through which other areas of crmkit read tickets without an actor, inside
 * their own use case's transaction.
 */
package org.crmkit.core.ticket.internal.port;
