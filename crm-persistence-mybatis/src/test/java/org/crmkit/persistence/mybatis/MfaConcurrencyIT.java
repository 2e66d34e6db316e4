package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TotpCodes;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One one-time code given twice at once, on a real MySQL-compatible server: a code (or a recovery code) is accepted
 * once, and a login's challenge completes once. The first call runs in a transaction the test holds open
 * ({@link HeldTransaction}); the second waits for the account's row lock, then finds the code or the challenge used.
 */
class MfaConcurrencyIT {
    private static final String PASSWORD = "the right passphrase";
    private static final AccessContext CONTEXT = new AccessContext("198.51.100.8", "race-test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
    private Crm crm;
    private Actor admin;
    private StaffView tom;
    private String secret;
    private List<String> recoveryCodes;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(clock).retryPolicy(TestDatabase.retryPolicy())
                .persistence(TestDatabase.get().emptyPersistence())
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.org", PASSWORD));
        admin = crm.accounts().authenticate("ada@example.org", PASSWORD, CONTEXT);
        tom = crm.staff().create(admin, new CreateStaffCommand("Tom", "Target", "tom@example.org", null,
                Set.of("SALES_REP"), PASSWORD));
        Actor session = crm.accounts().authenticate("tom@example.org", PASSWORD, CONTEXT);
        MfaEnrolment enrolment = crm.accounts().startMfaEnrolment(session, CONTEXT);
        secret = enrolment.secret();
        recoveryCodes = crm.accounts().confirmMfaEnrolment(session,
                new MfaCodeCommand(TotpCodes.at(secret, clock.instant())), CONTEXT);
        clock.advance(TotpCodes.STEP); // the app shows a new code
    }

    /** A login's second step sent twice at once (a double submit, a retry racing the first try). */
    @Test
    void theSameChallengeAndCodeSentTwiceAtOnceLetOneLoginIn() throws Exception {
        String code = TotpCodes.at(secret, clock.instant());
        String challenge = challenge();

        HeldTransaction.Result<Actor, Actor> race = HeldTransaction.run(CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.accounts().completeLogin(new SecondFactorCommand(challenge, code), CONTEXT).actor(),
                () -> crm.accounts().completeLogin(new SecondFactorCommand(challenge, code), CONTEXT).actor());

        assertThat(race.secondWaited()).as("the second waits for the first").isTrue();
        assertThat(race.first().value()).isInstanceOf(Actor.Staff.class);
        assertThat(race.second().failed()).isInstanceOf(AuthenticationFailedException.class);
        assertThat(outcomes()).startsWith("SECOND_FACTOR INVALID_TOKEN", "LOGIN SUCCESS");
    }

    /**
     * A code seen over the user's shoulder, used at once by an attacker holding the user's session (to disable the
     * second factor) while the user logs in with it: the code is accepted once, the other use is refused as a replay.
     */
    @Test
    void aCodeUsedByTwoCallsAtOnceIsAcceptedOnceAndTheOtherIsAReplay() throws Exception {
        String code = TotpCodes.at(secret, clock.instant());
        String challenge = challenge();
        Actor session = Actor.staff(tom.id(), Set.of());

        HeldTransaction.Result<Actor, Object> race = HeldTransaction.run(CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.accounts().completeLogin(new SecondFactorCommand(challenge, code), CONTEXT).actor(),
                () -> {
                    crm.accounts().disableMfa(session, new MfaCodeCommand(code), CONTEXT);
                    return "disabled";
                });

        assertThat(race.secondWaited()).as("the disabling waits for the login").isTrue();
        assertThat(race.first().value()).isInstanceOf(Actor.Staff.class);
        assertThat(race.second().failed()).isInstanceOf(AuthenticationFailedException.class);
        assertThat(crm.accounts().accessLog(admin, new AccessLogQuery(tom.id(), null, null, null,
                PageRequest.first(1))).items().get(0)).satisfies(e -> {
                    assertThat(e.event()).isEqualTo(AccessEvent.MFA_DISABLE);
                    assertThat(e.outcome()).isEqualTo(AccessOutcome.REPLAYED_CODE);
                });
        assertThat(challenge()).as("the second factor is still there").isNotBlank();
    }

    @Test
    void oneRecoveryCodeUsedByTwoCallsAtOnceIsUsedOnce() throws Exception {
        String code = recoveryCodes.get(7);
        String challenge = challenge();
        Actor session = Actor.staff(tom.id(), Set.of());

        HeldTransaction.Result<Actor, Object> race = HeldTransaction.run(CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.accounts().completeLogin(new SecondFactorCommand(challenge, code), CONTEXT).actor(),
                () -> {
                    crm.accounts().disableMfa(session, new MfaCodeCommand(code), CONTEXT);
                    return "disabled";
                });

        assertThat(race.secondWaited()).isTrue();
        assertThat(race.first().value()).isInstanceOf(Actor.Staff.class);
        assertThat(race.second().failed()).as("used up by the login").isInstanceOf(AuthenticationFailedException.class);
        assertThat(challenge()).as("the second factor is still there").isNotBlank();
    }

    private String challenge() {
        LoginResult result = crm.accounts().login("tom@example.org", PASSWORD, CONTEXT);
        return ((LoginResult.SecondFactorRequired) result).challenge();
    }

    /** @return Tom's access log of logins and second steps, newest first */
    private List<String> outcomes() {
        return crm.accounts().accessLog(admin, new AccessLogQuery(tom.id(), null, null, null, PageRequest.first(50)))
                .items().stream().filter(e -> e.event() == AccessEvent.LOGIN || e.event() == AccessEvent.SECOND_FACTOR)
                .map(e -> e.event() + " " + e.outcome()).toList();
    }
}
