package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import java.time.Duration;
import org.crmkit.core.customer.internal.port.ContactChangeParticipant;
import org.crmkit.core.customer.internal.port.ContactVerifications;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.port.in.Accounts;
import org.crmkit.core.staff.port.in.Departments;
import org.crmkit.core.staff.port.in.StaffUsers;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.crmkit.core.staff.port.out.StaffRepository;

/** Builds the staff area's use cases and its parts in other mechanisms; the one public entry of this package. */
public final class StaffApplication {
    private StaffApplication() {
    }

    /**
     * @param staff the staff repository
     * @return the resolver that makes staff actors carry their stored roles and refuses deactivated users
     */
    public static ActorResolver actorResolver(StaffRepository staff) {
        return new StaffActorResolver(new StaffStore(staff));
    }

    /**
     * @param accounts      the account repository
     * @param secondFactors the second factors of accounts
     * @param accessLog     the access log
     * @return the staff area's part in a customer's erasure (their login account and its second factor, and the
     *         source addresses and user agents of its access log)
     */
    public static PersonalDataEraser customerEraser(AccountRepository accounts,
                                                    SecondFactorRepository secondFactors, AccessLog accessLog) {
        return new AccountEraser(new AccountStore(accounts), new SecondFactorStore(secondFactors), accessLog);
    }

    /**
     * @param support     shared use-case mechanics
     * @param departments the department repository
     * @param staff       the staff repository
     * @return the department use cases
     */
    public static Departments departments(UseCaseSupport support, DepartmentRepository departments,
                                          StaffRepository staff) {
        return new DepartmentService(support, new DepartmentStore(departments), new StaffStore(staff));
    }

    /**
     * @param support        shared use-case mechanics
     * @param staff          the staff repository
     * @param departments    the department repository
     * @param accounts       the account repository
     * @param tokens         the reset tokens (used up when a login changes or a user is deactivated)
     * @param hasher         hashes passwords
     * @param passwordPolicy what a new password must be
     * @return the staff user use cases
     */
    public static StaffUsers staffUsers(UseCaseSupport support, StaffRepository staff,
                                        DepartmentRepository departments, AccountRepository accounts,
                                        PasswordResetTokenRepository tokens, PasswordHasher hasher,
                                        PasswordPolicy passwordPolicy) {
        return new StaffService(support, new StaffStore(staff), new DepartmentStore(departments), new AccountStore(accounts), tokens, hasher, passwordPolicy);
    }

    /**
     * @param support     shared use-case mechanics
     * @param accounts    the account repository
     * @param tokens      the reset token repository
     * @param accessLog   the access log
     * @param verifications the customer area's contact verifications (sign-up and invitations go through them)
     * @param customers     the customer reads (an invitation checks its customer)
     * @param hasher         hashes and verifies passwords
     * @param passwordPolicy what a new password must be
     * @param lockout        when failed logins lock an account
     * @param resetTokenTtl  how long a reset token is valid
     * @param notifier       delivers reset tokens
     * @param secondFactors  the second factors of accounts
     * @param mfaPolicy      who must use a second factor, and the issuer authenticator apps show
     * @param accessLogRetention how long the access log keeps a caller's address and user agent
     * @return the authentication and access-log use cases
     */
    public static Accounts accounts(UseCaseSupport support, AccountRepository accounts,
                                    PasswordResetTokenRepository tokens, AccessLog accessLog,
                                    ContactVerifications verifications, CustomerDirectory customers,
                                    PasswordHasher hasher, PasswordPolicy passwordPolicy, LockoutPolicy lockout,
                                    Duration resetTokenTtl, PasswordResetNotifier notifier,
                                    SecondFactorRepository secondFactors, MfaPolicy mfaPolicy,
                                    Duration accessLogRetention) {
        return new AccountService(support, new AccountStore(accounts), tokens, accessLog, verifications, customers,
                new AccountSecurity(hasher, passwordPolicy, lockout, resetTokenTtl, notifier),
                new SecondFactorStore(secondFactors), mfaPolicy, accessLogRetention);
    }

    /**
     * @param accounts the account repository
     * @param tokens   the reset tokens, used up when a login moves
     * @return the staff area's part in a change of a customer's email: the customer's login follows it
     */
    public static ContactChangeParticipant loginFollower(AccountRepository accounts,
                                                         PasswordResetTokenRepository tokens) {
        return new LoginFollower(new AccountStore(accounts), tokens);
    }

    /**
     * @param support     shared use-case mechanics
     * @param staff       the staff repository
     * @param departments the department repository
     * @return the actor-free reads other areas make of staff users and departments, inside their own use cases
     */
    public static StaffDirectory directory(UseCaseSupport support, StaffRepository staff,
                                           DepartmentRepository departments) {
        return new StaffReads(support, new StaffStore(staff), new DepartmentStore(departments));
    }
}
