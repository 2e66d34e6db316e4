package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TotpCodes;

/**
 * An installation for the second-factor tests: an administrator and a sales rep with passwords, a clock the test
 * moves, and the steps a user takes (enrol with an app, log in in two steps), with the codes an authenticator app
 * would show.
 */
final class MfaWorld {
    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    static final String REP_PASSWORD = "rep passphrase with spaces";
    static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");

    final MutableClock clock = new MutableClock(START);
    final RecordingPublisher publisher = new RecordingPublisher();
    final AreaPorts store = new AreaPorts(InMemoryCrmPersistence.create());
    final Crm crm;
    final StaffView adminUser;
    final Actor admin;
    final StaffView rep;

    /** A user's enrolled second factor: the secret their app holds and the recovery codes they were shown. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    MfaWorld(MfaPolicy policy) {
        crm = Crm.builder().persistence(store).clock(clock).passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .eventPublisher(publisher).mfaPolicy(policy).build();
        adminUser = crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com",
                ADMIN_PASSWORD));
        admin = Actor.staff(adminUser.id(), Set.of());
        rep = crm.staff().create(admin, CreateStaffCommand.builder().firstName("Rob").lastName("Rep")
                .workEmail("rob@example.com").roles(Set.of("SALES_REP")).initialPassword(REP_PASSWORD).build());
    }

    /** @return the rep, logged in with their password (before they enrol) */
    Actor repSession() {
        return crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
    }

    /** Enrols the actor's second factor as a user does: scans the secret, confirms with the code the app shows now. */
    Enrolled enrol(Actor actor) {
        MfaEnrolment enrolment = crm.accounts().startMfaEnrolment(actor, OFFICE);
        List<String> codes = crm.accounts().confirmMfaEnrolment(actor, new MfaCodeCommand(codeNow(
                enrolment.secret())), OFFICE);
        return new Enrolled(enrolment.secret(), codes);
    }

    /** @return the six digits an app with this secret shows now */
    String codeNow(String secret) {
        return TotpCodes.at(secret, clock.instant());
    }

    /** @param steps how many 30-second steps the app's clock is ahead (negative: behind) @return its code */
    String codeDrifted(String secret, int steps) {
        return TotpCodes.at(secret, clock.instant().plus(TotpCodes.STEP.multipliedBy(steps)));
    }

    /** @return six digits that are the app's code of no step from one before now to one after */
    String wrongCode(String secret) {
        Set<String> near = Set.of(codeDrifted(secret, -1), codeNow(secret), codeDrifted(secret, 1));
        int candidate = 0;
        while (near.contains(String.format("%06d", candidate))) {
            candidate++;
        }
        return String.format("%06d", candidate);
    }

    /** @return the challenge of a password step that asks for a code */
    String challenge(String email, String password) {
        LoginResult result = crm.accounts().login(email, password, OFFICE);
        assertThat(result).isInstanceOf(LoginResult.SecondFactorRequired.class);
        return ((LoginResult.SecondFactorRequired) result).challenge();
    }

    /** @return the logged-in result of a second step */
    LoginResult.LoggedIn complete(String challenge, String code) {
        return crm.accounts().completeLogin(new SecondFactorCommand(challenge, code), OFFICE);
    }

    /** Moves the clock on to the next time step, so that the app shows a new code. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    /** @return the access log of a user, newest first, as event and outcome */
    List<String> accessLog(StaffView user) {
        return crm.accounts().accessLog(admin, new AccessLogQuery(user.id(), null, null, null,
                PageRequest.first(100))).items().stream().map(MfaWorld::describe).toList();
    }

    /** @return the newest entry of the whole access log, as event and outcome */
    String lastAccessEntry() {
        return describe(crm.accounts().accessLog(admin, new AccessLogQuery(null, null, null, null,
                PageRequest.first(1))).items().get(0));
    }

    /** @return how many entries the access log holds in all */
    int accessLogSize() {
        return crm.accounts().accessLog(admin, new AccessLogQuery(null, null, null, null, PageRequest.first(200)))
                .items().size();
    }

    /** @return the audit trail, newest first, but for its own searches (which it audits) */
    List<AuditEntry> audit() {
        return crm.audit().search(admin, AuditQuery.all(200)).items().stream()
                .filter(e -> !e.action().equals("audit.search")).toList();
    }

    /** @return the stored second factor of a login, straight from the store */
    Optional<SecondFactorSnapshot> stored(String login) {
        return store.unitOfWork().inTransaction(() -> store.accounts().findByLoginForUpdate(EmailAddress.of(login))
                .flatMap(a -> store.secondFactors().findByAccountForUpdate(a.id())));
    }

    private static String describe(AccessLogView entry) {
        return entry.event() + " " + entry.outcome();
    }
}
