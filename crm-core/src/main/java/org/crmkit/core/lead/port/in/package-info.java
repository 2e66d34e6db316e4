/**
 * The lead area's use cases as hosts call them (public API): {@link org.crmkit.core.lead.port.in.Leads}, its commands,
 * queries and views; and {@link org.crmkit.core.lead.port.in.LeadActivity}, the narrow port through which the
 * interaction area moves a lead's last-activity time inside its own use case.
 */
package org.crmkit.core.lead.port.in;
