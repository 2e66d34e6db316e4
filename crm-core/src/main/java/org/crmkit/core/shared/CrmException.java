package org.crmkit.core.shared;

/**
 * Root of every error crmkit raises. Unchecked; {@link #code()} is a stable machine-readable string a host can map
 * to an HTTP status or a message key. Subclasses add the details of their kind (fields, ids).
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable error code, for example {@code "not_found"}
     * @param message a readable message holding ids only, never personal data
     */
    protected CrmException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code    stable error code
     * @param message a readable message holding ids only
     * @param cause   the underlying cause
     */
    protected CrmException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the stable error code of this kind of error */
    public String code() {
        return code;
    }
}
