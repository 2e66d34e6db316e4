package org.crmkit.core.shared;

/**
 * The storage failed (connection lost, constraint the domain did not foresee, SQL error). Wraps every driver and
 * mapper exception so that hosts never see one. Code {@code persistence_failure}: nothing of the change was stored;
 * or {@code outcome_unknown} ({@link #outcomeUnknown}): the connection was lost while committing, so the change may
 * or may not be stored, and a retry must carry the same idempotency key.
 */
public final class PersistenceFailureException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done, ids only
     * @param cause   the underlying exception
     */
    public PersistenceFailureException(String message, Throwable cause) {
        super(CrmError.PERSISTENCE_FAILURE, message, cause);
    }

    private PersistenceFailureException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /**
     * @param message what was being committed, ids only
     * @param cause   the underlying exception
     * @return the failure of a commit whose outcome is unknown, code {@code outcome_unknown}
     */
    public static PersistenceFailureException outcomeUnknown(String message, Throwable cause) {
        return new PersistenceFailureException(CrmError.OUTCOME_UNKNOWN, message, cause);
    }
}
