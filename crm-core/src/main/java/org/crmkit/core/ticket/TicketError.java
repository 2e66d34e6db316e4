package org.crmkit.core.ticket;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the ticket area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum TicketError implements ErrorCode {
    /** An escalation must raise the ticket's priority above its current one. */
    ESCALATION_MUST_RAISE,
    /** Only a resolved ticket can be reopened. */
    NOT_RESOLVED,
    /** The ticket was resolved longer ago than the reopen window; submit a new ticket referring to it. */
    REOPEN_WINDOW_PASSED,
    /** The ticket is closed and takes no further change; submit a new ticket referring to it. */
    TICKET_CLOSED
}
