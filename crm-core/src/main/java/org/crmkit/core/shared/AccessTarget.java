package org.crmkit.core.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * What an access decision is about: whose record it is. Object-level rules of an {@link AccessPolicy} read it: a
 * customer reaches only records of {@link #customer()}, an "own" grant needs the caller to be {@link #owner()}, a
 * "department" grant needs the caller's department to be {@link #department()}.
 *
 * @param customer   the customer the record belongs to, if any
 * @param owner      the staff user who owns the record (account manager, assignee, the staff user themself), if any
 * @param department the department the record belongs to, if any
 */
public record AccessTarget(Optional<CustomerId> customer, Optional<StaffId> owner, Optional<DepartmentId> department) {
    private static final AccessTarget NONE = new AccessTarget(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks presence of the optionals. */
    public AccessTarget {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(department, "department");
    }

    /** @return a target that belongs to nobody (a creation, a search): only unrestricted grants cover it */
    public static AccessTarget none() {
        return NONE;
    }

    /**
     * @param customer       the customer the record is about
     * @param accountManager the customer's account manager, or {@code null}
     * @return a customer's record
     */
    public static AccessTarget customer(CustomerId customer, StaffId accountManager) {
        return new AccessTarget(Optional.of(customer), Optional.ofNullable(accountManager), Optional.empty());
    }

    /**
     * @param owner      the staff user the record belongs to
     * @param department their department, or {@code null}
     * @return a record owned by a staff user (such as the staff user's own profile)
     */
    public static AccessTarget staff(StaffId owner, DepartmentId department) {
        return new AccessTarget(Optional.empty(), Optional.of(owner), Optional.ofNullable(department));
    }

    /**
     * @param department the department the record is, or belongs to
     * @param manager    its manager, who owns it, or {@code null}
     * @return a department's record
     */
    public static AccessTarget department(DepartmentId department, StaffId manager) {
        return new AccessTarget(Optional.empty(), Optional.ofNullable(manager), Optional.of(department));
    }

    /**
     * @param actor the caller
     * @return whether the caller is the record's customer or its owning staff user
     */
    public boolean isOwnedBy(Actor actor) {
        if (actor instanceof Actor.Customer c) {
            return customer.map(c.id()::equals).orElse(false);
        }
        if (actor instanceof Actor.Staff s) {
            return owner.map(s.id()::equals).orElse(false);
        }
        return false;
    }

    /**
     * @param actor the caller
     * @return whether the caller is a staff user of the record's department
     */
    public boolean isInDepartmentOf(Actor actor) {
        return actor instanceof Actor.Staff s && s.department() != null
                && department.map(s.department()::equals).orElse(false);
    }
}
