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

    /** @param actor the caller @param command the department @return the new department */
    DepartmentView create(Actor actor, CreateDepartmentCommand command);

    /** @param actor the caller @param command the new name @return the department */
    DepartmentView rename(Actor actor, RenameDepartmentCommand command);

    /** @param actor the caller @param command the new manager, an active staff user, or none @return the department */
    DepartmentView changeManager(Actor actor, ChangeDepartmentManagerCommand command);

    /**
     * Deactivates a department; refused ({@code department_has_members}) while active staff users belong to it.
     *
     * @param actor   the caller
     * @param command which department
     * @return the department
     */
    DepartmentView deactivate(Actor actor, DeactivateDepartmentCommand command);

    /** @param actor the caller @param departmentId the department @return it, if it exists */
    Optional<DepartmentView> findById(Actor actor, DepartmentId departmentId);

    /** @param actor the caller @return every department, by name */
    List<DepartmentView> list(Actor actor);
}
