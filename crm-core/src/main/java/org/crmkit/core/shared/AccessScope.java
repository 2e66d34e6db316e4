package org.crmkit.core.shared;

/**
 * How far a grant reaches. An {@link AccessPolicy} answers with one per actor and permission; searches use it to
 * narrow their results, single-record use cases to check the {@link AccessTarget}.
 */
public enum AccessScope {
    /** Not allowed. */
    NONE,
    /** Only records the caller owns: a customer's own records, a staff user's own leads, accounts or profile. */
    OWN,
    /** Records the caller owns or that belong to the caller's department. */
    DEPARTMENT,
    /** Every record. */
    ANY;

    /**
     * @param actor  the caller
     * @param target the record
     * @return whether this scope covers the record for the caller
     */
    public boolean covers(Actor actor, AccessTarget target) {
        switch (this) {
            case ANY:
                return true;
            case DEPARTMENT:
                return target.isOwnedBy(actor) || target.isInDepartmentOf(actor);
            case OWN:
                return target.isOwnedBy(actor);
            default:
                return false;
        }
    }

    /** @param other another scope @return the wider of the two */
    public AccessScope widest(AccessScope other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
