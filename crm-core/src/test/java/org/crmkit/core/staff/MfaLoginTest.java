package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.LoginResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logging in with a second factor, as a user does: the password, then the code their authenticator app shows (or a
 * recovery code). Codes are accepted once, one step of clock drift either way; wrong codes lock the second step.
 */
class MfaLoginTest {
    private static final String ROB = "rob@example.com";

    private MfaWorld world;
    private MfaWorld.Enrolled robsApp;

    @BeforeEach
    void setUp() {
        world = new MfaWorld(MfaPolicy.optional());
        robsApp = world.enrol(world.repSession());
        world.nextStep();
    }

    @Test
    void anEnrolledUserLogsInWithTheirPasswordThenTheCodeTheirAppShows() {
        LoginResult first = world.crm.accounts().login(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE);

        assertThat(first).isInstanceOfSatisfying(LoginResult.SecondFactorRequired.class, required -> {
            assertThat(required.challenge()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(required.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(5)));
        });
        LoginResult.LoggedIn in = world.complete(((LoginResult.SecondFactorRequired) first).challenge(),
                world.codeNow(robsApp.secret()));

        assertThat(in.actor()).isEqualTo(Actor.staff(world.rep.id(), Set.of(Role.SALES_REP)));
        assertThat(in.recoveryCodes()).isEmpty();
        assertThat(world.accessLog(world.rep)).startsWith("LOGIN SUCCESS", "LOGIN SECOND_FACTOR_REQUIRED");
    }

