package org.crmkit.core.staff;

import org.crmkit.core.testing.SignUps;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;

import org.crmkit.core.shared.CrmException;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logins, lockout, password changes and resets, sign-up, the access log and the audit trail, as a host uses them. */
class AccountUseCasesTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    private static final String REP_PASSWORD = "rep passphrase with spaces";
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");

    private MutableClock clock;
    private List<PasswordResetNotifier.Message> delivered;
    private Crm crm;
    private AreaPorts store;
    private Actor admin;
    private StaffView rep;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        delivered = new ArrayList<>();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .passwordResetNotifier(delivered::add).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", ADMIN_PASSWORD));
        admin = crm.accounts().authenticate("ada@example.com", ADMIN_PASSWORD, OFFICE);
        rep = crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null,
                Set.of("SALES_REP"), REP_PASSWORD));
    }

    @Test
    void aLoginReturnsTheStaffActorWithTheStoredRolesIgnoringCaseAndSpacesOfTheEmail() {
        Actor actor = crm.accounts().authenticate("  ROB@Example.com ", REP_PASSWORD, OFFICE);

        assertThat(actor).isInstanceOf(Actor.Staff.class);
        assertThat(((Actor.Staff) actor).id()).isEqualTo(rep.id());
        assertThat(((Actor.Staff) actor).roles()).containsExactly(Role.SALES_REP);
        AccessLogView entry = log(AccessLogQuery(rep)).items().get(0);
        assertThat(entry.event()).isEqualTo(AccessEvent.LOGIN);
        assertThat(entry.outcome()).isEqualTo(AccessOutcome.SUCCESS);
        assertThat(entry.sourceAddress()).isEqualTo("192.0.2.10");
        assertThat(entry.userAgent()).isEqualTo("Mozilla/5.0 (Office)");
        assertThat(entry.at()).isEqualTo(START);
    }

    @Test
    void everyFailedLoginGetsTheSameErrorButTheAccessLogKeepsTheReason() {
        List<String> messages = new ArrayList<>();
        for (String[] attempt : new String[][] {{"nobody@example.com", REP_PASSWORD}, {"rob@example.com", "wrong"},
                {"not an email", REP_PASSWORD}}) {
            AuthenticationFailedException e = org.junit.jupiter.api.Assertions.assertThrows(
                    AuthenticationFailedException.class,
                    () -> crm.accounts().authenticate(attempt[0], attempt[1], OFFICE));
            assertThat(e.code()).isEqualTo("authentication_failed");
            messages.add(e.getMessage());
        }
        assertThat(messages).containsOnly(messages.get(0));
        assertThat(log(new AccessLogQuery(null, null, null, null, PageRequest.first(10))).items())
                .extracting(AccessLogView::outcome)
                .startsWith(AccessOutcome.UNKNOWN_ACCOUNT, AccessOutcome.BAD_CREDENTIALS,
                        AccessOutcome.UNKNOWN_ACCOUNT);
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(log(AccessLogQuery(rep)).items().get(0).outcome()).isEqualTo(AccessOutcome.LOCKED);

        clock.advance(Duration.ofMinutes(1));
        assertThat(crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void theLockEndsExactlyFifteenMinutesAfterTheFifthFailureNotAMicrosecondBefore() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        clock.advance(Duration.ofMinutes(15).minusNanos(1_000));
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                .as("a microsecond before the end").isInstanceOf(AuthenticationFailedException.class);

        clock.advance(Duration.ofNanos(1_000));
        assertThat(crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE)).as("at the end")
                .isEqualTo(robSession());
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(4));
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        assertThat(crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE)).isEqualTo(robSession());
    }

    @Test
    void theLockIsStoredSoAnotherCrmOnTheSameStoreSeesIt() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        Crm restarted = Crm.builder().clock(clock).persistence(store)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        assertThatThrownBy(() -> restarted.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aPasswordHashedWithFewerIterationsIsRehashedAtLogin() {
        String before = storedHash("rob@example.com");
        Crm stronger = Crm.builder().clock(clock).persistence(store)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(2_000)).build();

        stronger.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);

        String after = storedHash("rob@example.com");
        assertThat(before).startsWith("$pbkdf2-sha256$i=1000$");
        assertThat(after).startsWith("$pbkdf2-sha256$i=2000$").isNotEqualTo(before);
        assertThat(stronger.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE)).isEqualTo(robSession());
        assertThat(storedHash("rob@example.com")).isEqualTo(after);
    }

    @Test
    void theDefaultHasherIsPbkdf2WithSixHundredThousandIterationsAndASixteenByteSalt() {
        AreaPorts defaultStore = new AreaPorts(InMemoryCrmPersistence.create());
        Crm defaults = Crm.builder().clock(clock).persistence(defaultStore).build();
        defaults.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", ADMIN_PASSWORD));

        String hash = defaultStore.unitOfWork().inTransaction(() -> defaultStore.accounts()
                .findByLoginForUpdate(EmailAddress.of("ada@example.com")).orElseThrow().passwordHash());
        String[] parts = hash.split("\\$");
        assertThat(parts[1]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[2]).isEqualTo("i=600000");
        assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(16);
        assertThat(java.util.Base64.getDecoder().decode(parts[4])).hasSize(32);
        assertThat(hash).doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAndTheOldOneStopsWorking() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);

        crm.accounts().changePassword(actor, new ChangePasswordCommand(REP_PASSWORD, "a brand new passphrase"),
                OFFICE);

        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(crm.accounts().authenticate("rob@example.com", "a brand new passphrase", OFFICE))
                .isEqualTo(robSession());
        assertThat(auditActions(admin)).contains("account.change_password");
    }

    @Test
    void aResetTokenIsDeliveredAfterCommitUsedOnceAndEndsTheLock() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        crm.accounts().requestPasswordReset("rob@example.com", OFFICE);

        assertThat(delivered).hasSize(1);
        PasswordResetNotifier.Message message = delivered.get(0);
        assertThat(message.login()).isEqualTo(EmailAddress.of("rob@example.com"));
        assertThat(message.holder()).isEqualTo(AccountHolder.of(rep.id()));
        assertThat(message.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(message.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(message.toString()).doesNotContain(message.token());

        crm.accounts().resetPassword(new ResetPasswordCommand(message.token(), "reset passphrase 2026"), OFFICE);

        assertThat(crm.accounts().authenticate("rob@example.com", "reset passphrase 2026", OFFICE)).isNotNull();
        assertThatThrownBy(() -> crm.accounts().resetPassword(
                new ResetPasswordCommand(message.token(), "another passphrase 2026"), OFFICE))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("reset_token_invalid"));
    }

    @Test
    void aFailingResetDeliveryIsLoggedByItsClassWithoutThePersonalDataOfItsMessage() {
        Crm failing = Crm.builder().persistence(InMemoryCrmPersistence.create()).clock(clock)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .passwordResetNotifier(message -> {
                    throw new IllegalStateException("SMTP 550 <" + message.login() + "> mailbox unavailable");
                }).build();
        failing.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada.lovelace@example.com",
                ADMIN_PASSWORD));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            failing.accounts().requestPasswordReset("ada.lovelace@example.com", OFFICE);
        } finally {
            System.setErr(err);
        }

        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("failed after commit (java.lang.IllegalStateException)");
        assertThat(log).doesNotContain("ada.lovelace").doesNotContain("SMTP 550");
    }

    @Test
    void aResetRequestForAnUnknownEmailLooksTheSameAndDeliversNothing() {
        crm.accounts().requestPasswordReset("nobody@example.com", OFFICE);

        assertThat(delivered).isEmpty();
        assertThat(log(new AccessLogQuery(null, null, null, null, PageRequest.first(1))).items().get(0))
                .extracting(AccessLogView::event, AccessLogView::outcome)
                .containsExactly(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.UNKNOWN_ACCOUNT);
    }

    @Test
    void aDeactivatedUserCannotLogInAndTheirActorIsRefusedAtOnce() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        CustomerView customer = crm.customers().register(actor, Registrations.any("walk@example.com"));

        crm.staff().deactivate(admin, new StaffStatusCommand(rep.id(), null));

        assertThatThrownBy(() -> crm.customers().findById(actor, customer.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(log(AccessLogQuery(rep)).items().get(0).outcome()).isEqualTo(AccessOutcome.INACTIVE);
        crm.staff().reactivate(admin, new StaffStatusCommand(rep.id(), null));
        assertThat(crm.customers().findById(actor, customer.id())).isPresent();
    }

    @Test
    void aRevokedRoleTakesEffectOnTheNextCallNotAtTheNextLogin() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        crm.customers().register(actor, Registrations.any("first@example.com"));

        crm.staff().revokeRole(admin, new org.crmkit.core.staff.port.in.StaffRoleCommand(rep.id(), "SALES_REP", null));

        assertThatThrownBy(() -> crm.customers().register(actor, Registrations.any("second@example.com")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCustomerSignsUpLogsInSeesAndUpdatesOnlyTheirOwnProfile() {
        SignedUpCustomer cleosSignUp = crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client",
                "cleo@example.com", null, true, "cleo's own passphrase"), OFFICE);
        Actor signedUp = cleosSignUp.actor();
        Actor other = crm.accounts().signUpCustomer(SignUps.command(crm, "Otto", "Other", "otto@example.com",
                null, false, "otto's own passphrase"), OFFICE).actor();
        CustomerId cleo = cleosSignUp.customerId();
        assertThat(signedUp).isEqualTo(Actor.customer(cleo));

        Actor loggedIn = crm.accounts().authenticate("cleo@example.com", "cleo's own passphrase", OFFICE);

        assertThat(loggedIn).isEqualTo(signedUp);
        CustomerView own = crm.customers().findById(loggedIn, cleo).orElseThrow();
        assertThat(own.email()).isEqualTo("cleo@example.com");
        CustomerView updated = crm.customers().updateContactDetails(loggedIn, UpdateContactDetailsCommand.of(cleo,
                own.version()).lastName("Client-Smith").build());
        assertThat(updated.lastName()).isEqualTo("Client-Smith");
        assertThatThrownBy(() -> crm.customers().findById(loggedIn, ((Actor.Customer) other).id()))
                .isInstanceOf(AccessDeniedException.class);
        crm.accounts().changePassword(loggedIn, new ChangePasswordCommand("cleo's own passphrase",
                "cleo's newer passphrase"), OFFICE);
        assertThat(crm.accounts().authenticate("cleo@example.com", "cleo's newer passphrase", OFFICE))
                .isEqualTo(signedUp);
    }

    @Test
    void erasingACustomerDeletesTheirLogin() {
        Actor signedUp = crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client",
                "cleo@example.com", null, true, "cleo's own passphrase"), OFFICE).actor();

        crm.customers().erase(admin, ((Actor.Customer) signedUp).id());

        assertThatThrownBy(() -> crm.accounts().authenticate("cleo@example.com", "cleo's own passphrase", OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(store.unitOfWork().inTransaction(() -> store.accounts()
                .findByHolder(AccountHolder.of(((Actor.Customer) signedUp).id())))).isEmpty();
    }

    @Test
    void theAccessLogIsReadPerAccountAndPerDayInPagesAndLogoutIsRecorded() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        clock.advance(Duration.ofHours(1));
        crm.accounts().logout(actor, OFFICE);
        clock.advance(Duration.ofDays(1));
        crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);

        List<AccessLogView> firstDay = new ArrayList<>();
        AccessLogQuery query = new AccessLogQuery(rep.id(), null, LocalDate.of(2026, 5, 4), "Europe/Zurich",
                PageRequest.first(1));
        Page<AccessLogView> page = crm.accounts().accessLog(admin, query);
        firstDay.addAll(page.items());
        while (page.hasNext()) {
            query = query.next(page);
            page = crm.accounts().accessLog(admin, query);
            firstDay.addAll(page.items());
        }
        assertThat(firstDay).extracting(AccessLogView::event).containsExactly(AccessEvent.LOGOUT, AccessEvent.LOGIN);
        assertThat(log(AccessLogQuery(rep)).items()).hasSize(3);
        assertThatThrownBy(() -> crm.accounts().accessLog(actor, AccessLogQuery(rep)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void dailyActivityCountsLoginsAndDistinctUsersPerDayInTheHostsTimeZone() {
        crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        clock.advance(Duration.ofHours(16)); // 2026-05-05T00:00Z is 02:00 in Zurich: the next local day
        crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);

        List<DailyActivity> days = crm.accounts().dailyActivity(admin,
                new DailyActivityQuery(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 5), "Europe/Zurich"));

        assertThat(days).containsExactly(new DailyActivity(LocalDate.of(2026, 5, 3), 0, 0),
                new DailyActivity(LocalDate.of(2026, 5, 4), 3, 2),
                new DailyActivity(LocalDate.of(2026, 5, 5), 1, 1));
    }

    @Test
    void theAuditTrailIsSearchedByActorActionAndTargetNewestFirstAndOnlyByAdministrators() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        CustomerView first = crm.customers().register(actor, Registrations.any("one@example.com"));
        clock.advance(Duration.ofSeconds(1));
        crm.customers().register(actor, Registrations.any("two@example.com"));
        assertThatThrownBy(() -> crm.customers().erase(actor, first.id())).isInstanceOf(AccessDeniedException.class);

        Page<AuditEntry> byRep = crm.audit().search(admin, new AuditQuery(ActorType.STAFF, rep.id().toString(),
                null, null, null, null, null, PageRequest.first(10)));
        assertThat(byRep.items()).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("customer.erase", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("customer.register", AuditOutcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple("customer.register", AuditOutcome.SUCCESS));
        Page<AuditEntry> aboutFirst = crm.audit().search(admin, new AuditQuery(null, null, null, "customer",
                first.id().value(), null, null, PageRequest.first(10)));
        assertThat(aboutFirst.items()).extracting(AuditEntry::action)
                .containsExactly("customer.erase", "customer.register");
        assertThat(crm.audit().search(admin, AuditQuery.all(10).outcome(AuditOutcome.DENIED)).items())
                .extracting(AuditEntry::action).containsExactly("customer.erase");
        assertThat(crm.audit().search(admin, AuditQuery.all(10).by(actor).action("customer.register")).items())
                .hasSize(2);
        assertThatThrownBy(() -> crm.audit().search(actor, AuditQuery.all(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAuditEntryOfACustomerUpdateHoldsNoValueOfTheUpdate() {
        CustomerView c = crm.customers().register(admin, Registrations.any("value@example.com"));
        crm.customers().updateContactDetails(admin, UpdateContactDetailsCommand.of(c.id(), c.version())
                .firstName("Zebulon").lastName("Quixotic-Surname").email("zebulon.changed@example.com")
                .phone("+41446681800").build());

        AuditEntry entry = crm.audit().search(admin, new AuditQuery(null, null, "customer.update_contact", null,
                null, null, null, PageRequest.first(1))).items().get(0);
        String everything = entry.toString();
        for (String value : List.of("Zebulon", "Quixotic", "zebulon.changed", "41446681800")) {
            assertThat(everything).doesNotContainIgnoringCase(value);
        }
        assertThat(entry.targetId()).isEqualTo(c.id().value());
    }

    @Test
    void openResetTokensStopWorkingWhenThePasswordOrTheLoginChangesOrTheUserIsDeactivated() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        crm.accounts().requestPasswordReset("rob@example.com", OFFICE);
        crm.accounts().changePassword(actor, new ChangePasswordCommand(REP_PASSWORD, "changed passphrase one"),
                OFFICE);
        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(delivered.get(0).token(),
                "attacker's passphrase"), OFFICE)).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("reset_token_invalid"));

        crm.accounts().requestPasswordReset("rob@example.com", OFFICE);
        StaffView moved = crm.staff().update(admin, new org.crmkit.core.staff.port.in.UpdateStaffCommand(rep.id(),
                "Rob", "Rep", "rob.new@example.com", null));
        assertThat(moved.workEmail()).isEqualTo("rob.new@example.com");
        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(delivered.get(1).token(),
                "attacker's passphrase"), OFFICE)).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("reset_token_invalid"));

        crm.accounts().requestPasswordReset("rob.new@example.com", OFFICE);
        crm.staff().deactivate(admin, new StaffStatusCommand(rep.id(), null));
        crm.staff().reactivate(admin, new StaffStatusCommand(rep.id(), null));
        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(delivered.get(2).token(),
                "attacker's passphrase"), OFFICE)).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("reset_token_invalid"));
        assertThat(crm.accounts().authenticate("rob.new@example.com", "changed passphrase one", OFFICE)).isNotNull();
    }

    @Test
    void aDeactivatedCustomerNeitherLogsInNorActs() {
        Actor cleo = crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client", "cleo@example.com",
                null, false, "cleo's own passphrase"), OFFICE).actor();
        CustomerId id = ((Actor.Customer) cleo).id();

        crm.customers().deactivate(admin, new org.crmkit.core.customer.port.in.CustomerStatusCommand(id, null));

        assertThatThrownBy(() -> crm.customers().findById(cleo, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.accounts().authenticate("cleo@example.com", "cleo's own passphrase", OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        crm.customers().reactivate(admin, new org.crmkit.core.customer.port.in.CustomerStatusCommand(id, null));
        assertThat(crm.accounts().authenticate("cleo@example.com", "cleo's own passphrase", OFFICE))
                .isEqualTo(cleo);
    }

    @Test
    void aSignUpWithARegisteredEmailSaysNotWhoseAndAPhoneIsNotCheckedAgainstOthers() {
        crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client", "cleo@example.com", null, false,
                "cleo's own passphrase"), OFFICE);
        CustomerView carl = crm.customers().register(admin, RegisterCustomerCommand.builder().firstName("Carl")
                .lastName("Caller").email("carl@example.com").phone("+41 44 668 18 00").source(CustomerSource.OTHER)
                .build());
        List<String> messages = new ArrayList<>();
        for (CustomerSignUpCommand collision : List.of(
                SignUps.command(crm, "Eve", "Probe", "CLEO@example.com", null, false, "eve's own passphrase"),
                SignUps.command(crm, "Eve", "Probe", "rob@example.com", null, false, "eve's own passphrase"))) {
            org.crmkit.core.shared.ConflictException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.crmkit.core.shared.ConflictException.class,
                    () -> crm.accounts().signUpCustomer(collision, OFFICE));
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("email");
            assertThat(e.existingId()).isEmpty();
            messages.add(e.getMessage());
        }
        assertThat(messages).as("a customer's email and a staff login alike").containsOnly(messages.get(0));

        SignedUpCustomer eve = crm.accounts().signUpCustomer(SignUps.command(crm, "Eve", "Probe", "eve@example.com",
                "+41446681800", false, "eve's own passphrase"), OFFICE);
        assertThat(crm.customers().findById(eve.actor(), eve.customerId()).orElseThrow().phone())
                .as("a phone waits for its owner's confirmation").isNull();
        assertThat(crm.customers().findById(admin, carl.id()).orElseThrow().phone()).isEqualTo("+41446681800");
    }

    @Test
    void aWeakNewPasswordIsRefusedTheSameWhetherTheCurrentOneIsRightOrWrong() {
        Actor actor = crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE);
        List<String> answers = new ArrayList<>();
        for (String current : List.of(REP_PASSWORD, "a wrong guess here")) {
            org.crmkit.core.shared.InvalidCommandException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.crmkit.core.shared.InvalidCommandException.class, () -> crm.accounts().changePassword(actor,
                            new ChangePasswordCommand(current, "password1234"), OFFICE));
            answers.add(e.fields() + ": " + e.getMessage());
        }
        assertThat(answers).containsOnly(answers.get(0));
        for (int i = 0; i < 5; i++) {
            assertThat(crm.accounts().authenticate("rob@example.com", REP_PASSWORD, OFFICE))
                    .as("no failure was counted").isNotNull();
        }
    }

    private static AccessLogQuery AccessLogQuery(StaffView user) {
        return new AccessLogQuery(user.id(), null, null, null, PageRequest.first(50));
    }

    private Page<AccessLogView> log(AccessLogQuery query) {
        return crm.accounts().accessLog(admin, query);
    }

    private List<String> auditActions(Actor reader) {
        return crm.audit().search(reader, AuditQuery.all(200)).items().stream().map(AuditEntry::action).toList();
    }

    private String storedHash(String login) {
        return store.unitOfWork().inTransaction(() -> store.accounts()
                .findByLoginForUpdate(EmailAddress.of(login)).orElseThrow().passwordHash());
    }

    /** @return the actor a login of Rob's yields: Rob, a sales rep, in no department */
    private Actor robSession() {
        return Actor.staff(rep.id(), Set.of(Role.SALES_REP));
    }
}
