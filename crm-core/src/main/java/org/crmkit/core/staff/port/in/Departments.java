package org.crmkit.core.staff.port.in;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DepartmentId;

/**
 * Department use cases ({@code crm.departments()}). Each checks the command, authorizes the actor
 * ({@code DEPARTMENT_MANAGE} to change, {@code DEPARTMENT_VIEW} to read), runs in one transaction and audits.
 */
public interface Departments {

    /**
     * Creates a department, with an optional manager (an active staff user); names are unique.
     *
     * <p>Retry: a retry of a stored creation creates no second department: it is refused as {@code duplicate} on
     * {@code name}, without the first one's id; find it with {@link #list}.
     *
     * @param actor the caller
     * @param command the department
     * @return the new department
     */
    DepartmentView create(Actor actor, CreateDepartmentCommand command);

    /**
     * Renames an active department.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the department has that name).
     *
     * @param actor the caller
     * @param command the new name
     * @return the department
     */
    DepartmentView rename(Actor actor, RenameDepartmentCommand command);

    /**
     * Changes an active department's manager.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the department has that manager).
     *
     * @param actor the caller
     * @param command the new manager, an active staff user, or none
     * @return the department
     */
    DepartmentView changeManager(Actor actor, ChangeDepartmentManagerCommand command);

    /**
     * Deactivates a department; refused ({@code department_has_members}) while active staff users belong to it.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code department_inactive}. Either way nothing
     * changes twice.
     *
     * @param actor   the caller
     * @param command which department
     * @return the department
     */
    DepartmentView deactivate(Actor actor, DeactivateDepartmentCommand command);

    /**
     * Reads a department.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param departmentId the department
     * @return it, if it exists
     */
    Optional<DepartmentView> findById(Actor actor, DepartmentId departmentId);

    /**
     * Lists the departments.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @return every department, by name
     */
    List<DepartmentView> list(Actor actor);
}
