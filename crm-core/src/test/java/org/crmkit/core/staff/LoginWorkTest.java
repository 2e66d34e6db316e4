package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every failed login does the same work as a successful one, so that its time tells an attacker nothing (which
 * emails have accounts, which accounts are locked or have no password): counted as password checks through a
 * counting hasher, not timed. Each path must check exactly one password, as a successful login does.
 */
class LoginWorkTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final String PASSWORD = "rep passphrase with spaces";

    /** Counts the password checks (verify), the expensive step; hashing is counted apart. */
    private static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher real = Pbkdf2PasswordHasher.withIterations(1_000);
        private final AtomicInteger verified = new AtomicInteger();
        private final AtomicInteger hashed = new AtomicInteger();
        /** Whether every stored hash counts as weaker than the current settings (as after raising the iterations). */
        private volatile boolean settingsRaised;

        @Override
        public String hash(String password) {
            hashed.incrementAndGet();
            return settingsRaised ? "raised:" + real.hash(password) : real.hash(password);
        }

        @Override
        public boolean verify(String password, String stored) {
            verified.incrementAndGet();
            return real.verify(password, stored.startsWith("raised:") ? stored.substring(7) : stored);
        }

        @Override
        public boolean needsRehash(String stored) {
            return settingsRaised ? !stored.startsWith("raised:") : real.needsRehash(stored);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private MutableClock clock;
    private Crm crm;
    private Actor admin;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        crm = Crm.builder().clock(clock).passwordHasher(hasher).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                "a long admin passphrase 1"));
        admin = crm.accounts().authenticate("ada@example.com", "a long admin passphrase 1", OFFICE);
        staff("rob@example.com", PASSWORD);
        staff("sso@example.com", null); // signs in through the host's single sign-on: no password
        StaffView gone = staff("gone@example.com", PASSWORD);
        crm.staff().deactivate(admin, new StaffStatusCommand(gone.id()));
        staff("locked@example.com", PASSWORD);
        for (int i = 0; i < 5; i++) {
            failed("locked@example.com", "wrong");
        }
    }

    @Test
    void everyFailedLoginChecksOnePasswordAsASuccessfulOneDoes() {
        Map<String, Integer> checks = new LinkedHashMap<>();
        checks.put("success", checksOf(() -> crm.accounts().authenticate("rob@example.com", PASSWORD, OFFICE)));
        checks.put("wrong password", checksOf(() -> failed("rob@example.com", "wrong")));
        checks.put("unknown email", checksOf(() -> failed("nobody@example.com", PASSWORD)));
        checks.put("not an email", checksOf(() -> failed("not an email", PASSWORD)));
        checks.put("no password (single sign-on)", checksOf(() -> failed("sso@example.com", PASSWORD)));
        checks.put("deactivated", checksOf(() -> failed("gone@example.com", PASSWORD)));
        checks.put("locked, right password", checksOf(() -> failed("locked@example.com", PASSWORD)));

        assertThat(checks).as("password checks per login path").allSatisfy((path, count) ->
                assertThat(count).as(path).isEqualTo(1));
    }

    /**
     * The hash settings were raised: a right password on a locked account must not be re-hashed (the extra hash made
     * a locked account's right guess measurably slower than a wrong one, so guessing went on through the lock); it is
     * re-hashed once a login is admitted, and the upgraded hash is stored.
     */
    @Test
    void aRightPasswordIsReHashedOnlyOnceTheLoginIsAdmitted() {
        hasher.settingsRaised = true;
        int hashesBefore = hasher.hashed.get();
        failed("locked@example.com", PASSWORD);
        failed("locked@example.com", "wrong");
        assertThat(hasher.hashed.get() - hashesBefore).as("hashes while locked").isZero();

        clock.advance(Duration.ofMinutes(15));
        crm.accounts().authenticate("locked@example.com", PASSWORD, OFFICE);
        assertThat(hasher.hashed.get() - hashesBefore).as("hashes of the admitted login").isEqualTo(1);

        crm.accounts().authenticate("locked@example.com", PASSWORD, OFFICE);
        assertThat(hasher.hashed.get() - hashesBefore).as("the upgraded hash was stored: no second re-hash")
                .isEqualTo(1);
    }

    @Test
    void aCallerWhoMayNotCreateStaffCostsNoPasswordHash() {
        Actor rep = crm.accounts().authenticate("rob@example.com", PASSWORD, OFFICE);
        int hashesBefore = hasher.hashed.get();

        assertThatThrownBy(() -> staffAs(rep, "new@example.com", "another long passphrase"))
                .isInstanceOf(org.crmkit.core.shared.AccessDeniedException.class);

        assertThat(hasher.hashed.get() - hashesBefore).isZero();
        staffAs(admin, "new@example.com", "another long passphrase");
        assertThat(hasher.hashed.get() - hashesBefore).as("an allowed creation hashes once").isEqualTo(1);
    }

    @Test
    void theLockEndsAfterItsFifteenMinutesAndNotBefore() {
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        failed("locked@example.com", PASSWORD);

        clock.advance(Duration.ofSeconds(1));
        Actor actor = crm.accounts().authenticate("locked@example.com", PASSWORD, OFFICE);

        assertThat(actor).isInstanceOfSatisfying(Actor.Staff.class,
                staff -> assertThat(staff.roles()).containsExactly(Role.SALES_REP));
    }

    private StaffView staff(String email, String password) {
        return staffAs(admin, email, password);
    }

    private StaffView staffAs(Actor caller, String email, String password) {
        return crm.staff().create(caller, CreateStaffCommand.builder().firstName("Some").lastName("One")
                .workEmail(email).roles(Set.of("SALES_REP")).initialPassword(password).build());
    }

    private void failed(String email, String password) {
        assertThatThrownBy(() -> crm.accounts().authenticate(email, password, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private int checksOf(Runnable login) {
        int before = hasher.verified.get();
        login.run();
        return hasher.verified.get() - before;
    }
}
