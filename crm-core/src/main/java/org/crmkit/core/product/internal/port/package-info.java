/**
 * Internal, not API (ADR 0011): the ports through which other areas of crmkit read the catalog without an actor,
 * inside their own use case's transaction.
 */
package org.crmkit.core.product.internal.port;
