/**
 * The feedback use cases and the customer eraser that blanks an erased customer's comments; internal, built by
 * {@link org.crmkit.core.feedback.application.FeedbackApplication}.
 */
package org.crmkit.core.feedback.application;
