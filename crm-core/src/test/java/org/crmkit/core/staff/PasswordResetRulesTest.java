package org.crmkit.core.staff;

import org.crmkit.core.testing.SignUps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password resets by one-time token, as a host and its users see them: what a reset leaves behind (the event a host
 * ends sessions on, the audit entry, the access log), why a token is refused, and what a request must name. Reset
 * tokens are valid for 30 minutes.
 */
class PasswordResetRulesTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    private static final String ROB_PASSWORD = "rep passphrase with spaces";
    private static final String NEW_PASSWORD = "reset passphrase 2026";

    private final MutableClock clock = new MutableClock(START);
    private final List<PasswordResetNotifier.Message> delivered = new ArrayList<>();
    private final RecordingPublisher publisher = new RecordingPublisher();
    /** How many more token uses a concurrent reset wins just before this one marks its token used. */
    private int lostRaces;
    private AreaPorts store;
    private Crm crm;
    private Actor admin;
    private StaffView rob;

    @BeforeEach
    void setUp() {
        CrmPersistence memory = InMemoryCrmPersistence.create();
        store = new AreaPorts(racingTokens(memory));
        crm = Crm.builder().persistence(store).clock(clock).eventPublisher(publisher)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).passwordResetNotifier(delivered::add)
                .build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", ADMIN_PASSWORD));
        admin = crm.accounts().authenticate("ada@example.com", ADMIN_PASSWORD, OFFICE);
        rob = crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null,
                Set.of("SALES_REP"), ROB_PASSWORD));
        publisher.clear();
    }

    @Test
    void aResetIsPublishedAsAPasswordChangeAuditedAndLogged() {
        String token = requestToken("rob@example.com");
        clock.advance(Duration.ofMinutes(5));

        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);

        AccountId account = accountOf("rob@example.com").id();
        assertThat(publisher.events()).as("the event a host ends the user's other sessions on")
                .containsExactly(new StaffEvents.PasswordChanged(account, START.plus(Duration.ofMinutes(5))));
        assertThat(crm.audit().search(admin, AuditQuery.all(5).action("account.reset_password")).items())
                .singleElement().satisfies(e -> assertThat(e.targetId()).isEqualTo(account.value()));
        assertThat(newestAccessLogEntry()).extracting(AccessLogView::event, AccessLogView::outcome)
                .containsExactly(AccessEvent.PASSWORD_RESET, AccessOutcome.SUCCESS);
        assertThat(crm.accounts().authenticate("rob@example.com", NEW_PASSWORD, OFFICE))
                .isEqualTo(Actor.staff(rob.id(), Set.of(org.crmkit.core.shared.Role.SALES_REP)));
    }

    @Test
    void aRefusedTokenSaysWhetherItHasExpiredOrWasAlreadyUsed() {
        String expiring = requestToken("rob@example.com");
        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(expiring, NEW_PASSWORD),
                OFFICE)).isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("reset_token_invalid");
                    assertThat(e.getMessage()).contains("has expired");
                });

        String used = requestToken("rob@example.com");
        crm.accounts().resetPassword(new ResetPasswordCommand(used, NEW_PASSWORD), OFFICE);
        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(used,
                "another passphrase 2026"), OFFICE)).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.getMessage()).contains("was already used"));
    }

    @Test
    void aTokenOfACustomerDeactivatedSinceTheRequestSetsNoPassword() {
        CustomerId cleo = crm.accounts().signUpCustomer(SignUps.command(crm, "Cleo", "Client",
                "cleo@example.com", null, false, "cleo's own passphrase"), OFFICE).customerId();
        String token = requestToken("cleo@example.com");
        crm.customers().deactivate(admin, new org.crmkit.core.customer.port.in.CustomerStatusCommand(cleo, null));
        publisher.clear();

        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD),
                OFFICE)).isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("reset_token_invalid");
                    assertThat(e.getMessage()).contains("may not log in");
                });

        assertThat(newestAccessLogEntry()).extracting(AccessLogView::event, AccessLogView::outcome,
                AccessLogView::holder).containsExactly(AccessEvent.PASSWORD_RESET, AccessOutcome.INACTIVE,
                AccountHolder.of(cleo));
        assertThat(publisher.events()).isEmpty();
        crm.customers().reactivate(admin, new org.crmkit.core.customer.port.in.CustomerStatusCommand(cleo, null));
        assertThat(crm.accounts().authenticate("cleo@example.com", "cleo's own passphrase", OFFICE))
                .as("the password is unchanged").isEqualTo(Actor.customer(cleo));
    }

    @Test
    void aResetWhoseTokenAConcurrentResetUsedFirstIsRefusedAndSetsNothing() {
        String token = requestToken("rob@example.com");
        lostRaces = 1;

        assertThatThrownBy(() -> crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD),
                OFFICE)).isInstanceOfSatisfying(BusinessRuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("reset_token_invalid");
                    assertThat(e.getMessage()).contains("was already used");
                });

        assertThat(lostRaces).as("the race was run").isZero();
        assertThat(publisher.events()).isEmpty();
        assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", NEW_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE)).isNotNull();
    }

    @Test
    void aResetRequestNamesItsMissingOrOverlongEmailAndItsMissingContext() {
        int logged = accessLog().size();

        assertThat(refused(() -> crm.accounts().requestPasswordReset(null, OFFICE))).containsExactly("email");
        assertThat(refused(() -> crm.accounts().requestPasswordReset("r".repeat(243) + "@example.com", OFFICE)))
                .containsExactly("email");
        assertThat(refused(() -> crm.accounts().requestPasswordReset("rob@example.com", null)))
                .containsExactly("context");

        assertThat(delivered).isEmpty();
        assertThat(accessLog()).hasSize(logged);
    }

    @Test
    void aUserCreatedWithoutAPasswordHasNoPasswordChangeTimeUntilAResetSetsOne() {
        crm.staff().create(admin, CreateStaffCommand.builder().firstName("Sam").lastName("Sso")
                .workEmail("sam@example.com").roles(Set.of("SALES_REP")).build());
        assertThat(accountOf("sam@example.com").passwordChangedAt()).isNull();
        assertThat(accountOf("rob@example.com").passwordChangedAt()).isEqualTo(START);

        String token = requestToken("sam@example.com");
        clock.advance(Duration.ofMinutes(1));
        crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), OFFICE);

        assertThat(accountOf("sam@example.com").passwordChangedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aStoredTokenIsUsableUntilItExpiresOrIsUsedAndNeverPrintsItsHash() {
        AccountId account = accountOf("rob@example.com").id();
        Instant expires = START.plus(Duration.ofMinutes(30));
        PasswordResetToken open = new PasswordResetToken(UUID.randomUUID(), account, "ab12cd34", START, expires,
                null);

        assertThat(open.isUsable(expires.minusNanos(1_000))).isTrue();
        assertThat(open.isUsable(expires)).isFalse();
        assertThat(new PasswordResetToken(open.id(), account, "ab12cd34", START, expires, START).isUsable(START))
                .isFalse();
        assertThat(open.toString()).contains(open.id().toString(), account.toString()).doesNotContain("ab12cd34");
    }

    private String requestToken(String email) {
        crm.accounts().requestPasswordReset(email, OFFICE);
        return delivered.get(delivered.size() - 1).token();
    }

    private AccountSnapshot accountOf(String login) {
        return store.unitOfWork().inTransaction(() -> store.accounts()
                .findByLoginForUpdate(EmailAddress.of(login)).orElseThrow());
    }

    private List<AccessLogView> accessLog() {
        return crm.accounts().accessLog(admin, new AccessLogQuery(null, null, null, null, PageRequest.first(100)))
                .items();
    }

    private AccessLogView newestAccessLogEntry() {
        return accessLog().get(0);
    }

    private static List<String> refused(Runnable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(InvalidCommandException.class, call::run).fields();
    }

    /** The adapter, with a concurrent reset that uses a token just before this one does, {@link #lostRaces} times. */
    private CrmPersistence racingTokens(CrmPersistence memory) {
        PasswordResetTokenRepository tokens = memory.port(PasswordResetTokenRepository.class).orElseThrow();
        PasswordResetTokenRepository racing = (PasswordResetTokenRepository) Proxy.newProxyInstance(
                PasswordResetTokenRepository.class.getClassLoader(), new Class<?>[] {PasswordResetTokenRepository.class},
                (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("markUsed") && lostRaces > 0) {
                            lostRaces--;
                            method.invoke(tokens, args); // the other reset's use, committed first
                        }
                        return method.invoke(tokens, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (CrmPersistence) Proxy.newProxyInstance(CrmPersistence.class.getClassLoader(),
                new Class<?>[] {CrmPersistence.class}, (proxy, method, args) -> {
                    try {
                        return method.getName().equals("port") && args[0] == PasswordResetTokenRepository.class
                                ? Optional.of(racing) : method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
