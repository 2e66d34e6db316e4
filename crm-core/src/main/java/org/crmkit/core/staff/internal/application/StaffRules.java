package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.Optional;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.internal.domain.StaffUser;

/**
 * The rules a staff change is checked against, across staff users, logins and departments: a work email nobody else
 * holds, an active department, an administrator left. Each runs inside the caller's transaction and locks what it
 * counts on.
 */
final class StaffRules {
    private final StaffStore staff;
    private final DepartmentStore departments;
    private final AccountStore accounts;

    StaffRules(StaffStore staff, DepartmentStore departments, AccountStore accounts) {
        this.staff = staff;
        this.departments = departments;
        this.accounts = accounts;
    }

    /**
     * @param raw a work email as a command carries it
     * @return the address
     * @throws InvalidValueException naming {@code workEmail}, the command's field, when it is no valid address
     */
    static EmailAddress workEmail(String raw) {
        try {
            return EmailAddress.of(raw);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("workEmail", e.reason());
        }
    }

    /** Fails when another staff user has the email as their work email, or any other account as its login. */
    void requireFreeEmail(EmailAddress email, StaffId self) {
        Optional<StaffUser> holder = staff.findByEmail(email);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw ConflictException.duplicate(StaffService.TYPE, "workEmail", holder.get().id());
        }
        Optional<Account> login = accounts.findByLoginForUpdate(email);
        if (login.isPresent() && !login.get().holder().equals(self == null ? null : AccountHolder.of(self))) {
            // a customer's login: say only that the address is taken, not by whom
            throw ConflictException.duplicate("account", "workEmail", null);
        }
    }

    /** Fails when a department is named that does not exist or is deactivated. */
    void requireActiveDepartment(DepartmentId id) {
        if (id != null) {
            // locked: a deactivation of the department waits for this transaction, or this one sees it
            departments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(DepartmentService.TYPE, id))
                    .requireActive();
        }
    }

    /** Fails when the user is the last active administrator. */
    void requireNotLastAdmin(StaffUser user) {
        if (user.isActiveAdmin() && staff.countActiveWithRoleForUpdate(Role.ADMIN) <= 1) {
            throw new BusinessRuleViolationException(StaffError.LAST_ADMIN,
                    "staff user " + user.id() + " is the last active administrator");
        }
    }

    /** Fails when an active administrator exists (the installation needs no bootstrap). */
    Void requireNoAdmin() {
        if (staff.countActiveWithRoleForUpdate(Role.ADMIN) > 0) {
            throw new BusinessRuleViolationException(StaffError.ADMIN_EXISTS,
                    "an administrator exists; further staff are created by an administrator");
        }
        return null;
    }
}
