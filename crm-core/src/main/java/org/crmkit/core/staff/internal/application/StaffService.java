package org.crmkit.core.staff.internal.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.NameChange;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.domain.Department;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.domain.StaffUser;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.in.UpdateStaffCommand;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;
import org.crmkit.core.staff.StaffPermission;

/** The staff user use cases. A user and their login account change together, in one transaction. */
final class StaffService implements StaffUsers {
    static final String TYPE = "staff";

    private final UseCaseSupport support;
    private final StaffRepository staff;
    private final DepartmentRepository departments;
    private final AccountRepository accounts;
    private final PasswordResetTokenRepository tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;

    StaffService(UseCaseSupport support, StaffRepository staff, DepartmentRepository departments,
                 AccountRepository accounts, PasswordResetTokenRepository tokens, PasswordHasher hasher,
                 PasswordPolicy passwordPolicy) {
        this.support = support;
        this.staff = staff;
        this.departments = departments;
        this.accounts = accounts;
        this.tokens = tokens;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
    }

    @Override
    public StaffView bootstrapAdmin(BootstrapAdminCommand command) {
        Actor anonymous = Actor.anonymous();
        support.validate(anonymous, command);
        Input input = Input.checked(() -> new Input(new PersonName(command.firstName(), command.lastName()),
                EmailAddress.of(command.workEmail())), List.of());
        passwordPolicy.check("password", command.password(), input.email);
        // a cheap check first, so that a refused (public) call costs no password hashing; repeated under lock below
        support.transaction(this::requireNoAdmin);
        String hash = hasher.hash(command.password());
        return support.transaction(() -> {
            // the marker first: a concurrent bootstrap waits on it and then finds it taken, before either of them
            // has read anything else it could deadlock on
            if (!staff.markBootstrapped(support.now())) {
                throw new BusinessRuleViolationException("admin_exists",
                        "this installation was bootstrapped already; further staff are created by an administrator");
            }
            requireNoAdmin();
            StaffUser admin = open(input, null, EnumSet.of(Role.ADMIN), hash);
            support.audit(anonymous, "staff.bootstrap_admin", TYPE, admin.id().value());
            return StaffView.of(admin.snapshot());
        });
    }

    private Void requireNoAdmin() {
        if (staff.countActiveWithRoleForUpdate(Role.ADMIN) > 0) {
            throw new BusinessRuleViolationException("admin_exists",
                    "an administrator exists; further staff are created by an administrator");
        }
        return null;
    }

