package org.crmkit.core.staff.internal.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.domain.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.domain.PasswordResetToken;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.Accounts;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccessLogCriteria;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.staff.StaffPermission;

// Over 300 lines, knowingly for now: logins, password changes, resets and sign-up share the lockout and access-log
// steps; issue 16's god-class slice (ADR 0011, "How it lands" 5) splits it per use case. This session only moved it,
// made sign-up return the customer's id and kept the caller's address as given.
/**
 * Authentication, password changes and resets, and the access log. A failed login is committed (its count and the
 * access log entry must survive) before the caller gets the one {@link AuthenticationFailedException}; the account row
 * is locked for the login's transaction, so concurrent attempts on one account are counted one after the other.
 */
final class AccountService implements Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final String TYPE = "account";
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_DAYS = 366;

    private final UseCaseSupport support;
    private final AccountRepository accounts;
    private final PasswordResetTokenRepository tokens;
    private final AccessLog accessLog;
    private final Customers customers;
    private final Security security;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    AccountService(UseCaseSupport support, AccountRepository accounts,
                   PasswordResetTokenRepository tokens, AccessLog accessLog, Customers customers,
                   Security security) {
        this.support = support;
        this.accounts = accounts;
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.customers = customers;
        this.security = security;
    }

    /** The authentication settings. */
    record Security(PasswordHasher hasher, PasswordPolicy passwordPolicy, LockoutPolicy lockout,
                    Duration resetTokenTtl, PasswordResetNotifier notifier) {
    }

    /** A login's arguments, checked like a command. */
    record Login(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 512) String password,
                 @NotNull @Valid AccessContext context) {
        @Override
        public String toString() {
            return "Login[withheld]";
        }
    }

    /** A reset request's arguments. */
    record ResetRequest(@NotNull @Size(max = 254) String email, @NotNull @Valid AccessContext context) {
        @Override
        public String toString() {
            return "ResetRequest[withheld]";
        }
    }

    /** The context of a call that has a command already checked. */
    record Context(@NotNull @Valid AccessContext context) {
    }

    /** What a transaction decided; thrown after commit when it failed. */
    private record Outcome<T>(T value, RuntimeException failure) {
        static <T> Outcome<T> ok(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        T get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    // ---- authentication ----------------------------------------------------------------------------------------

    @Override
    public Actor authenticate(String email, String password, AccessContext context) {
        support.validate(Actor.anonymous(), new Login(email, password, context));
        Optional<EmailAddress> login = parseLogin(email);
        // the slow part (PBKDF2) runs before the account row is locked, so parallel attempts wait only for the
        // short bookkeeping below, and a real account answers as fast as an unknown one
        Verification checked = verify(login.flatMap(l -> support.transaction(() -> accounts.findByLoginForUpdate(l)))
                .map(Account::passwordHash).orElse(null), password);
        return support.transaction(() -> {
            Optional<Account> found = login.flatMap(accounts::findByLoginForUpdate);
            if (found.isEmpty()) {
                log(AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null, context);
                return Outcome.<Actor>failed(new AuthenticationFailedException());
            }
            Account account = found.get();
            // the password changed between the check and the lock: check again, now under the lock (rare)
            Verification verified = Objects.equals(account.passwordHash(), checked.hash()) ? checked
                    : verify(account.passwordHash(), password);
            Instant now = support.now();
            Optional<Actor> actor = activeActorOf(account.holder());
            if (account.isLocked(now) || actor.isEmpty()) {
                log(AccessEvent.LOGIN, actor.isEmpty() ? AccessOutcome.INACTIVE : AccessOutcome.LOCKED, account,
                        context);
                return Outcome.<Actor>failed(new AuthenticationFailedException());
            }
            if (!verified.matches()) {
                failed(account, AccessEvent.LOGIN, now, context);
                return Outcome.<Actor>failed(new AuthenticationFailedException());
            }
            account.recordSuccess(now);
            if (verified.rehash() != null) {
                account.rehash(verified.rehash());
            }
            accounts.update(account);
            log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, account, context);
            LOG.debug("login of account {}", account.id());
            return Outcome.ok(actor.get());
        }).get();
    }

    /**
     * A password checked against a stored hash.
     *
     * @param hash    the stored hash it was checked against, or {@code null} for none
     * @param matches whether it matched
     * @param rehash  the password hashed with the current settings when the stored hash is weaker, else {@code null}
     */
    private record Verification(String hash, boolean matches, String rehash) {
    }

    /** Checks a password, against a dummy hash when there is no stored one, so every check costs the same. */
    private Verification verify(String storedHash, String password) {
        if (storedHash == null) {
            security.hasher().verify(password, dummyHash());
            return new Verification(null, false, null);
        }
        boolean matches = security.hasher().verify(password, storedHash);
        String rehash = matches && security.hasher().needsRehash(storedHash) ? security.hasher().hash(password)
                : null;
        return new Verification(storedHash, matches, rehash);
    }

    private boolean passwordMatches(Account account, String password) {
        if (account.passwordHash() == null) {
            security.hasher().verify(password, dummyHash());
            return false;
        }
        return security.hasher().verify(password, account.passwordHash());
    }

    /** Counts a failure, locking the account when it reaches the policy's count, and logs it. */
    private void failed(Account account, AccessEvent event, Instant now, AccessContext context) {
        account.recordFailure(now, security.lockout());
        accounts.update(account);
        support.publishAfterCommit(account.pullEvents());
        log(event, AccessOutcome.BAD_CREDENTIALS, account, context);
    }

    /** @return the actor a holder acts as now, or empty when the holder may not log in (deactivated, erased) */
    private Optional<Actor> activeActorOf(AccountHolder holder) {
        return support.resolve(holder.kind() == AccountHolder.Kind.CUSTOMER
                ? Actor.customer(new org.crmkit.core.shared.CustomerId(holder.id()))
                : Actor.staff(new org.crmkit.core.shared.StaffId(holder.id()), java.util.Set.of()));
    }

    // ---- sign-up -----------------------------------------------------------------------------------------------

    @Override
    public SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context) {
        Actor anonymous = Actor.anonymous();
        support.validate(anonymous, command);
        support.validate(anonymous, new Context(context));
        EmailAddress email = EmailAddress.of(command.email());
        security.passwordPolicy().check("password", command.password(), email);
        String hash = security.hasher().hash(command.password());
        try {
            return signUp(command, context, anonymous, email, hash);
        } catch (ConflictException e) {
            if (!"duplicate".equals(e.code())) {
                throw e;
            }
            throw ConflictException.signUpTaken();
        }
    }

    private SignedUpCustomer signUp(CustomerSignUpCommand command, AccessContext context, Actor anonymous, EmailAddress email,
                         String hash) {
        return support.transaction(() -> {
            if (accounts.findByLoginForUpdate(email).isPresent()) {
                throw ConflictException.signUpTaken();
            }
            CustomerView customer = customers.register(anonymous, RegisterCustomerCommand.selfSignUp(command.firstName(),
                    command.lastName(), command.email(), command.phone(), command.marketingConsent()));
            Account account = Account.open(AccountId.next(support.clock()), AccountHolder.of(customer.id()), email,
                    hash, support.now());
            account.recordSuccess(support.now());
            accounts.add(account);
            Actor actor = Actor.customer(customer.id());
            support.audit(actor, "account.sign_up", TYPE, account.id().value());
            log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, account, context);
            return new SignedUpCustomer(customer.id(), actor);
        });
    }

    // ---- passwords ---------------------------------------------------------------------------------------------

    @Override
    public void changePassword(Actor actor, ChangePasswordCommand command, AccessContext context) {
        support.validate(actor, command);
        support.validate(actor, new Context(context));
        support.transaction(() -> {
            Account account = ownAccount(actor, StaffPermission.ACCOUNT_CHANGE_PASSWORD, "account.change_password", true);
            Instant now = support.now();
            if (account.isLocked(now)) {
                // the lock stops guessing the current password here as much as at login
                security.hasher().verify(command.currentPassword(), dummyHash());
                log(AccessEvent.PASSWORD_CHANGE, AccessOutcome.LOCKED, account, context);
                return Outcome.failed(new AuthenticationFailedException());
            }
            // the new password is judged before the current one is checked, so the answer to a guess of the
            // current password never depends on anything but that guess
            security.passwordPolicy().check("newPassword", command.newPassword(), account.login());
            if (command.newPassword().equals(command.currentPassword())) {
                throw new InvalidValueException("newPassword", "must differ from the current password");
            }
            if (!passwordMatches(account, command.currentPassword())) {
                failed(account, AccessEvent.PASSWORD_CHANGE, now, context);
                return Outcome.failed(new AuthenticationFailedException());
            }
            account.setPasswordHash(security.hasher().hash(command.newPassword()), now, false);
            accounts.update(account);
            tokens.markAllUsed(account.id(), now);
            support.publishAfterCommit(account.pullEvents());
            support.audit(actor, "account.change_password", TYPE, account.id().value());
            log(AccessEvent.PASSWORD_CHANGE, AccessOutcome.SUCCESS, account, context);
            return Outcome.ok(null);
        }).get();
    }

    @Override
    public void requestPasswordReset(String email, AccessContext context) {
        support.validate(Actor.anonymous(), new ResetRequest(email, context));
        Optional<EmailAddress> login = parseLogin(email);
        support.transaction(() -> {
            Optional<Account> found = login.flatMap(accounts::findByLoginForUpdate);
            if (found.isEmpty()) {
                log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.UNKNOWN_ACCOUNT, null, context);
                return null;
            }
            Account account = found.get();
            if (activeActorOf(account.holder()).isEmpty()) {
                log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.INACTIVE, account, context);
                return null;
            }
            byte[] secret = new byte[TOKEN_BYTES];
            random.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Instant now = support.now();
            Instant expiresAt = now.plus(security.resetTokenTtl());
            tokens.add(new PasswordResetToken(UuidV7.next(support.clock()), account.id(), sha256(token), now,
                    expiresAt, null));
            log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.SUCCESS, account, context);
            PasswordResetNotifier.Message message = new PasswordResetNotifier.Message(account.holder(),
                    account.login(), token, expiresAt);
            support.afterCommit("password reset delivery for account " + account.id(),
                    () -> security.notifier().deliver(message));
            return null;
        });
    }

    @Override
    public void resetPassword(ResetPasswordCommand command, AccessContext context) {
        support.validate(Actor.anonymous(), command);
        support.validate(Actor.anonymous(), new Context(context));
        support.transaction(() -> {
            Instant now = support.now();
            Optional<PasswordResetToken> found = tokens.findByHash(sha256(command.token().strip()));
            if (found.isEmpty()) {
                log(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, null, context);
                return Outcome.failed(invalidToken("is unknown"));
            }
            PasswordResetToken token = found.get();
            Account account = accounts.findById(token.account())
                    .orElseThrow(() -> new NotFoundException(TYPE, token.account()));
            if (token.usedAt() != null || !now.isBefore(token.expiresAt())) {
                log(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, account, context);
                return Outcome.failed(invalidToken(token.usedAt() != null ? "was already used" : "has expired"));
            }
            if (activeActorOf(account.holder()).isEmpty()) {
                log(AccessEvent.PASSWORD_RESET, AccessOutcome.INACTIVE, account, context);
                return Outcome.failed(invalidToken("belongs to an account that may not log in"));
            }
            security.passwordPolicy().check("newPassword", command.newPassword(), account.login());
            if (!tokens.markUsed(token.id(), now)) {
                // a concurrent reset used it between our read and our write
                return Outcome.failed(invalidToken("was already used"));
            }
            tokens.markAllUsed(account.id(), now);
            account.setPasswordHash(security.hasher().hash(command.newPassword()), now, true);
            accounts.update(account);
            support.publishAfterCommit(account.pullEvents());
            support.audit(Actor.anonymous(), "account.reset_password", TYPE, account.id().value());
            log(AccessEvent.PASSWORD_RESET, AccessOutcome.SUCCESS, account, context);
            return Outcome.ok(null);
        }).get();
    }

    private static BusinessRuleViolationException invalidToken(String why) {
        return new BusinessRuleViolationException("reset_token_invalid", "the password reset token " + why);
    }

    @Override
    public void logout(Actor actor, AccessContext context) {
        support.validate(actor, new Context(context));
        support.transaction(() -> {
            Account account = ownAccount(actor, StaffPermission.ACCOUNT_LOGOUT, "account.logout", false);
            log(AccessEvent.LOGOUT, AccessOutcome.SUCCESS, account, context);
            return null;
        });
    }

    /**
     * The caller's own account, after authorizing the caller on it.
     *
     * @param lock whether to lock the account row for the transaction (a change that counts failures does)
     */
    private Account ownAccount(Actor actor, Permission permission, String action, boolean lock) {
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

    // ---- access log --------------------------------------------------------------------------------------------

    @Override
    public Page<AccessLogView> accessLog(Actor actor, AccessLogQuery query) {
        support.validate(actor, query);
        if (query.staffId() != null && query.customerId() != null) {
            throw new InvalidValueException("customerId", "must not be given together with staffId");
        }
        Instant from = null;
        Instant before = null;
        ZoneId zone = zone(query.zone());
        if (query.day() != null) {
            from = query.day().atStartOfDay(zone).toInstant();
            before = query.day().plusDays(1).atStartOfDay(zone).toInstant();
        }
        String scope = Cursor.scope("access.log", query.staffId(), query.customerId(), from, before);
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        Instant lower = from;
        Instant upper = before;
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.ACCESS_LOG_VIEW, AccessTarget.none(), "access_log.search", TYPE,
                    null);
            AccountId account = null;
            if (query.staffId() != null || query.customerId() != null) {
                AccountHolder holder = query.staffId() != null ? AccountHolder.of(query.staffId())
                        : AccountHolder.of(query.customerId());
                Optional<Account> found = accounts.findByHolder(holder);
                if (found.isEmpty()) {
                    return Page.<AccessLogView>empty();
                }
                account = found.get().id();
            }
            AccessLogCriteria criteria = new AccessLogCriteria(account, lower, upper, after);
            return Page.slice(accessLog.search(criteria, size + 1), size, AccessLogView::of,
                    e -> new EntryPosition(e.at(), e.id()).toCursor(scope));
        });
    }

    @Override
    public List<DailyActivity> dailyActivity(Actor actor, DailyActivityQuery query) {
        support.validate(actor, query);
        ZoneId zone = zone(query.zone());
        if (query.to().isBefore(query.from())) {
            throw new InvalidValueException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_DAYS) {
            throw new InvalidValueException("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.ACCESS_REPORT, AccessTarget.none(), "access_log.daily_activity",
                    TYPE, null);
            List<DailyActivity> days = new ArrayList<>();
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                AccessLog.LoginCounts counts = accessLog.countLogins(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant());
                days.add(new DailyActivity(day, counts.logins(), counts.distinctAccounts()));
            }
            return days;
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void log(AccessEvent event, AccessOutcome outcome, Account account, AccessContext context) {
        accessLog.append(new AccessLogEntry(UuidV7.next(support.clock()), support.now(), event, outcome,
                account == null ? null : account.id(), account == null ? null : account.holder(),
                context.sourceAddress(), context.userAgent()));
        if (outcome != AccessOutcome.SUCCESS) {
            LOG.info("{} refused ({}) for account {}", event, outcome, account == null ? "-" : account.id());
        }
    }

    private static Optional<EmailAddress> parseLogin(String email) {
        try {
            return Optional.of(EmailAddress.of(email));
        } catch (InvalidValueException notAnEmail) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", "is not an IANA time zone");
        }
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // verified against when no real hash exists, so that every failure costs the same time
            hash = security.hasher().hash(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
