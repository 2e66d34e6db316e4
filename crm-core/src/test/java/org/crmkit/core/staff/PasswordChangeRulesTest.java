package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's change of their own password, as a host and its users see it: what a change leaves behind, a change on a
 * locked account, and a user who has no password (signing in through the host's single sign-on). Password checks are
 * counted through a {@link RecordingHasher}, not timed.
 */
class PasswordChangeRulesTest {
    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "Mozilla/5.0 (Office)");
    private static final String ADMIN_PASSWORD = "a long admin passphrase 1";
    private static final String ROB_PASSWORD = "rep passphrase with spaces";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final MutableClock clock = new MutableClock(START);
    private final RecordingHasher hasher = new RecordingHasher();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private AreaPorts store;
    private Crm crm;
    private Actor admin;
    private Actor rob;

    @BeforeEach
    void setUp() {
        store = new AreaPorts(InMemoryCrmPersistence.create());
        crm = Crm.builder().persistence(store).clock(clock).eventPublisher(publisher).passwordHasher(hasher).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.com", ADMIN_PASSWORD));
        admin = crm.accounts().authenticate("ada@example.com", ADMIN_PASSWORD, OFFICE);
        crm.staff().create(admin, new CreateStaffCommand("Rob", "Rep", "rob@example.com", null, Set.of("SALES_REP"),
                ROB_PASSWORD));
        rob = crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE);
        publisher.clear();
    }

    @Test
    void aChangeIsPublishedAsAPasswordChangeAndLogged() {
        clock.advance(Duration.ofMinutes(1));

        crm.accounts().changePassword(rob, new ChangePasswordCommand(ROB_PASSWORD, NEW_PASSWORD), OFFICE);

        assertThat(publisher.events()).as("the event a host ends the user's other sessions on").containsExactly(
                new StaffEvents.PasswordChanged(accountOf("rob@example.com"), START.plus(Duration.ofMinutes(1))));
        assertThat(newestAccessLogEntry()).extracting(AccessLogView::event, AccessLogView::outcome)
                .containsExactly(AccessEvent.PASSWORD_CHANGE, AccessOutcome.SUCCESS);
    }

    @Test
    void aChangeOnALockedAccountIsRefusedAfterOnePasswordCheckAndLoggedAsLocked() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> crm.accounts().authenticate("rob@example.com", "wrong", OFFICE))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
        int checksBefore = hasher.checks();
        publisher.clear();

        assertThatThrownBy(() -> crm.accounts().changePassword(rob, new ChangePasswordCommand(ROB_PASSWORD,
                NEW_PASSWORD), OFFICE)).isInstanceOf(AuthenticationFailedException.class);

        assertThat(hasher.checks() - checksBefore).as("one check, as any other answer costs").isEqualTo(1);
        assertThat(hasher.lastCheckWasAgainstARealHash()).isTrue();
        assertThat(newestAccessLogEntry()).extracting(AccessLogView::event, AccessLogView::outcome)
                .containsExactly(AccessEvent.PASSWORD_CHANGE, AccessOutcome.LOCKED);
        assertThat(publisher.events()).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(crm.accounts().authenticate("rob@example.com", ROB_PASSWORD, OFFICE)).as("the password is unchanged")
                .isEqualTo(rob);
    }

    @Test
    void aUserWithoutAPasswordCannotSetOneByChangingIt() {
        StaffView sam = crm.staff().create(admin, CreateStaffCommand.builder().firstName("Sam").lastName("Sso")
                .workEmail("sam@example.com").roles(Set.of("SALES_REP")).build());
        Actor signedInBySso = Actor.staff(sam.id(), Set.of(Role.SALES_REP));
        int checksBefore = hasher.checks();

        for (String guess : List.of("a first guess 1", "anything at all", NEW_PASSWORD + " 2")) {
            assertThatThrownBy(() -> crm.accounts().changePassword(signedInBySso, new ChangePasswordCommand(guess,
                    NEW_PASSWORD), OFFICE)).as(guess).isInstanceOf(AuthenticationFailedException.class);
        }

        assertThat(hasher.checks() - checksBefore).as("each refusal cost one check").isEqualTo(3);
        assertThat(hasher.lastCheckWasAgainstARealHash()).as("against a real hash, not a missing one").isTrue();
        assertThat(store.unitOfWork().inTransaction(() -> store.accounts()
                .findByLoginForUpdate(EmailAddress.of("sam@example.com")).orElseThrow().passwordHash())).isNull();
        assertThatThrownBy(() -> crm.accounts().authenticate("sam@example.com", NEW_PASSWORD, OFFICE))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private AccountId accountOf(String login) {
        return store.unitOfWork().inTransaction(() -> store.accounts()
                .findByLoginForUpdate(EmailAddress.of(login)).orElseThrow().id());
    }

    private AccessLogView newestAccessLogEntry() {
        return crm.accounts().accessLog(admin, new AccessLogQuery(null, null, null, null, PageRequest.first(1)))
                .items().get(0);
    }
}
