package org.crmkit.core.interaction;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the interaction area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum InteractionError implements ErrorCode {
    /** The caller may log only their own interactions, unless they may log against every customer and lead. */
    INTERACTION_STAFF_NOT_CALLER
}
