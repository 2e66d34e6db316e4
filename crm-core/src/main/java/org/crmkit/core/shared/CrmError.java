package org.crmkit.core.shared;

/**
 * The error codes every area raises, fixed by the exception type or shared by several rules ({@code not_found},
 * {@code stale_version}, {@code illegal_transition}, ...). Each area lists its own rules in its {@code <Area>Error}
 * enum; docs/errors.md lists them all with the HTTP status a web host would map them to.
 */
public enum CrmError implements ErrorCode {
    /**
     * The actor may not run this use case on this object, or the staff or customer actor no longer resolves to an
     * active user; do not retry with the same actor.
     */
    ACCESS_DENIED,
    /**
     * A login or password check failed, and on purpose the error does not say whether the account is unknown, the
     * password wrong or the account locked or deactivated, so show one generic message.
     */
    AUTHENTICATION_FAILED,
    /**
     * A command failed validation; {@code errors()} lists every bad field with its reason, so fix them and send the command
     * again.
     */
    INVALID_COMMAND,
    /**
     * A single value (an email address, a phone number, an amount, a page cursor and the like) was refused by the
     * value object or query parameter that checks it; {@code field()} and {@code reason()} say which and why.
     */
    INVALID_VALUE,
    /**
     * The object named does not exist, or the caller may not know that it does; {@code type()} and {@code id()} say what was
     * looked up.
     */
    NOT_FOUND,
    /**
     * The storage failed (lost connection, SQL error, unforeseen constraint, failed schema migration); log the cause
     * and retry later.
     */
    PERSISTENCE_FAILURE,
    /**
     * A unique value (email, phone, external reference, SKU, name, idempotency key reused with other content) is
     * already held by another object, nothing was written, and {@code field()} names the field; a self-service sign-up
     * collision deliberately does not say whose.
     */
    DUPLICATE,
    /** The object was changed by someone else since the caller read it; reload it and decide again. */
    STALE_VERSION,
    /** Someone else took the record first, for example another agent picked up the same ticket; reload it. */
    ALREADY_TAKEN,
    /**
     * The storage refused the write because of a concurrent transaction (deadlock or lock-wait timeout); nothing was
     * written and the whole use case may be retried.
     */
    CONCURRENT_WRITE,
    /**
     * The object's state does not allow the change asked for: a lead cannot move from its stage to the one asked for
     * ({@code details()} gives from and to), a ticket cannot take the status asked for ({@code details()} field status).
     */
    ILLEGAL_TRANSITION,
    /**
     * The staff user being changed, or the staff user named in the command (department manager, account manager,
     * interaction staff), is not active; raised by staff, customer and interaction.
     */
    STAFF_INACTIVE,
    /**
     * The connection to the storage was lost while the change was being committed, so whether it was stored is not
     * known; retry with the same idempotency key (the use case's javadoc says whether it has one), or read back what
     * the change would have written before deciding.
     */
    OUTCOME_UNKNOWN
}
