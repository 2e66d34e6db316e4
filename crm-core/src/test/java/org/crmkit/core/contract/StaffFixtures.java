package org.crmkit.core.contract;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.internal.AreaPorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.internal.domain.Department;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.internal.domain.StaffUser;

/**
 * Builds the staff area's domain objects for the contracts: departments, staff users, accounts, reset tokens and
 * access log entries, every one unique in its unique fields unless told otherwise. The {@code stored...} helpers also
 * store the parents a real schema's foreign keys ask for (a user's department, an account's holder).
 */
public final class StaffFixtures {
    /** Source of ids: real time, so ids are ordinary UUIDv7 values. */
    public static final Clock IDS = Clock.systemUTC();
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = Instant.parse("2026-04-01T08:30:15.654321Z");
    /** A self-describing hash as the default hasher writes it (the repositories treat it as opaque text). */
    public static final String HASH = "$pbkdf2-sha256$i=600000$c2FsdHNhbHRzYWx0c2FsdA$"
            + "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private StaffFixtures() {
    }

    /** @param prefix the local part's start @return an email no other fixture call returns */
    public static EmailAddress uniqueEmail(String prefix) {
        return EmailAddress.of(prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    /**
     * @param id an id
     * @return the same id with its first bit set: a valid UUIDv7 shape that sorts after every id made today when
     *         compared as unsigned bytes (as {@code BINARY(16)} does), but before them under {@link UUID#compareTo}
     */
    public static UUID withHighBit(UUID id) {
        return new UUID(id.getMostSignificantBits() | Long.MIN_VALUE, id.getLeastSignificantBits());
    }

    /** @param name the name @return a new active department without manager, created at {@link #T0} */
    public static Department department(String name) {
        return department(name, null);
    }

    /** @param name the name @param manager the manager, or {@code null} @return a new active department */
    public static Department department(String name, StaffId manager) {
        Department department = Department.create(DepartmentId.next(IDS), name, manager, T0);
        department.pullEvents();
        return department;
    }

    /**
     * @param first      first name
     * @param last       last name
     * @param department the department, or {@code null}
     * @param roles      the roles
     * @return a new active user with a unique work email, created at {@link #T0}
     */
    public static StaffUser staffUser(String first, String last, DepartmentId department, Set<Role> roles) {
        return staffUser(StaffId.next(IDS), first, last, department, roles);
    }

    /**
     * @param id         the id
     * @param first      first name
     * @param last       last name
     * @param department the department, or {@code null}
     * @param roles      the roles
     * @return a new active user with a unique work email, created at {@link #T0}
     */
    public static StaffUser staffUser(StaffId id, String first, String last, DepartmentId department,
                                      Set<Role> roles) {
        StaffUser user = StaffUser.create(id, new PersonName(first, last), uniqueEmail("staff"), department, roles,
                T0);
        user.pullEvents();
        return user;
    }

    /**
     * @param holder whose account
     * @param login  the login
     * @param hash   the hash, or {@code null}
     * @return a new account opened at {@link #T0}
     */
    public static Account account(AccountHolder holder, EmailAddress login, String hash) {
        Account account = Account.open(AccountId.next(IDS), holder, login, hash, T0);
        account.pullEvents();
        return account;
    }

    /** @param account the account @param createdAt when issued @return an unused token valid for 30 minutes */
    public static PasswordResetToken token(AccountId account, Instant createdAt) {
        return new PasswordResetToken(UuidV7.next(IDS), account, sha256Hex(UUID.randomUUID().toString()), createdAt,
                createdAt.plus(Duration.ofMinutes(30)), null);
    }

    /** @param text any text @return its SHA-256 as 64 lower-case hex digits, the form tokens are stored in */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param at      when
     * @param event   what
     * @param outcome how it ended
     * @param account the account, or {@code null}
     * @return an entry with a fresh id, the account's holder and a caller address and agent
     */
    public static AccessLogEntry accessEntry(Instant at, AccessEvent event, AccessOutcome outcome, Account account) {
        return accessEntry(UuidV7.next(IDS), at, event, outcome, account);
    }

    /**
     * @param id      the entry's id
     * @param at      when
     * @param event   what
     * @param outcome how it ended
     * @param account the account, or {@code null}
     * @return an entry with the account's holder and a caller address and agent
     */
    public static AccessLogEntry accessEntry(UUID id, Instant at, AccessEvent event, AccessOutcome outcome,
                                             Account account) {
        return new AccessLogEntry(id, at, event, outcome, account == null ? null : account.id(),
                account == null ? null : account.holder(), "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)");
    }

    /** @param persistence where @param name the name @return a stored department */
    public static Department storedDepartment(AreaPorts persistence, String name) {
        Department department = department(name);
        persistence.unitOfWork().inTransaction(() -> new DepartmentStore(persistence.departments()).add(department));
        return department;
    }

    /** @param persistence where @return a stored active user without department or roles */
    public static StaffUser storedStaffUser(AreaPorts persistence) {
        return storedStaffUser(persistence, staffUser("Grace", "Hopper", null, Set.of()));
    }

    /** @param persistence where @param user a new user whose department is stored @return the user, stored */
    public static StaffUser storedStaffUser(AreaPorts persistence, StaffUser user) {
        persistence.unitOfWork().inTransaction(() -> new StaffStore(persistence.staff()).add(user));
        return user;
    }

    /** @param persistence where @return a stored customer */
    public static Customer storedCustomer(AreaPorts persistence) {
        Customer customer = CustomerFixtures.aCustomer().build();
        persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
        return customer;
    }

    /** @param persistence where @return a stored account of a stored staff user, login its work email */
    public static Account storedAccount(AreaPorts persistence) {
        StaffUser holder = storedStaffUser(persistence);
        Account account = account(AccountHolder.of(holder.id()), holder.snapshot().workEmail(), HASH);
        persistence.unitOfWork().inTransaction(() -> new AccountStore(persistence.accounts()).add(account));
        return account;
    }
}
