/**
 * The feedback area's use cases as hosts call them: {@link org.crmkit.core.feedback.port.in.ProductFeedback}
 * ({@code crm.feedback()}), with their commands, queries and views. Public API.
 */
package org.crmkit.core.feedback.port.in;
