/**
 * Internal, not API (ADR 0011): the ports through which other areas of crmkit read leads without an actor, inside
 * their own use case's transaction.
 */
package org.crmkit.core.lead.internal.port;
