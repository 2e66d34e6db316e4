package org.crmkit.core.task;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the task area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum TaskError implements ErrorCode {
    /** The task has no pending reminder to mark as sent or failed. */
    REMINDER_NOT_DUE,
    /** The task is done or cancelled and takes no further change. */
    TASK_CLOSED
}
