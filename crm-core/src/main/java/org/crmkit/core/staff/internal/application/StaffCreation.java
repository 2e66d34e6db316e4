package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordHasher;

/**
 * Creates staff users, each with their login account: the installation's first administrator, by an anonymous
 * caller once only, and the users an administrator creates. A password is checked and hashed before the transaction.
 */
final class StaffCreation {
    private static final String TYPE = StaffService.TYPE;

    private final UseCaseSupport support;
    private final StaffStore staff;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final StaffRules rules;

    StaffCreation(UseCaseSupport support, StaffStore staff, AccountStore accounts, PasswordHasher hasher,
                  PasswordPolicy passwordPolicy, StaffRules rules) {
        this.support = support;
        this.staff = staff;
        this.accounts = accounts;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.rules = rules;
    }

    StaffView bootstrapAdmin(BootstrapAdminCommand command) {
        Actor anonymous = Actor.anonymous();
        // the constraints, the name, the email and the password policy together: every bad field in one refusal
        Input input = support.validate(anonymous, command, checks -> input(checks, command.firstName(),
                command.lastName(), command.workEmail(), Set.of(), "password", command.password()));
        // a cheap check first, so that a refused (public) call costs no password hashing; repeated under lock below
        support.transaction(rules::requireNoAdmin);
        String hash = hasher.hash(command.password());
        return support.transaction(() -> {
            // the marker first: a concurrent bootstrap waits on it and then finds it taken, before either of them
            // has read anything else it could deadlock on
            if (!staff.markBootstrapped(support.now())) {
                throw new BusinessRuleViolationException(StaffError.ADMIN_EXISTS,
                        "this installation was bootstrapped already; further staff are created by an administrator");
            }
            rules.requireNoAdmin();
            StaffUser admin = open(input, null, EnumSet.of(Role.ADMIN), hash);
            support.audit(anonymous, "staff.bootstrap_admin", TYPE, admin.id().value());
            return StaffView.of(admin.snapshot());
        });
    }

    StaffView create(Actor actor, CreateStaffCommand command) {
        // the constraints, the name, the email, the roles and the password policy together
        Input input = support.validate(actor, command, checks -> input(checks, command.firstName(),
                command.lastName(), command.workEmail(), command.roles(), "initialPassword",
                command.initialPassword()));
        Set<Role> roles = input.roles();
        String passwordHash = null;
        if (command.initialPassword() != null) {
            // the caller first: a refused call must not cost a password hash (PBKDF2 at 600,000 iterations)
            support.transaction(() -> authorizeCreate(actor, roles));
            passwordHash = hasher.hash(command.initialPassword());
        }
        String hash = passwordHash;
        return support.transaction(() -> {
            authorizeCreate(actor, roles);
            rules.requireActiveDepartment(command.departmentId());
            StaffUser user = open(input, command.departmentId(), roles, hash);
            support.audit(actor, "staff.create", TYPE, user.id().value());
            return StaffView.of(user.snapshot());
        });
    }

    /** @return nothing; refuses (and audits) a caller who may not create this staff user */
    private Void authorizeCreate(Actor actor, Set<Role> roles) {
        support.authorize(actor, StaffPermission.STAFF_MANAGE, AccessTarget.none(), "staff.create", TYPE, null);
        if (!roles.isEmpty()) {
            support.authorize(actor, StaffPermission.STAFF_ROLES, AccessTarget.none(), "staff.create", TYPE, null);
        }
        return null;
    }

    /**
     * Converts a new staff user's name, work email and roles and checks their password against the policy, each
     * refusal kept in the checks. A {@code null} password is checked only under {@code "password"}, which a bootstrap
     * requires; a created user may have none.
     */
    private Input input(FieldChecks checks, String firstName, String lastName, String workEmail,
                        Set<String> roleNames, String passwordField, String password) {
        PersonName name = checks.attempt(() -> new PersonName(firstName, lastName));
        EmailAddress email = checks.attempt(() -> StaffRules.workEmail(workEmail));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : roleNames == null ? Set.<String>of() : roleNames) {
            Role parsed = checks.attempt(() -> Role.parse("roles", role));
            if (parsed != null) {
                roles.add(parsed);
            }
        }
        if (password != null || "password".equals(passwordField)) {
            checks.attempt(() -> {
                passwordPolicy.check(passwordField, password, email);
                return null;
            });
        }
        return new Input(name, email, roles);
    }

    /** Creates the user and their account, after checking the email is free as a work email and as a login. */
    private StaffUser open(Input input, DepartmentId department, Set<Role> roles, String passwordHash) {
        rules.requireFreeEmail(input.email, null);
        StaffUser user = StaffUser.create(StaffId.next(support.clock()), input.name, input.email, department, roles,
                support.now());
        staff.add(user);
        accounts.add(Account.open(AccountId.next(support.clock()), AccountHolder.of(user.id()), input.email,
                passwordHash, support.now()));
        support.publishAfterCommit(user.pullEvents());
        return user;
    }

    /** A new staff user's checked name, work email and roles. */
    private record Input(PersonName name, EmailAddress email, Set<Role> roles) {
    }
}
