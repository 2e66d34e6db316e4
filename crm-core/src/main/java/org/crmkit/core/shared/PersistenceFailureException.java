package org.crmkit.core.shared;

/**
 * The storage failed (connection lost, constraint the domain did not foresee, SQL error). Wraps every driver and
 * mapper exception so that hosts never see one. Code {@code persistence_failure}.
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
}
