/**
 * Internal, not API (ADR 0011): the ports through which other areas of crmkit read staff users and departments
 * without an actor, inside their own use case's transaction.
 */
package org.crmkit.core.staff.internal.port;
