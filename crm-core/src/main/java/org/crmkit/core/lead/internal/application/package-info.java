/**
 * Internal, not API (ADR 0011): the lead area's use-case services. The lead services (internal, package-private);
 * {@link org.crmkit.core.lead.internal.application.LeadApplication} builds them.
 */
package org.crmkit.core.lead.internal.application;
