package org.crmkit.core.feedback;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the feedback area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum FeedbackError implements ErrorCode {
    /** The feedback was answered already, and a response is final. */
    FEEDBACK_ANSWERED,
    /** The purchase named holds no such product, so there is no feedback to give on it. */
    PRODUCT_NOT_IN_PURCHASE
}
