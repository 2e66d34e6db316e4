package org.crmkit.core.staff.internal.application;

import org.crmkit.core.shared.CrmError;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.domain.Department;
import org.crmkit.core.staff.port.in.ChangeDepartmentManagerCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.DeactivateDepartmentCommand;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.Departments;
import org.crmkit.core.staff.port.in.RenameDepartmentCommand;
import org.crmkit.core.staff.StaffPermission;

/** The department use cases. */
final class DepartmentService implements Departments {
    static final String TYPE = "department";

    private final UseCaseSupport support;
    private final DepartmentStore departments;
    private final StaffStore staff;

    DepartmentService(UseCaseSupport support, DepartmentStore departments, StaffStore staff) {
        this.support = support;
        this.departments = departments;
        this.staff = staff;
    }

    @Override
    public DepartmentView create(Actor actor, CreateDepartmentCommand command) {
        String name = support.validate(actor, command, checks -> Department.checkName(command.name()));
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.DEPARTMENT_MANAGE, AccessTarget.none(), "department.create", TYPE,
                    null);
            requireActiveStaff(command.manager());
            Department department = Department.create(DepartmentId.next(support.clock()), name, command.manager(),
                    support.now());
            departments.add(department);
            support.audit(actor, "department.create", TYPE, department.id().value());
            support.publishAfterCommit(department.pullEvents());
            return DepartmentView.of(department.snapshot());
        });
    }

    @Override
    public DepartmentView rename(Actor actor, RenameDepartmentCommand command) {
        String name = support.validate(actor, command, checks -> Department.checkName(command.name()));
        return change(actor, "department.rename", command.departmentId(), command.expectedVersion(),
                d -> d.rename(name, support.now()));
    }

    @Override
    public DepartmentView changeManager(Actor actor, ChangeDepartmentManagerCommand command) {
        support.validate(actor, command);
        return change(actor, "department.change_manager", command.departmentId(), command.expectedVersion(), d -> {
            requireActiveStaff(command.manager());
            d.changeManager(command.manager(), support.now());
        });
    }

    @Override
    public DepartmentView deactivate(Actor actor, DeactivateDepartmentCommand command) {
        support.validate(actor, command);
        return change(actor, "department.deactivate", command.departmentId(), command.expectedVersion(), d -> {
            long members = staff.countActiveInDepartment(d.id());
            if (members > 0) {
                throw new BusinessRuleViolationException(StaffError.DEPARTMENT_HAS_MEMBERS, "department " + d.id()
                        + " still has " + members + " active member(s); move or deactivate them first");
            }
            d.deactivate(support.now());
        });
    }

    @Override
    public Optional<DepartmentView> findById(Actor actor, DepartmentId departmentId) {
        support.validate(actor, new Arguments.DepartmentIdQuery(departmentId));
        return support.transaction(() -> {
            Optional<Department> found = departments.findById(departmentId);
            support.authorize(actor, StaffPermission.DEPARTMENT_VIEW, targetOf(departmentId, found), "department.view",
                    TYPE, departmentId.value());
            return found.map(d -> DepartmentView.of(d.snapshot()));
        });
    }

    @Override
    public List<DepartmentView> list(Actor actor) {
        support.validate(actor, new Arguments.NoQuery());
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.DEPARTMENT_VIEW, AccessTarget.none(), "department.list", TYPE, null);
            return departments.findAll().stream().map(d -> DepartmentView.of(d.snapshot())).toList();
        });
    }

    private DepartmentView change(Actor actor, String action, DepartmentId id, Long expectedVersion,
                                  Consumer<Department> domainCall) {
        return support.transaction(() -> {
            Optional<Department> found = departments.findByIdForUpdate(id);
            support.authorize(actor, StaffPermission.DEPARTMENT_MANAGE, targetOf(id, found), action, TYPE, id.value());
            Department department = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            support.applyChange(actor, action, TYPE, id.value(), department, expectedVersion, domainCall,
                    departments::update);
            return DepartmentView.of(department.snapshot());
        });
    }

    private static AccessTarget targetOf(DepartmentId id, Optional<Department> department) {
        return AccessTarget.department(id, department.map(d -> d.snapshot().manager()).orElse(null));
    }

    private void requireActiveStaff(StaffId manager) {
        if (manager != null && !staff.findById(manager)
                .orElseThrow(() -> new NotFoundException(StaffService.TYPE, manager)).isActive()) {
            throw new BusinessRuleViolationException(CrmError.STAFF_INACTIVE, "staff user " + manager + " is inactive");
        }
    }
}
