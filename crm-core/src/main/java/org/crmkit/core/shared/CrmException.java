package org.crmkit.core.shared;

import java.util.Objects;

/**
 * Root of every error crmkit raises. Unchecked; {@link #errorCode()} is a stable machine-readable code (an enum
 * constant: {@link CrmError} or an area's, such as {@code LoyaltyError.INSUFFICIENT_POINTS}) that a host can map to
 * an HTTP status or a message key; {@link #code()} is its text. Subclasses add the details of their kind (fields,
 * ids).
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode error;
    /** The code's text, kept as a field too: what the exception carried before codes were enums. */
    private final String code;

    /**
     * @param code    stable error code, for example {@link CrmError#NOT_FOUND}
     * @param message a readable message holding ids only, never personal data
     */
    protected CrmException(ErrorCode code, String message) {
        super(message);
        this.error = Objects.requireNonNull(code, "code");
        this.code = code.code();
    }

    /**
     * @param code    stable error code
     * @param message a readable message holding ids only
     * @param cause   the underlying cause
     */
    protected CrmException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(code, "code");
        this.code = code.code();
    }

    /** @return the stable error code of this error, for example {@code "insufficient_points"} */
    public String code() {
        return code;
    }

    /** @return the stable error code of this error as its constant */
    public ErrorCode errorCode() {
        return error;
    }

    /**
     * @return whether the same call, made again unchanged, may succeed: nothing of it was stored, and it failed on
     *         concurrent work or a passing state of the storage ({@code concurrent_write}, or a
     *         {@code persistence_failure} saying that the database node was not serving). {@code false} for every
     *         other error, including {@code outcome_unknown} (the change may be stored: retry with the same
     *         idempotency key or expected version, see each use case's "Retry:" paragraph). A host may retry a
     *         retriable call itself or let crmkit do it ({@code Crm.builder().retryPolicy(...)}).
     */
    public boolean retriable() {
        return false;
    }

    /**
     * @param expected a code, for example {@code LoyaltyError.INSUFFICIENT_POINTS}
     * @return whether this error has that code
     */
    public boolean is(ErrorCode expected) {
        return error.equals(expected);
    }
}
