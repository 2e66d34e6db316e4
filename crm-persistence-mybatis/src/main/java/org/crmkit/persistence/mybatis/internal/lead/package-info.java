/**
 * Leads on MyBatis (internal): the mapper interface with its XML beside it, the flat row records of the lead, its
 * stage history and its score reasons, the explicit row-to-snapshot mapping, and
 * {@link org.crmkit.persistence.mybatis.internal.lead.MyBatisLeadRepository}.
 */
package org.crmkit.persistence.mybatis.internal.lead;
