/**
 * The quote use cases a host calls: {@link org.crmkit.core.quote.port.in.Quotes}, with their commands, queries and
 * views. Public API.
 */
package org.crmkit.core.quote.port.in;
