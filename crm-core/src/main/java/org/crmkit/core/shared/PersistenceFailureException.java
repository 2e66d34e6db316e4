package org.crmkit.core.shared;

/**
 * The storage failed (connection lost, constraint the domain did not foresee, SQL error). Wraps every driver and
 * mapper exception so that hosts never see one. Code {@code persistence_failure}: nothing of the change was stored;
 * or {@code outcome_unknown} ({@link #outcomeUnknown}): the connection was lost while committing, so the change may
 * or may not be stored, and a retry must carry the same idempotency key. A failure made with {@link #unavailable} (the
 * database node was not serving) is {@linkplain #retriable() retriable}.
 */
public final class PersistenceFailureException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done, ids only
     * @param cause   the underlying exception
     */
    public PersistenceFailureException(String message, Throwable cause) {
        this(CrmError.PERSISTENCE_FAILURE, message, cause, false);
    }

    private final boolean retriable;

    private PersistenceFailureException(ErrorCode code, String message, Throwable cause, boolean retriable) {
        super(code, message, cause);
        this.retriable = retriable;
    }

    /**
     * @param message what was being committed, ids only
     * @param cause   the underlying exception
     * @return the failure of a commit whose outcome is unknown, code {@code outcome_unknown}
     */
    public static PersistenceFailureException outcomeUnknown(String message, Throwable cause) {
        return new PersistenceFailureException(CrmError.OUTCOME_UNKNOWN, message, cause, false);
    }

    /**
     * @param message what was being done and why it may succeed later, ids only
     * @param cause   the underlying exception
     * @return a failure, code {@code persistence_failure}, of a database that could not serve the call for now (a
     *         cluster node that is not synced or lost its quorum): nothing was stored, and the call is
     *         {@linkplain #retriable() retriable}
     */
    public static PersistenceFailureException unavailable(String message, Throwable cause) {
        return new PersistenceFailureException(CrmError.PERSISTENCE_FAILURE, message, cause, true);
    }

    @Override
    public boolean retriable() {
        return retriable;
    }
}
