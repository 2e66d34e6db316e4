/**
 * Feedback on MyBatis (internal): the mapper interface of {@code crm_feedback} with its XML beside it, the flat row
 * records, the explicit row-to-snapshot mapping, and the repository
 * {@link org.crmkit.persistence.mybatis.internal.feedback.MyBatisFeedbackRepository}.
 */
package org.crmkit.persistence.mybatis.internal.feedback;
