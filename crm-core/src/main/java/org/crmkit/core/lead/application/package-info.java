/** The lead services (internal, package-private); {@link org.crmkit.core.lead.application.LeadApplication} builds them. */
package org.crmkit.core.lead.application;