    @Test
    void aWrongPasswordNeverReachesTheSecondStep() {
        assertThatThrownBy(() -> world.crm.accounts().login(ROB, "not the passphrase", MfaWorld.OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("LOGIN BAD_CREDENTIALS");
    }

    @Test
    void authenticateRefusesAnAccountWithASecondFactorOnceThePasswordIsRightAndHandsOutNothing() {
        assertThatThrownBy(() -> world.crm.accounts().authenticate(ROB, "not the passphrase", MfaWorld.OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);

        assertThatThrownBy(() -> world.crm.accounts().authenticate(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("second_factor_required"));
        assertThat(world.stored(ROB).orElseThrow().challengeHash()).as("no challenge handed out").isNull();
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("LOGIN SECOND_FACTOR_REQUIRED");
    }

    @Test
    void aCodeIsAcceptedOnceAndItsReplayInTheSameWindowIsRefused() {
        String code = world.codeNow(robsApp.secret());
        world.complete(world.challenge(ROB, MfaWorld.REP_PASSWORD), code);

        String again = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(again, code)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("SECOND_FACTOR REPLAYED_CODE");

        world.nextStep();
        assertThat(world.complete(again, world.codeNow(robsApp.secret())).actor()).as("the next step's code")
                .isInstanceOf(Actor.Staff.class);
    }

    @Test
    void aCodeOfOneStepBeforeOrAfterIsAcceptedTwoStepsAreNot() {
        world.nextStep(); // two steps past the enrolment's code, so that a step behind is not a replay of it
        String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(challenge, world.codeDrifted(robsApp.secret(), -2)))
                .as("a minute behind").isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.complete(challenge, world.codeDrifted(robsApp.secret(), -1))).as("30 seconds behind")
                .isNotNull();

        String next = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(next, world.codeDrifted(robsApp.secret(), 2)))
                .as("a minute ahead").isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.complete(next, world.codeDrifted(robsApp.secret(), 1))).as("30 seconds ahead").isNotNull();

        String last = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(last, world.codeNow(robsApp.secret())))
                .as("once a later step's code was accepted, the current step's is a replay")
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void fiveWrongCodesLockTheSecondStepForFifteenMinutesEvenForTheRightCode() {
        for (int i = 0; i < 5; i++) {
            String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);
            String wrong = world.wrongCode(robsApp.secret());
            assertThatThrownBy(() -> world.complete(challenge, wrong)).isInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(world.publisher.events()).filteredOn(StaffEvents.SecondFactorLocked.class::isInstance).hasSize(1);

        world.clock.advance(Duration.ofMinutes(15).minusSeconds(30));
        String locked = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(locked, world.codeNow(robsApp.secret())))
                .as("the right code while locked").isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.accessLog(world.rep)).startsWith("SECOND_FACTOR LOCKED", "LOGIN SECOND_FACTOR_REQUIRED")
                .filteredOn("SECOND_FACTOR BAD_CREDENTIALS"::equals).hasSize(5);

        world.clock.advance(Duration.ofSeconds(30));
        assertThat(world.complete(world.challenge(ROB, MfaWorld.REP_PASSWORD), world.codeNow(robsApp.secret()))
                .actor()).as("after the fifteen minutes").isInstanceOf(Actor.Staff.class);
    }

    @Test
    void aChallengeIsSingleUseShortLivedAndReplacedByANewerLogin() {
        String used = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        world.complete(used, world.codeNow(robsApp.secret()));
        world.nextStep();
        assertThatThrownBy(() -> world.complete(used, world.codeNow(robsApp.secret()))).as("used")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.lastAccessEntry()).as("of no account any more").isEqualTo("SECOND_FACTOR INVALID_TOKEN");

        String replaced = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        String newer = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(replaced, world.codeNow(robsApp.secret()))).as("replaced")
                .isInstanceOf(AuthenticationFailedException.class);

        world.clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> world.complete(newer, world.codeNow(robsApp.secret()))).as("five minutes old")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.stored(ROB).orElseThrow().failedAttempts()).as("a refused challenge counts no code")
                .isZero();
    }

    @Test
    void aRecoveryCodeReplacesTheCodeOnceWhateverItsCaseAndSpacing() {
        String recovery = robsApp.recoveryCodes().get(3);
        String typed = " " + recovery.toUpperCase(java.util.Locale.ROOT).replace('-', ' ') + " ";

        LoginResult.LoggedIn in = world.complete(world.challenge(ROB, MfaWorld.REP_PASSWORD), typed);

        assertThat(in.actor()).isInstanceOf(Actor.Staff.class);
        assertThat(world.audit()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("account.use_recovery_code");
            assertThat(e.actorRef()).isEqualTo(world.rep.id().toString());
        });
        String again = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        assertThatThrownBy(() -> world.complete(again, recovery)).as("used once already")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.complete(again, robsApp.recoveryCodes().get(4)).actor()).as("another one")
                .isInstanceOf(Actor.Staff.class);
        assertThat(world.stored(ROB).orElseThrow().recoveryCodeHashes()).hasSize(8);
    }

    @Test
    void onlyHashesOfTheChallengeAndTheRecoveryCodesAreStored() {
        String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);

        SecondFactorSnapshot stored = world.stored(ROB).orElseThrow();

        String everything = String.join(" ", stored.recoveryCodeHashes()) + " " + stored.challengeHash();
        assertThat(everything).doesNotContain(challenge);
        robsApp.recoveryCodes().forEach(code -> assertThat(everything).doesNotContain(code)
                .doesNotContain(code.replace("-", "")));
        assertThat(stored.recoveryCodeHashes()).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(stored.challengeHash()).matches("[0-9a-f]{64}");
        assertThat(stored.toString()).doesNotContain(stored.secret()).doesNotContain(stored.challengeHash());
    }

    @Test
    void aLockedPasswordStopsTheSecondStepToo() {
        String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> world.crm.accounts().login(ROB, "a wrong passphrase", MfaWorld.OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        assertThatThrownBy(() -> world.complete(challenge, world.codeNow(robsApp.secret())))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("SECOND_FACTOR LOCKED");
    }

    @Test
    void aDeactivatedUserCannotCompleteALoginBegunBefore() {
        String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        world.crm.staff().deactivate(world.admin, new org.crmkit.core.staff.port.in.StaffStatusCommand(world.rep.id()));

        assertThatThrownBy(() -> world.complete(challenge, world.codeNow(robsApp.secret())))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("SECOND_FACTOR INACTIVE");
    }

    @Test
    void everyRefusedSecondStepGetsTheSameError() {
        String challenge = world.challenge(ROB, MfaWorld.REP_PASSWORD);
        List<Runnable> refusals = List.of(
                () -> world.complete("an unknown challenge", world.codeNow(robsApp.secret())),
                () -> world.complete(challenge, world.wrongCode(robsApp.secret())),
                () -> world.complete(challenge, "abcd-efgh-ijkl-mnop"));
        List<String> messages = refusals.stream().map(refusal -> {
            try {
                refusal.run();
                throw new AssertionError("accepted");
            } catch (AuthenticationFailedException e) {
                return e.getMessage();
            }
        }).toList();
        assertThat(messages).containsOnly(messages.get(0));
    }
}
