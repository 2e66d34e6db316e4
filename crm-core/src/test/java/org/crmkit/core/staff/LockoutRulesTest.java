package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The lockout a host configures: what settings it refuses, and how failures are counted once a lock has ended. */
class LockoutRulesTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final String ROB_PASSWORD = "rep passphrase with spaces";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aPolicyNeedsOneToAHundredFailuresAndAPositiveWindowAndLockNamingTheBadSetting() {
        assertThat(new LockoutPolicy(1, MINUTE, MINUTE).maxFailures()).isEqualTo(1);
        assertThat(new LockoutPolicy(100, MINUTE, MINUTE).maxFailures()).isEqualTo(100);
        assertThat(refused(0, MINUTE, MINUTE)).isEqualTo("maxFailures");
        assertThat(refused(101, MINUTE, MINUTE)).isEqualTo("maxFailures");
        for (Duration notPositive : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThat(refused(5, notPositive, MINUTE)).as("window " + notPositive).isEqualTo("window");
            assertThat(refused(5, MINUTE, notPositive)).as("lock " + notPositive).isEqualTo("lockDuration");
        }
        assertThat(new LockoutPolicy(5, Duration.ofNanos(1), Duration.ofNanos(1)).window())
                .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void aFailureAfterALockEndedStartsANewCountEvenWithinTheWindow() {
        // three failures within an hour lock for five minutes: the window outlasts the lock
        MutableClock clock = new MutableClock(START);
        Crm crm = Crm.builder().clock(clock).passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .lockoutPolicy(new LockoutPolicy(3, Duration.ofHours(1), Duration.ofMinutes(5))).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                "a long admin passphrase 1"));
        Actor admin = crm.accounts().authenticate("ada@example.com", "a long admin passphrase 1", OFFICE);
        StaffView rob = crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null,
                Set.of("SALES_REP"), ROB_PASSWORD));
        for (int i = 0; i < 3; i++) {
            failed(crm, "wrong");
        }
        failed(crm, ROB_PASSWORD); // locked

        clock.advance(Duration.ofMinutes(5));
        failed(crm, "wrong again");

        assertThat(crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE))
                .as("one failure of a new count does not lock").isEqualTo(Actor.staff(rob.id(), Set.of(Role.SALES_REP)));
    }

    private static String refused(int maxFailures, Duration window, Duration lock) {
        return org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> new LockoutPolicy(maxFailures, window, lock)).field();
    }

    private static void failed(Crm crm, String password) {
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", password, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
