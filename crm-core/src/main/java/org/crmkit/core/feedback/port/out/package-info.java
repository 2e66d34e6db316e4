/** What the feedback area needs from storage: {@link org.crmkit.core.feedback.port.out.FeedbackRepository}. */
package org.crmkit.core.feedback.port.out;
