package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Password hashes: what the default PBKDF2 hasher makes, reads and refuses to read, and how a login uses the hashes
 * (the check of an unknown email or of a user without a password is made against a real hash; the re-hash after a
 * login never undoes a password change).
 */
class PasswordHashRulesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final String ROB_PASSWORD = "rep passphrase with spaces";

    private final Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.withIterations(1_000);

    @Test
    void theIterationCountMustBePositive() {
        assertThatThrownBy(() -> Pbkdf2PasswordHasher.withIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbkdf2PasswordHasher.withIterations(-1)).isInstanceOf(IllegalArgumentException.class);
        Pbkdf2PasswordHasher once = Pbkdf2PasswordHasher.withIterations(1);
        assertThat(once.verify(PASSWORD, once.hash(PASSWORD))).isTrue();
    }

    @Test
    void everyHashOfOnePasswordHasItsOwnSalt() {
        String first = hasher.hash(PASSWORD);
        String second = hasher.hash(PASSWORD);

        assertThat(salt(first)).isNotEqualTo(salt(second));
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(PASSWORD, first)).isTrue();
        assertThat(hasher.verify(PASSWORD, second)).isTrue();
    }

    @Test
    void aStoredFormTheHasherCannotReadMatchesNoPasswordAndNeedsARehash() {
        String good = hasher.hash(PASSWORD);
        String[] p = good.split("\\$");
        String[] unreadable = {
            null, "", "plain text",
            "x" + good, // text before the first separator
            "$pbkdf2-sha1$" + p[2] + "$" + p[3] + "$" + p[4], // another algorithm
            "$pbkdf2-sha256$n=1000$" + p[3] + "$" + p[4], // no iteration count
            "$pbkdf2-sha256$i=1000$" + p[3], // a part missing
            good + "$extra", // a part too many
            "$pbkdf2-sha256$i=0$" + p[3] + "$" + p[4],
            "$pbkdf2-sha256$i=many$" + p[3] + "$" + p[4],
            "$pbkdf2-sha256$i=1000$$" + p[4], // no salt
            "$pbkdf2-sha256$i=1000$" + p[3] + "$", // no key
            "$pbkdf2-sha256$i=1000$" + p[3] + "$not base64!",
        };
        for (String stored : unreadable) {
            assertThat(hasher.verify(PASSWORD, stored)).as(stored).isFalse();
            assertThat(hasher.needsRehash(stored)).as(stored).isTrue();
        }
        assertThat(hasher.verify(null, good)).as("no password").isFalse();
        assertThat(hasher.needsRehash(good)).isFalse();
    }

    @Test
    void aHashWithAShorterSaltOrKeyThanTheCurrentSettingsNeedsARehash() {
        String[] p = hasher.hash(PASSWORD).split("\\$");
        String shortSalt = "$pbkdf2-sha256$i=1000$" + B64.encodeToString(new byte[8]) + "$" + p[4];
        String shortKey = "$pbkdf2-sha256$i=1000$" + p[3] + "$" + B64.encodeToString(Arrays.copyOf(
                Base64.getDecoder().decode(p[4]), 16));

        assertThat(hasher.needsRehash(shortSalt)).isTrue();
        assertThat(hasher.needsRehash(shortKey)).isTrue();
        assertThat(hasher.verify(PASSWORD, shortKey)).as("read until a login re-hashes it")
                .isTrue();
    }

    @Test
    void anUnknownEmailOrAUserWithoutAPasswordIsCheckedAgainstARealHash() {
        RecordingHasher recording = new RecordingHasher();
        Crm crm = Crm.builder().clock(new MutableClock(Instant.parse("2026-05-04T08:00:00Z")))
                .passwordHasher(recording).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                "a long admin passphrase 1"));
        Actor admin = crm.accounts().authenticate("ada@example.com", "a long admin passphrase 1", OFFICE);
        crm.staff().create(admin, CreateStaffCommand.builder().firstName("Sam").lastName("Sso")
                .workEmail("sam@example.com").roles(Set.of("SALES_REP")).build());

        for (String email : new String[] {"nobody@example.com", "not an email", "sam@example.com"}) {
            assertThatThrownBy(() -> crm.accounts().authenticate(email, PASSWORD, OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(recording.lastCheckWasAgainstARealHash()).as(email).isTrue();
        }
    }

    @Test
    void theReHashAfterALoginNeverUndoesAPasswordChangeMadeMeanwhile() {
        RecordingHasher recording = new RecordingHasher();
        Crm crm = Crm.builder().clock(new MutableClock(Instant.parse("2026-05-04T08:00:00Z")))
                .passwordHasher(recording).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                "a long admin passphrase 1"));
        Actor admin = crm.accounts().authenticate("ada@example.com", "a long admin passphrase 1", OFFICE);
        crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null, Set.of("SALES_REP"),
                ROB_PASSWORD));
        Actor rob = crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE);
        recording.raiseSettings();
        // between the login's check and its re-hash, Rob changes his password in another session
        recording.duringNextHash(() -> crm.accounts().changePassword(rob, new ChangePasswordCommand(ROB_PASSWORD,
                "changed in the meantime"), OFFICE));

        assertThat(crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE)).isEqualTo(rob);

        assertThat(crm.accounts().authenticate("rob@example.com", "changed in the meantime", OFFICE)).isEqualTo(rob);
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE))
                .as("the old password does not come back").isInstanceOf(AuthenticationFailedException.class);
    }

    private static byte[] salt(String hash) {
        return Base64.getDecoder().decode(hash.split("\\$")[3]);
    }
}
