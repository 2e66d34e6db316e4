package org.crmkit.persistence.mybatis;

import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins and resets racing on one account, on a real MySQL-compatible server: the lockout counts every failure
 * exactly once, and a reset token works exactly once.
 */
class AuthenticationConcurrencyIT {
    private static final String PASSWORD = "the right passphrase";
    private static final AccessContext CONTEXT = new AccessContext("198.51.100.7", "race-test");
    private static final int THREADS = 12;

    private final List<PasswordResetNotifier.Message> delivered = new ArrayList<>();
    private final List<ContactVerificationNotifier.Message> verifications = new CopyOnWriteArrayList<>();
    private Crm crm;
    private Actor admin;
    private StaffView target;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence())
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .passwordResetNotifier(m -> {
                    synchronized (delivered) {
                        delivered.add(m);
                    }
                }).contactVerificationNotifier(verifications::add).build();
        crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "ada@example.org", PASSWORD));
        admin = crm.accounts().authenticate("ada@example.org", PASSWORD, CONTEXT);
        target = crm.staff().create(admin, new CreateStaffCommand("Tom", "Target", "tom@example.org", null,
                Set.of("SALES_REP"), PASSWORD));
    }

    @Test
    void parallelWrongPasswordsLockTheAccountAfterExactlyFiveFailures() throws Exception {
        List<ParallelCalls.Outcome<Actor>> outcomes = ParallelCalls.run(THREADS,
                i -> () -> crm.accounts().authenticate("tom@example.org", "wrong passphrase " + i, CONTEXT));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failed()).isInstanceOf(AuthenticationFailedException.class));
        Map<AccessOutcome, Long> logged = crm.accounts().accessLog(admin,
                new AccessLogQuery(target.id(), null, null, null, PageRequest.first(50))).items().stream()
                .filter(e -> e.event() == AccessEvent.LOGIN)
                .collect(Collectors.groupingBy(AccessLogView::outcome, Collectors.counting()));
        assertThat(logged).containsExactlyInAnyOrderEntriesOf(Map.of(AccessOutcome.BAD_CREDENTIALS, 5L,
                AccessOutcome.LOCKED, (long) THREADS - 5));
        assertThatThrownBy(() -> crm.accounts().authenticate("tom@example.org", PASSWORD, CONTEXT))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void twoParallelUsesOfOneResetTokenLetExactlyOneSucceed() throws Exception {
        crm.accounts().requestPasswordReset("tom@example.org", CONTEXT);
        String token = delivered.get(0).token();

        List<ParallelCalls.Outcome<String>> outcomes = ParallelCalls.run(2, i -> () -> {
            crm.accounts().resetPassword(new ResetPasswordCommand(token, "new passphrase number " + i), CONTEXT);
            return "new passphrase number " + i;
        });

        assertThat(outcomes).extracting(ParallelCalls.Outcome::code)
                .containsExactlyInAnyOrder("ok", "reset_token_invalid");
        String winner = outcomes.stream().filter(ParallelCalls.Outcome::succeeded).findFirst().orElseThrow().value();
        String loser = winner.endsWith("0") ? "new passphrase number 1" : "new passphrase number 0";
        assertThat(crm.accounts().authenticate("tom@example.org", winner, CONTEXT)).isNotNull();
        assertThatThrownBy(() -> crm.accounts().authenticate("tom@example.org", loser, CONTEXT))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void twoSignUpsWithOneTokenAtOnceCreateExactlyOneCustomer() throws Exception {
        crm.accounts().requestSignUp("cleo@example.org", CONTEXT);
        String token = verifications.get(0).token();
        Callable<SignedUpCustomer> signUp = () -> crm.accounts().signUpCustomer(CustomerSignUpCommand.builder()
                .token(token).firstName("Cleo").lastName("Client").email("cleo@example.org").password(PASSWORD)
                .build(), CONTEXT);

        HeldTransaction.Result<SignedUpCustomer, SignedUpCustomer> race = HeldTransaction.run(
                CrmTestAccess.persistence(crm).unitOfWork(), signUp, signUp);

        assertThat(race.secondWaited()).as("the second use of the token waits for the first").isTrue();
        assertThat(race.first().code()).isEqualTo("ok");
        assertThat(race.second().code()).isEqualTo("verification_token_invalid");
        assertThat(crm.customers().search(admin, CustomerSearchQuery.builder().text("cleo@example.org")
                .sort(CustomerSort.NAME_ASC).page(PageRequest.first(10)).build()).items()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(race.first().value().customerId()));
    }

    @Test
    void manyParallelCorrectLoginsAllSucceedAndAreAllLogged() throws Exception {
        List<ParallelCalls.Outcome<Actor>> outcomes = ParallelCalls.run(THREADS,
                i -> () -> crm.accounts().authenticate("tom@example.org", PASSWORD, CONTEXT));

        assertThat(outcomes).allMatch(ParallelCalls.Outcome::succeeded);
        assertThat(outcomes).extracting(ParallelCalls.Outcome::value).extracting(Function.identity())
                .containsOnly(outcomes.get(0).value());
        assertThat(crm.accounts().accessLog(admin, new AccessLogQuery(target.id(), null, null, null,
                PageRequest.first(50))).items()).hasSize(THREADS);
    }
}
