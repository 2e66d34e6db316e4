package org.crmkit.core.shared;

/** The requested object does not exist (or the caller may not know that it does). Code {@code not_found}. */
public final class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String id;

    /**
     * @param type kind of object, for example {@code "customer"}
     * @param id   the id that was looked up
     */
    public NotFoundException(String type, Object id) {
        super(CrmError.NOT_FOUND, type + " " + id + " not found");
        this.type = type;
        this.id = String.valueOf(id);
    }

    /** @return the kind of object that was not found */
    public String type() {
        return type;
    }

    /** @return the id that was looked up */
    public String id() {
        return id;
    }
}
