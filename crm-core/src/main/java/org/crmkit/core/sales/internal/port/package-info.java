/**
 * Internal, not API (ADR 0011): the ports through which other areas of crmkit write to the sales area as part of
 * their own use cases, without asking the host's access policy again.
 */
package org.crmkit.core.sales.internal.port;
