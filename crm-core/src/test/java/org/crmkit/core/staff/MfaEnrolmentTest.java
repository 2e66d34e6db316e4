package org.crmkit.core.staff;

import org.crmkit.core.testing.SignUps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.ResetMfaCommand;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffView;
import org.junit.jupiter.api.Test;

/**
 * Enrolling, confirming, disabling and resetting a second factor, and the policy that makes a role use one; bad input
 * is refused by name before anything is written.
 */
class MfaEnrolmentTest {
    private static final String ROB = "rob@example.com";

    private final MfaWorld world = new MfaWorld(MfaPolicy.optional().withIssuer("Acme CRM"));

    @Test
    void anEnrolmentHandsOutA160BitSecretAndAUriNamingTheIssuerAndTheLoginOnly() {
        MfaEnrolment enrolment = world.crm.accounts().startMfaEnrolment(world.repSession(), MfaWorld.OFFICE);

        assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Acme%20CRM:rob@example.com?secret="
                + enrolment.secret() + "&issuer=Acme%20CRM&algorithm=SHA1&digits=6&period=30");
        assertThat(enrolment.otpauthUri()).doesNotContain("Rob").doesNotContain("Rep");
        assertThat(enrolment.toString()).doesNotContain(enrolment.secret());
        assertThat(world.stored(ROB).orElseThrow().status()).isEqualTo(SecondFactorStatus.PENDING);
        assertThat(world.crm.accounts().login(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE))
                .as("a pending second factor is not asked for").isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void theFirstCodeConfirmsTheEnrolmentAndReturnsTenSingleUseRecoveryCodes() {
        Actor session = world.repSession();
        MfaEnrolment enrolment = world.crm.accounts().startMfaEnrolment(session, MfaWorld.OFFICE);

        List<String> codes = world.crm.accounts().confirmMfaEnrolment(session,
                new MfaCodeCommand(world.codeNow(enrolment.secret())), MfaWorld.OFFICE);

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("([a-z2-7]{4}-){3}[a-z2-7]{4}"));
        assertThat(world.stored(ROB).orElseThrow().status()).isEqualTo(SecondFactorStatus.ACTIVE);
        assertThat(world.audit()).extracting(org.crmkit.core.shared.AuditEntry::action)
                .contains("account.start_mfa_enrolment", "account.enable_mfa");
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("MFA_ENROLMENT SUCCESS");
        assertThatThrownBy(() -> world.crm.accounts().startMfaEnrolment(session, MfaWorld.OFFICE))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("mfa_already_active"));
    }

    @Test
    void aWrongFirstCodeIsRefusedWithoutCountingAndTheSecretStaysPending() {
        Actor session = world.repSession();
        MfaEnrolment enrolment = world.crm.accounts().startMfaEnrolment(session, MfaWorld.OFFICE);
        SecondFactorSnapshot before = world.stored(ROB).orElseThrow();

        assertThatThrownBy(() -> world.crm.accounts().confirmMfaEnrolment(session,
                new MfaCodeCommand(world.wrongCode(enrolment.secret())), MfaWorld.OFFICE))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("mfa_code_invalid"));

        assertThat(world.stored(ROB)).contains(before);
        assertThat(world.crm.accounts().confirmMfaEnrolment(session, new MfaCodeCommand(world.codeNow(
                enrolment.secret())), MfaWorld.OFFICE)).hasSize(10);
    }

    @Test
    void startingAgainReplacesASecretNotYetConfirmed() {
        Actor session = world.repSession();
        MfaEnrolment first = world.crm.accounts().startMfaEnrolment(session, MfaWorld.OFFICE);
        MfaEnrolment second = world.crm.accounts().startMfaEnrolment(session, MfaWorld.OFFICE);

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThatThrownBy(() -> world.crm.accounts().confirmMfaEnrolment(session,
                new MfaCodeCommand(world.codeNow(first.secret())), MfaWorld.OFFICE))
                .isInstanceOf(BusinessRuleViolationException.class);
        assertThatThrownBy(() -> world.crm.accounts().confirmMfaEnrolment(world.crm.accounts().authenticate(
                "ada@example.com", MfaWorld.ADMIN_PASSWORD, MfaWorld.OFFICE), new MfaCodeCommand("123456"),
                MfaWorld.OFFICE)).as("nothing started").isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("mfa_not_enrolled"));
    }

    @Test
    void aUserDisablesTheirOwnSecondFactorWithACurrentCodeAndAWrongOneCounts() {
        Actor session = world.repSession();
        MfaWorld.Enrolled app = world.enrol(session);
        world.nextStep();

        assertThatThrownBy(() -> world.crm.accounts().disableMfa(session, new MfaCodeCommand(world.wrongCode(
                app.secret())), MfaWorld.OFFICE)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(world.stored(ROB).orElseThrow().failedAttempts()).isEqualTo(1);
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("MFA_DISABLE BAD_CREDENTIALS");

        world.crm.accounts().disableMfa(session, new MfaCodeCommand(world.codeNow(app.secret())), MfaWorld.OFFICE);

        assertThat(world.stored(ROB)).isEmpty();
        assertThat(world.accessLog(world.rep).get(0)).isEqualTo("MFA_DISABLE SUCCESS");
        assertThat(world.audit().get(0).action()).isEqualTo("account.disable_mfa");
        assertThat(world.crm.accounts().login(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE))
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThatThrownBy(() -> world.crm.accounts().disableMfa(session, new MfaCodeCommand(
                world.codeNow(app.secret())), MfaWorld.OFFICE)).isInstanceOfSatisfying(
                        BusinessRuleViolationException.class, e -> assertThat(e.code()).isEqualTo("mfa_not_enrolled"));
    }

    @Test
    void aRecoveryCodeDisablesTooForAUserWhoLostTheirDevice() {
        Actor session = world.repSession();
        MfaWorld.Enrolled app = world.enrol(session);

        world.crm.accounts().disableMfa(session, new MfaCodeCommand(app.recoveryCodes().get(0)), MfaWorld.OFFICE);

        assertThat(world.stored(ROB)).isEmpty();
    }

    @Test
    void anAdministratorResetsAUsersSecondFactorAuditedAndTheUserMayNot() {
        world.enrol(world.repSession());
        Actor repActor = Actor.staff(world.rep.id(), Set.of());
        assertThatThrownBy(() -> world.crm.accounts().resetMfa(repActor, ResetMfaCommand.of(world.rep.id())))
                .isInstanceOf(AccessDeniedException.class);

        world.crm.accounts().resetMfa(world.admin, ResetMfaCommand.of(world.rep.id()));

        assertThat(world.stored(ROB)).isEmpty();
        assertThat(world.audit()).filteredOn(e -> e.action().equals("account.reset_mfa"))
                .filteredOn(e -> e.outcome() == AuditOutcome.SUCCESS).singleElement()
                .satisfies(e -> assertThat(e.actorRef()).isEqualTo(world.adminUser.id().toString()));
        assertThat(world.crm.accounts().login(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE))
                .isInstanceOf(LoginResult.LoggedIn.class);

        world.crm.accounts().resetMfa(world.admin, ResetMfaCommand.of(world.rep.id()));
        assertThat(world.audit()).as("a reset of nothing audits nothing")
                .filteredOn(e -> e.action().equals("account.reset_mfa"))
                .filteredOn(e -> e.outcome() == AuditOutcome.SUCCESS).hasSize(1);
    }

    @Test
    void aRoleThatMustUseASecondFactorEnrolsAtItsNextLoginAndThenLogsInWithCodes() {
        MfaWorld strict = new MfaWorld(MfaPolicy.requiredFor(Role.ADMIN));

        LoginResult first = strict.crm.accounts().login("ada@example.com", MfaWorld.ADMIN_PASSWORD, MfaWorld.OFFICE);

        assertThat(first).isInstanceOf(LoginResult.EnrolmentRequired.class);
        LoginResult.EnrolmentRequired required = (LoginResult.EnrolmentRequired) first;
        assertThat(strict.accessLog(strict.adminUser).get(0)).isEqualTo("LOGIN ENROLMENT_REQUIRED");
        assertThatThrownBy(() -> strict.crm.accounts().authenticate("ada@example.com", MfaWorld.ADMIN_PASSWORD,
                MfaWorld.OFFICE)).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("second_factor_required"));
        // the refused authenticate replaced nothing: the enrolment handed out still completes
        LoginResult.LoggedIn in = strict.complete(required.challenge(),
                strict.codeNow(required.enrolment().secret()));

        assertThat(in.actor()).isInstanceOfSatisfying(Actor.Staff.class,
                staff -> assertThat(staff.id()).isEqualTo(strict.adminUser.id()));
        assertThat(in.recoveryCodes()).hasSize(10);
        assertThat(strict.audit().get(0).action()).isEqualTo("account.enable_mfa");
        strict.nextStep();
        assertThat(strict.crm.accounts().login("ada@example.com", MfaWorld.ADMIN_PASSWORD, MfaWorld.OFFICE))
                .isInstanceOf(LoginResult.SecondFactorRequired.class);
        assertThat(strict.crm.accounts().login(ROB, MfaWorld.REP_PASSWORD, MfaWorld.OFFICE))
                .as("a role the policy does not name").isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void anAbandonedEnrolmentAtLoginIsReplacedByTheNextLogin() {
        MfaWorld strict = new MfaWorld(MfaPolicy.requiredFor(Role.ADMIN));
        LoginResult.EnrolmentRequired first = (LoginResult.EnrolmentRequired) strict.crm.accounts().login(
                "ada@example.com", MfaWorld.ADMIN_PASSWORD, MfaWorld.OFFICE);
        LoginResult.EnrolmentRequired second = (LoginResult.EnrolmentRequired) strict.crm.accounts().login(
                "ada@example.com", MfaWorld.ADMIN_PASSWORD, MfaWorld.OFFICE);

        assertThat(second.enrolment().secret()).isNotEqualTo(first.enrolment().secret());
        assertThatThrownBy(() -> strict.complete(first.challenge(), strict.codeNow(first.enrolment().secret())))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(strict.complete(second.challenge(), strict.codeNow(second.enrolment().secret())).actor())
                .isEqualTo(Actor.staff(strict.adminUser.id(), Set.of(Role.ADMIN)));
    }

    @Test
    void staffWhoSignInThroughTheHostsSingleSignOnStayAsTheyAre() {
        MfaWorld strict = new MfaWorld(MfaPolicy.requiredFor(Role.ADMIN));
        Actor bootstrap = Actor.staff(strict.adminUser.id(), Set.of()); // the host's own session, no crmkit login
        StaffView sso = strict.crm.staff().create(bootstrap, CreateStaffCommand.builder().firstName("Sam")
                .lastName("Sso").workEmail("sam@example.com").roles(Set.of("ADMIN")).build());

        Actor fromHostSession = Actor.staff(sso.id(), Set.of());

        assertThat(strict.crm.staff().search(fromHostSession, StaffSearchQuery.all(10)).items()).hasSize(3);
        assertThat(strict.stored("sam@example.com")).isEmpty();
    }

    @Test
    void aCustomerMayUseASecondFactorToo() {
        Actor customer = world.crm.accounts().signUpCustomer(SignUps.command(world.crm, "Cora", "Customer",
                "cora@example.com", null, false, MfaWorld.REP_PASSWORD), MfaWorld.OFFICE).actor();
        MfaWorld.Enrolled app = world.enrol(customer);
        world.nextStep();

        String challenge = world.challenge("cora@example.com", MfaWorld.REP_PASSWORD);

        assertThat(world.complete(challenge, world.codeNow(app.secret())).actor()).isEqualTo(customer);
        world.crm.accounts().resetMfa(world.admin, ResetMfaCommand.of(((Actor.Customer) customer).id()));
        assertThat(world.stored("cora@example.com")).isEmpty();
    }

    @Test
    void erasingACustomerRemovesTheirSecondFactor() {
        Actor customer = world.crm.accounts().signUpCustomer(SignUps.command(world.crm, "Cora", "Customer",
                "cora@example.com", null, false, MfaWorld.REP_PASSWORD), MfaWorld.OFFICE).actor();
        world.enrol(customer);
        org.crmkit.core.staff.AccountId account = world.store.unitOfWork().inTransaction(() -> world.store.accounts()
                .findByHolder(AccountHolder.of(((Actor.Customer) customer).id())).orElseThrow().id());

        world.crm.customers().erase(world.admin, ((Actor.Customer) customer).id());

        assertThat(world.store.unitOfWork().inTransaction(() -> world.store.secondFactors()
                .findByAccountForUpdate(account))).isEmpty();
        assertThat(world.store.unitOfWork().inTransaction(() -> world.store.accounts().findById(account))).isEmpty();
    }

    @Test
    void badInputIsRefusedByNameAndWritesNothing() {
        Actor session = world.repSession();
        MfaWorld.Enrolled app = world.enrol(session);
        int logged = world.accessLogSize();
        int audited = world.audit().size();
        SecondFactorSnapshot before = world.stored(ROB).orElseThrow();

        assertThat(fields(() -> world.crm.accounts().completeLogin(new SecondFactorCommand(" ", "12345"), null)))
                .containsExactlyInAnyOrder("challenge", "code", "context");
        assertThat(fields(() -> world.crm.accounts().completeLogin(null, MfaWorld.OFFICE)))
                .isNotEmpty();
        assertThat(fields(() -> world.crm.accounts().completeLogin(new SecondFactorCommand("x".repeat(129),
                "12345678"), MfaWorld.OFFICE))).containsExactlyInAnyOrder("challenge", "code");
        for (String bad : List.of("", "12345", "1234567", "12 34 56", "abcd-efgh-ijkl", "abcd-efgh-ijkl-mno1",
                "１２３４５６", "123456\n", "abcd-efgh-ijkl-mnop-qrst")) {
            assertThat(fields(() -> world.crm.accounts().disableMfa(session, new MfaCodeCommand(bad),
                    MfaWorld.OFFICE))).as("disable with %s", bad).containsExactly("code");
        }
        assertThat(fields(() -> world.crm.accounts().confirmMfaEnrolment(session, new MfaCodeCommand(null), null)))
                .containsExactlyInAnyOrder("code", "context");
        assertThat(fields(() -> world.crm.accounts().startMfaEnrolment(session, null))).containsExactly("context");
        assertThat(fields(() -> world.crm.accounts().resetMfa(world.admin, new ResetMfaCommand(null, null))))
                .containsExactly("staffId");
        assertThat(fields(() -> world.crm.accounts().resetMfa(world.admin, new ResetMfaCommand(world.rep.id(),
                new org.crmkit.core.shared.CustomerId(world.rep.id().value()))))).containsExactly("customerId");

        assertThat(world.accessLogSize()).isEqualTo(logged);
        assertThat(world.audit()).hasSize(audited);
        assertThat(world.stored(ROB)).contains(before);
        assertThat(app.recoveryCodes()).hasSize(10);
    }

    private static List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidCommandException e) {
            return e.fields();
        }
        throw new AssertionError("not refused as an invalid command");
    }
}
