/**
 * Internal, not API (ADR 0011): the feedback area's use-case services. The feedback use cases and the customer
 * eraser that blanks an erased customer's comments; internal, built by {@link
 * org.crmkit.core.feedback.internal.application.FeedbackApplication}.
 */
package org.crmkit.core.feedback.internal.application;
