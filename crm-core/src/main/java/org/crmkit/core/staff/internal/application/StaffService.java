package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.NameChange;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.in.UpdateStaffCommand;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * The staff user use cases. A user and their login account change together, in one transaction. The creation (the
 * first administrator included) is in {@link StaffCreation}, the search in {@link StaffSearch}; the rules across
 * users, logins and departments in {@link StaffRules}.
 */
final class StaffService implements StaffUsers {
    static final String TYPE = "staff";

    private final UseCaseSupport support;
    private final StaffStore staff;
    private final AccountStore accounts;
    private final PasswordResetTokenRepository tokens;
    private final StaffRules rules;
    private final StaffCreation creation;
    private final StaffSearch search;

    StaffService(UseCaseSupport support, StaffStore staff, DepartmentStore departments,
                 AccountStore accounts, PasswordResetTokenRepository tokens, PasswordHasher hasher,
                 PasswordPolicy passwordPolicy) {
        this.support = support;
        this.staff = staff;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rules = new StaffRules(staff, departments, accounts);
        this.creation = new StaffCreation(support, staff, accounts, hasher, passwordPolicy, rules);
        this.search = new StaffSearch(support, staff);
    }

    @Override
    public StaffView bootstrapAdmin(BootstrapAdminCommand command) {
        return creation.bootstrapAdmin(command);
    }

    @Override
    public StaffView create(Actor actor, CreateStaffCommand command) {
        return creation.create(actor, command);
    }

    @Override
    public StaffView update(Actor actor, UpdateStaffCommand command) {
        record Change(NameChange name, EmailAddress email) {
        }
        Change change = support.validate(actor, command, checks -> new Change(
                checks.attempt(() -> NameChange.of(command.firstName(), command.lastName())),
                command.workEmail() == null ? null : checks.attempt(() -> StaffRules.workEmail(command.workEmail()))));
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.update", command.staffId(),
                command.expectedVersion(), user -> {
                    EmailAddress email = change.email() == null ? user.snapshot().workEmail() : change.email();
                    boolean newEmail = !user.snapshot().workEmail().equals(email);
                    if (newEmail) {
                        rules.requireFreeEmail(email, user.id());
                    }
                    user.update(change.name().applyTo(user.snapshot().name()), email, support.now());
                    if (newEmail) {
                        Account account = accountOf(user.id());
                        account.changeLogin(email);
                        accounts.update(account);
                        // a reset token mailed to the old address must not work any more
                        tokens.markAllUsed(account.id(), support.now());
                    }
                });
    }

    @Override
    public StaffView grantRole(Actor actor, StaffRoleCommand command) {
        Role role = support.validate(actor, command, checks -> Role.parse("role", command.role()));
        return change(actor, StaffPermission.STAFF_ROLES, "staff.grant_role", command.staffId(),
                command.expectedVersion(), user -> user.grant(role, support.now()));
    }

    @Override
    public StaffView revokeRole(Actor actor, StaffRoleCommand command) {
        Role role = support.validate(actor, command, checks -> Role.parse("role", command.role()));
        return change(actor, StaffPermission.STAFF_ROLES, "staff.revoke_role", command.staffId(),
                command.expectedVersion(), user -> {
                    if (role == Role.ADMIN) {
                        rules.requireNotLastAdmin(user);
                    }
                    user.revoke(role, support.now());
                });
    }

    @Override
    public StaffView moveToDepartment(Actor actor, MoveStaffCommand command) {
        support.validate(actor, command);
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.move", command.staffId(),
                command.expectedVersion(), user -> {
                    rules.requireActiveDepartment(command.departmentId());
                    user.moveTo(command.departmentId(), support.now());
                });
    }

    @Override
    public StaffView deactivate(Actor actor, StaffStatusCommand command) {
        support.validate(actor, command);
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.deactivate", command.staffId(),
                command.expectedVersion(), user -> {
                    rules.requireNotLastAdmin(user);
                    user.deactivate(support.now());
                    tokens.markAllUsed(accountOf(user.id()).id(), support.now());
                });
    }

    @Override
    public StaffView reactivate(Actor actor, StaffStatusCommand command) {
        support.validate(actor, command);
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.reactivate", command.staffId(),
                command.expectedVersion(), user -> user.reactivate(support.now()));
    }

    @Override
    public Optional<StaffView> findById(Actor actor, StaffId staffId) {
        support.validate(actor, new Arguments.StaffIdQuery(staffId));
        return support.transaction(() -> {
            Optional<StaffUser> user = staff.findById(staffId);
            support.authorize(actor, StaffPermission.STAFF_VIEW, targetOf(staffId, user), "staff.view", TYPE,
                    staffId.value());
            return user.map(u -> StaffView.of(u.snapshot()));
        });
    }

    @Override
    public Page<StaffView> search(Actor actor, StaffSearchQuery query) {
        return search.search(actor, query);
    }

    /** Loads, authorizes, applies one domain call and stores it, in one transaction. */
    private StaffView change(Actor actor, Permission permission, String action, StaffId id, Long expectedVersion,
                             Consumer<StaffUser> domainCall) {
        return support.transaction(() -> {
            Optional<StaffUser> found = staff.findById(id);
            support.authorize(actor, permission, targetOf(id, found), action, TYPE, id.value());
            StaffUser user = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            support.applyChange(actor, action, TYPE, id.value(), user, expectedVersion, domainCall,
                    staff::update);
            return StaffView.of(user.snapshot());
        });
    }

    /** Whose profile it is: the user's own, in their department. */
    private static AccessTarget targetOf(StaffId id, Optional<StaffUser> user) {
        return AccessTarget.staff(id, user.map(u -> u.snapshot().department()).orElse(null));
    }

    private Account accountOf(StaffId id) {
        return accounts.findByHolder(AccountHolder.of(id)).orElseThrow(() -> new NotFoundException("account", id));
    }
}
