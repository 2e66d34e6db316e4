package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.out.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the account use cases share: an access-log line, a counted failure, the actor an account's holder acts as
 * and the caller's own account. Each runs inside the caller's transaction.
 */
final class AccountSteps {
    static final String TYPE = "account";
    private static final Logger LOG = LoggerFactory.getLogger(AccountSteps.class);

    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final AccessLog accessLog;
    private final LockoutPolicy lockout;

    AccountSteps(UseCaseSupport support, AccountStore accounts, AccessLog accessLog, LockoutPolicy lockout) {
        this.support = support;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.lockout = lockout;
    }

    /** Appends an access-log line; a refusal is logged by account id too. */
    void log(AccessEvent event, AccessOutcome outcome, Account account, AccessContext context) {
        accessLog.append(new AccessLogEntry(UuidV7.next(support.clock()), support.now(), event, outcome,
                account == null ? null : account.id(), account == null ? null : account.holder(),
                context.sourceAddress(), context.userAgent()));
        if (outcome == AccessOutcome.SECOND_FACTOR_REQUIRED || outcome == AccessOutcome.ENROLMENT_REQUIRED) {
            LOG.debug("{} of account {} waits for its second step ({})", event, account.id(), outcome);
        } else if (outcome != AccessOutcome.SUCCESS) {
            LOG.info("{} refused ({}) for account {}", event, outcome, account == null ? "-" : account.id());
        }
    }

    /** Counts a failure, locking the account when it reaches the policy's count, and logs it. */
    void failed(Account account, AccessEvent event, Instant now, AccessContext context) {
        account.recordFailure(now, lockout);
        accounts.update(account);
        support.publishAfterCommit(account.pullEvents());
        log(event, AccessOutcome.BAD_CREDENTIALS, account, context);
    }

    /**
     * Opens a customer's account, logged in: the first login is logged and the opening audited as the customer.
     *
     * @param customer the customer, who has no account yet
     * @param login    their email, proven
     * @param hash     their password's hash
     * @param action   the audited action ({@code account.sign_up}, {@code account.accept_invitation})
     * @param context  what the host knows of the caller
     * @return the customer and their actor
     */
    SignedUpCustomer openCustomerAccount(CustomerId customer, EmailAddress login, String hash, String action,
                                         AccessContext context) {
        Account account = Account.open(AccountId.next(support.clock()), AccountHolder.of(customer), login, hash,
                support.now());
        account.recordSuccess(support.now());
        accounts.add(account);
        Actor actor = Actor.customer(customer);
        support.audit(actor, action, TYPE, account.id().value());
        log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, account, context);
        return new SignedUpCustomer(customer, actor);
    }

    /** @return the actor a holder acts as now, or empty when the holder may not log in (deactivated, erased) */
    Optional<Actor> activeActorOf(AccountHolder holder) {
        return support.resolve(holder.kind() == AccountHolder.Kind.CUSTOMER
                ? Actor.customer(new CustomerId(holder.id()))
                : Actor.staff(new StaffId(holder.id()), Set.of()));
    }

    /**
     * The caller's own account, after authorizing the caller on it.
     *
     * @param lock whether to lock the account row for the transaction (a change that counts failures does)
     */
    Account ownAccount(Actor actor, Permission permission, String action, boolean lock) {
        AccountHolder holder;
        AccessTarget target;
        if (actor instanceof Actor.Staff s) {
            holder = AccountHolder.of(s.id());
            target = AccessTarget.staff(s.id(), null);
        } else if (actor instanceof Actor.Customer c) {
            holder = AccountHolder.of(c.id());
            target = AccessTarget.customer(c.id(), null);
        } else {
            holder = null;
            target = AccessTarget.none();
        }
        support.authorize(actor, permission, target, action, TYPE, null);
        if (holder == null) {
            // a replaced policy let an actor through that cannot hold an account (system, anonymous)
            throw new NotFoundException(TYPE, actor.describe());
        }
        Account account = accounts.findByHolder(holder)
                .orElseThrow(() -> new NotFoundException(TYPE, actor.reference()));
        return lock ? accounts.findByLoginForUpdate(account.login()).orElseThrow(account::staleVersion) : account;
    }

    /** @return the login an email names, or empty when it is no email address (no account can have it) */
    static Optional<EmailAddress> parseLogin(String email) {
        try {
            return Optional.of(EmailAddress.of(email));
        } catch (InvalidValueException notAnEmail) {
            return Optional.empty();
        }
    }
}