    @Override
    public StaffView create(Actor actor, CreateStaffCommand command) {
        support.validate(actor, command);
        List<FieldError> errors = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : command.roles()) {
            try {
                roles.add(Role.parse("roles", role));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field(), e.reason()));
            }
        }
        Input input = Input.checked(() -> new Input(new PersonName(command.firstName(), command.lastName()),
                EmailAddress.of(command.workEmail())), errors);
        String hash = null;
        if (command.initialPassword() != null) {
            passwordPolicy.check("initialPassword", command.initialPassword(), input.email);
            hash = hasher.hash(command.initialPassword());
        }
        String passwordHash = hash;
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.STAFF_MANAGE, AccessTarget.none(), "staff.create", TYPE, null);
            if (!roles.isEmpty()) {
                support.authorize(actor, StaffPermission.STAFF_ROLES, AccessTarget.none(), "staff.create", TYPE, null);
            }
            requireActiveDepartment(command.departmentId());
            StaffUser user = open(input, command.departmentId(), roles, passwordHash);
            support.audit(actor, "staff.create", TYPE, user.id().value());
            return StaffView.of(user.snapshot());
        });
    }

    /** Creates the user and their account, after checking the email is free as a work email and as a login. */
    private StaffUser open(Input input, DepartmentId department, Set<Role> roles, String passwordHash) {
        requireFreeEmail(input.email, null);
        StaffUser user = StaffUser.create(StaffId.next(support.clock()), input.name, input.email, department, roles,
                support.now());
        staff.add(user);
        accounts.add(Account.open(AccountId.next(support.clock()), AccountHolder.of(user.id()), input.email,
                passwordHash, support.now()));
        support.publishAfterCommit(user.pullEvents());
        return user;
    }

    @Override
    public StaffView update(Actor actor, UpdateStaffCommand command) {
        record Change(NameChange name, EmailAddress email) {
        }
        Change change = support.validate(actor, command, checks -> new Change(
                checks.attempt(() -> NameChange.of(command.firstName(), command.lastName())),
                command.workEmail() == null ? null : checks.attempt(() -> EmailAddress.of(command.workEmail()))));
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.update", command.staffId(), command.expectedVersion(),
                user -> {
                    EmailAddress email = change.email() == null ? user.snapshot().workEmail() : change.email();
                    boolean newEmail = !user.snapshot().workEmail().equals(email);
                    if (newEmail) {
                        requireFreeEmail(email, user.id());
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
        support.validate(actor, command);
        Role role = UseCaseSupport.commandField(() -> Role.parse("role", command.role()));
        return change(actor, StaffPermission.STAFF_ROLES, "staff.grant_role", command.staffId(),
                command.expectedVersion(), user -> user.grant(role, support.now()));
    }

    @Override
    public StaffView revokeRole(Actor actor, StaffRoleCommand command) {
        support.validate(actor, command);
        Role role = UseCaseSupport.commandField(() -> Role.parse("role", command.role()));
        return change(actor, StaffPermission.STAFF_ROLES, "staff.revoke_role", command.staffId(),
                command.expectedVersion(), user -> {
                    if (role == Role.ADMIN) {
                        requireNotLastAdmin(user);
                    }
                    user.revoke(role, support.now());
                });
    }

    @Override
    public StaffView moveToDepartment(Actor actor, MoveStaffCommand command) {
        support.validate(actor, command);
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.move", command.staffId(), command.expectedVersion(),
                user -> {
                    requireActiveDepartment(command.departmentId());
                    user.moveTo(command.departmentId(), support.now());
                });
    }

    @Override
    public StaffView deactivate(Actor actor, StaffStatusCommand command) {
        support.validate(actor, command);
        return change(actor, StaffPermission.STAFF_MANAGE, "staff.deactivate", command.staffId(),
                command.expectedVersion(), user -> {
                    requireNotLastAdmin(user);
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
        support.validate(actor, query);
        Role role = query.role() == null || query.role().isBlank() ? null
                : UseCaseSupport.commandField(() -> Role.parse("role", query.role()));
        String scope = Cursor.scope("staff.search", query.departmentId(), role, query.active());
        StaffSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, StaffPermission.STAFF_VIEW, "staff.search", TYPE);
            Actor.Staff caller = grant.actor() instanceof Actor.Staff s ? s : null;
            StaffSearchCriteria criteria = new StaffSearchCriteria(query.departmentId(), role, query.active(), after);
            if (grant.scope() == AccessScope.DEPARTMENT && caller != null) {
                // a manager sees their own department only
                if (caller.department() == null
                        || query.departmentId() != null && !query.departmentId().equals(caller.department())) {
                    return onlySelf(caller, criteria);
                }
                criteria = new StaffSearchCriteria(caller.department(), role, query.active(), after);
            } else if (grant.scope() != AccessScope.ANY) {
                return onlySelf(caller, criteria);
            }
            return Page.slice(staff.search(criteria, size + 1), size, u -> StaffView.of(u.snapshot()),
                    u -> Cursor.encode(scope, List.of(u.snapshot().name().sortKey(), u.id().toString())));
        });
    }

    /** The page a caller limited to their own profile sees: themself, if they pass the filters. */
    private Page<StaffView> onlySelf(Actor.Staff caller, StaffSearchCriteria criteria) {
        if (caller == null || criteria.after() != null) {
            return Page.empty();
        }
        return new Page<>(staff.findById(caller.id()).map(StaffUser::snapshot).filter(criteria::matches)
                .map(StaffView::of).stream().toList(), Optional.empty());
    }

    private static StaffSearchCriteria.Position decode(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, scope, 2);
        return new StaffSearchCriteria.Position(values.get(0), StaffId.parse(values.get(1)));
    }

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

    private static AccessTarget targetOf(StaffId id, Optional<StaffUser> user) {
        return AccessTarget.staff(id, user.map(u -> u.snapshot().department()).orElse(null));
    }

    private Account accountOf(StaffId id) {
        return accounts.findByHolder(AccountHolder.of(id)).orElseThrow(() -> new NotFoundException("account", id));
    }

    private void requireFreeEmail(EmailAddress email, StaffId self) {
        Optional<StaffUser> holder = staff.findByEmail(email);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw ConflictException.duplicate(TYPE, "workEmail", holder.get().id());
        }
        Optional<Account> login = accounts.findByLoginForUpdate(email);
        if (login.isPresent() && !login.get().holder().equals(self == null ? null : AccountHolder.of(self))) {
            // a customer's login: say only that the address is taken, not by whom
            throw ConflictException.duplicate("account", "workEmail", null);
        }
    }

    private void requireActiveDepartment(DepartmentId id) {
        if (id != null) {
            // locked: a deactivation of the department waits for this transaction, or this one sees it
            departments.findByIdForUpdate(id).orElseThrow(() -> new NotFoundException(DepartmentService.TYPE, id))
                    .requireActive();
        }
    }

    private void requireNotLastAdmin(StaffUser user) {
        if (user.isActiveAdmin() && staff.countActiveWithRoleForUpdate(Role.ADMIN) <= 1) {
            throw new BusinessRuleViolationException("last_admin",
                    "staff user " + user.id() + " is the last active administrator");
        }
    }

    /** A staff user's checked name and email; value errors are gathered with earlier ones into one exception. */
    private record Input(PersonName name, EmailAddress email) {
        static Input checked(java.util.function.Supplier<Input> parse, List<FieldError> earlier) {
            List<FieldError> errors = new ArrayList<>(earlier);
            Input input = null;
            try {
                input = parse.get();
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field(), e.reason()));
            }
            if (!errors.isEmpty()) {
                throw new InvalidCommandException(errors);
            }
            return input;
        }
    }
}
