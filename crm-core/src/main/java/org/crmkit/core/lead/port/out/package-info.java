/**
 * What the lead area needs from storage (public SPI): {@link org.crmkit.core.lead.port.out.LeadRepository} and its
 * search criteria, proven by {@code LeadRepositoryContract} in crm-core's test-jar.
 */
package org.crmkit.core.lead.port.out;
