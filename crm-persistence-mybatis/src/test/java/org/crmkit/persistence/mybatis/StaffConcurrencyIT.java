package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.DeactivateDepartmentCommand;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff administration racing with itself on a real MySQL-compatible server. The two-call races hold the first
 * call's transaction open until the server shows the second waiting for its lock ({@link HeldTransaction}).
 */
class StaffConcurrencyIT {
    private static final String PASSWORD = "the right passphrase";
    private static final AccessContext CONTEXT = new AccessContext("198.51.100.9", "race-test");

    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence())
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
    }

    @Test
    void twoBootstrapsAtOnceCreateExactlyOneAdministrator() throws Exception {
        HeldTransaction.Result<StaffView, StaffView> race = HeldTransaction.run(
                CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada0", "Admin", "ada0@example.org",
                        PASSWORD)),
                () -> crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada1", "Admin", "ada1@example.org",
                        PASSWORD)));

        assertThat(race.secondWaited()).as("the second bootstrap waits for the first").isTrue();
        assertThat(race.first().code()).isEqualTo("ok");
        assertThat(race.second().code()).isEqualTo("admin_exists");
        Actor admin = crm.accounts().authenticate(race.first().value().workEmail(), PASSWORD, CONTEXT);
        assertThat(crm.staff().search(admin, new StaffSearchQuery(null, "ADMIN", true, PageRequest.first(10)))
                .items()).hasSize(1);
    }

    /**
     * The fifth wrong current password locks the account; a sixth guess racing it must wait for that failure and be
     * refused as locked, not counted as a fifth failure of its own (which would let a guesser past the limit by
     * guessing in parallel). The first guess runs in the held transaction, its refusal caught inside it so that its
     * counted failure stays uncommitted (and its row lock held) until the server shows the second guess waiting.
     */
    @Test
    void aWrongCurrentPasswordRacingTheFailureThatLocksTheAccountIsRefusedAsLocked() throws Exception {
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.org", PASSWORD));
        Actor admin = crm.accounts().authenticate("ada@example.org", PASSWORD, CONTEXT);
        StaffView tom = crm.staff().create(admin, new CreateStaffCommand("Tom", "Target", "tom@example.org", null,
                Set.of("SALES_REP"), PASSWORD));
        Actor session = crm.accounts().authenticate("tom@example.org", PASSWORD, CONTEXT);
        for (int i = 1; i <= 4; i++) {
            int guess = i;
            assertThatThrownBy(() -> guess(session, guess)).isInstanceOf(AuthenticationFailedException.class);
        }

        HeldTransaction.Result<String, Object> race = HeldTransaction.run(
                CrmTestAccess.persistence(crm).unitOfWork(),
                () -> {
                    try {
                        guess(session, 5);
                        return "changed";
                    } catch (AuthenticationFailedException refused) {
                        return "refused";
                    }
                },
                () -> guess(session, 6));

        assertThat(race.secondWaited()).as("the sixth guess waits for the fifth").isTrue();
        assertThat(race.first().value()).isEqualTo("refused");
        assertThat(race.second().failed()).isInstanceOf(AuthenticationFailedException.class);
        List<AccessOutcome> changes = crm.accounts().accessLog(admin, new AccessLogQuery(tom.id(), null, null, null,
                PageRequest.first(50))).items().stream().filter(e -> e.event() == AccessEvent.PASSWORD_CHANGE)
                .map(AccessLogView::outcome).toList();
        assertThat(changes).filteredOn(o -> o == AccessOutcome.BAD_CREDENTIALS).hasSize(5);
        assertThat(changes).filteredOn(o -> o == AccessOutcome.LOCKED).hasSize(1);
        assertThatThrownBy(() -> crm.accounts().authenticate("tom@example.org", PASSWORD, CONTEXT))
                .as("locked: even the right password is refused").isInstanceOf(AuthenticationFailedException.class);
    }

    private Object guess(Actor session, int number) {
        crm.accounts().changePassword(session, new ChangePasswordCommand("guess number " + number,
                "a new passphrase " + number), CONTEXT);
        return null;
    }

    @Test
    void aDepartmentIsNeverLeftInactiveWithAnActiveMember() throws Exception {
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.org", PASSWORD));
        Actor admin = crm.accounts().authenticate("ada@example.org", PASSWORD, CONTEXT);
        for (int round = 0; round < 2; round++) {
            DepartmentView department = crm.departments().create(admin,
                    new CreateDepartmentCommand("Closing " + round, null));
            StaffView mover = crm.staff().create(admin, new CreateStaffCommand("Mo", "Ver " + round,
                    "mover" + round + "@example.org", null, Set.of(), null));
            Callable<Object> deactivate = () -> crm.departments().deactivate(admin,
                    new DeactivateDepartmentCommand(department.id(), null));
            Callable<Object> move = () -> crm.staff().moveToDepartment(admin,
                    new MoveStaffCommand(mover.id(), department.id(), null));

            HeldTransaction.Result<Object, Object> race = HeldTransaction.run(
                    CrmTestAccess.persistence(crm).unitOfWork(), round == 0 ? deactivate : move,
                    round == 0 ? move : deactivate);

            assertThat(race.secondWaited()).as("round %d: the second change waits for the first", round).isTrue();
            assertThat(race.first().code()).as("round %d", round).isEqualTo("ok");
            assertThat(race.second().code()).as("round %d", round)
                    .isEqualTo(round == 0 ? "department_inactive" : "department_has_members");
            boolean inactive = !crm.departments().findById(admin, department.id()).orElseThrow().active();
            long members = crm.staff().search(admin, new StaffSearchQuery(department.id(), null, true,
                    PageRequest.first(10))).items().size();
            assertThat(inactive).as("round %d", round).isEqualTo(round == 0);
            assertThat(members).as("round %d", round).isEqualTo(round == 0 ? 0 : 1);
        }
    }
}
