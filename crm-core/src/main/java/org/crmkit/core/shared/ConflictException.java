package org.crmkit.core.shared;

import java.util.Optional;

/**
 * The write conflicts with the stored state or a concurrent write: a duplicate of a unique field ({@code duplicate}),
 * a stale version ({@code stale_version}), or a collision with a concurrent transaction ({@code concurrent_write}).
 * Nothing was written. Reload and decide again.
 */
public final class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String existingId;

    private ConflictException(ErrorCode code, String message, String field, String existingId) {
        super(code, message);
        this.field = field;
        this.existingId = existingId;
    }

    /**
     * A unique field is already held by another object.
     *
     * @param type       kind of object, for example {@code "customer"}
     * @param field      the unique field, for example {@code "email"}
     * @param existingId id of the object that holds the value, when known (may be {@code null})
     * @return the exception
     */
    public static ConflictException duplicate(String type, String field, Object existingId) {
        String holder = existingId == null ? "another " + type : type + " " + existingId;
        return new ConflictException(CrmError.DUPLICATE, field + " is already used by " + holder, field,
                existingId == null ? null : existingId.toString());
    }

    /**
     * A self-service sign-up collided with an existing customer or account. Deliberately says neither which detail
     * (email or phone) nor whose: an anonymous caller must not learn who is registered. Field {@code email}, the one
     * a sign-up form shows it at.
     *
     * @return the exception
     */
    public static ConflictException signUpTaken() {
        return new ConflictException(CrmError.DUPLICATE,
                "an account or customer with these details exists; sign in or reset the password", "email", null);
    }

    /**
     * A reference a use case needs for a record of its own is already held by another record, which the caller is
     * not told about (neither its id nor whose it is). The code is the use case's own, for example
     * {@code QuoteError.QUOTE_PURCHASE_REFERENCE_TAKEN}.
     *
     * @param code    the stable code
     * @param message a readable message holding the caller's ids only
     * @param field   the reference, for example {@code "externalReference"}
     * @return the exception
     */
    public static ConflictException referenceTaken(ErrorCode code, String message, String field) {
        return new ConflictException(code, message, field, null);
    }

    /**
     * The object was changed by someone else since it was read.
     *
     * @param type     kind of object
     * @param id       the object's id
     * @param expected the version the caller read
     * @return the exception
     */
    public static ConflictException staleVersion(String type, Object id, long expected) {
        return new ConflictException(CrmError.STALE_VERSION,
                type + " " + id + " was changed concurrently (expected version " + expected + ")", "version", null);
    }

    /**
     * Someone else took the record first (an agent picked up the ticket another agent is picking up).
     *
     * @param type  the kind of record
     * @param id    its id
     * @param field the field already taken
     * @return the exception, code {@code already_taken}
     */
    public static ConflictException alreadyTaken(String type, Object id, String field) {
        return new ConflictException(CrmError.ALREADY_TAKEN, type + " " + id + " was taken by someone else", field, null);
    }

    /**
     * The storage refused the write because a concurrent transaction held what it needed (a deadlock or a lock
     * wait that timed out, a cluster's certification or a write conflict of an optimistic engine). Nothing was written;
     * the caller may retry the whole use case ({@link #retriable()}).
     *
     * @param context what was being done, ids only
     * @return the exception
     */
    public static ConflictException concurrentWrite(String context) {
        return new ConflictException(CrmError.CONCURRENT_WRITE, context + " collided with a concurrent transaction",
                null, null);
    }

    /** @return {@code true} for {@code concurrent_write} (nothing was written; the call may succeed again) */
    @Override
    public boolean retriable() {
        return is(CrmError.CONCURRENT_WRITE);
    }

    /** @return the conflicting field ({@code "version"} for a stale write) */
    public String field() {
        return field;
    }

    /** @return id of the object already holding the value, when known */
    public Optional<String> existingId() {
        return Optional.ofNullable(existingId);
    }
}
