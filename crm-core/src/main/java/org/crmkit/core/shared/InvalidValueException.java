package org.crmkit.core.shared;

/**
 * A single value was refused by the value object or query parameter that checks it (an email address, a country
 * code, a cursor). Code {@code invalid_value}.
 */
public final class InvalidValueException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field  the name of the refused field, for example {@code "email"}
     * @param reason why it was refused; never the value itself when it may be personal data
     */
    public InvalidValueException(String field, String reason) {
        super(CrmError.INVALID_VALUE, field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** @return why the value was refused, without the field name */
    public String reason() {
        return reason;
    }

    /** @return the name of the refused field */
    public String field() {
        return field;
    }
}
