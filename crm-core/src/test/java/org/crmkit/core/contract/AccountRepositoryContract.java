package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.junit.jupiter.api.Test;

/** What every {@link AccountRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class AccountRepositoryContract extends PortContract {
    private static final Instant T0 = StaffFixtures.T0;
    private static final LockoutPolicy THREE_STRIKES = new LockoutPolicy(3, Duration.ofMinutes(15),
            Duration.ofMinutes(30));

    private AccountStore repo() {
        return new AccountStore(persistence.accounts());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(Account account) {
        persistence.unitOfWork().inTransaction(() -> repo().add(account));
    }

    private void update(Account account) {
        persistence.unitOfWork().inTransaction(() -> repo().update(account));
    }

    private Account load(AccountId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private AccountHolder staffHolder() {
        return AccountHolder.of(StaffFixtures.storedStaffUser(persistence).id());
    }

    private AccountHolder customerHolder() {
        return AccountHolder.of(StaffFixtures.storedCustomer(persistence).id());
    }

    private static void assertConflict(Throwable e, String code, String field) {
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) e).code()).isEqualTo(code);
        assertThat(((ConflictException) e).field()).isEqualTo(field);
    }

    @Test
    void returnsANewAccountOfAStaffUser() {
        Account account = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"),
                StaffFixtures.HASH);
        add(account);
        AccountSnapshot stored = load(account.id()).snapshot();
        assertThat(stored).isEqualTo(account.snapshot());
        assertThat(stored.passwordHash()).isEqualTo(StaffFixtures.HASH);
        assertThat(stored.passwordChangedAt()).isEqualTo(T0);
    }

    @Test
    void returnsAnAccountOfACustomerWithoutPassword() {
        Account account = StaffFixtures.account(customerHolder(), StaffFixtures.uniqueEmail("self"), null);
        add(account);
        AccountSnapshot stored = load(account.id()).snapshot();
        assertThat(stored).isEqualTo(account.snapshot());
        assertThat(stored.passwordHash()).isNull();
        assertThat(stored.holder().kind()).isEqualTo(AccountHolder.Kind.CUSTOMER);
    }

    @Test
    void returnsEveryFieldOfALockedAccountState() {
        AccountSnapshot state = new AccountSnapshot(AccountId.next(StaffFixtures.IDS), 0, staffHolder(),
                StaffFixtures.uniqueEmail("locked"), StaffFixtures.HASH, 4, T0.plusSeconds(10).plusNanos(1000),
                T0.plusSeconds(1800).plusNanos(2000), T0.minusSeconds(86_400).plusNanos(3000),
                T0.minusSeconds(3600).plusNanos(4000), T0.minusSeconds(864_000));
        add(Account.restore(state));
        assertThat(load(state.id()).snapshot()).isEqualTo(state);
    }

    @Test
    void anUnknownIdLoginOrHolderIsEmpty() {
        add(StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"), StaffFixtures.HASH));
        AccountHolder withoutAccount = staffHolder();
        assertThat(tx(() -> repo().findById(AccountId.next(StaffFixtures.IDS)))).isEmpty();
        assertThat(tx(() -> repo().findByLoginForUpdate(EmailAddress.of("nobody@example.org")))).isEmpty();
        assertThat(tx(() -> repo().findByHolder(withoutAccount))).isEmpty();
        assertThat(tx(() -> repo().findByHolder(new AccountHolder(AccountHolder.Kind.CUSTOMER,
                withoutAccount.id())))).isEmpty();
    }

    @Test
    void findsAnAccountByLoginAndByHolder() {
        Account staff = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("staff"), StaffFixtures.HASH);
        Account customer = StaffFixtures.account(customerHolder(), StaffFixtures.uniqueEmail("cust"), null);
        add(staff);
        add(customer);
        assertThat(tx(() -> repo().findByLoginForUpdate(customer.login()))).map(Account::snapshot)
                .contains(customer.snapshot());
        assertThat(tx(() -> repo().findByLoginForUpdate(staff.login()))).map(Account::id).contains(staff.id());
        assertThat(tx(() -> repo().findByHolder(staff.holder()))).map(Account::snapshot).contains(staff.snapshot());
        assertThat(tx(() -> repo().findByHolder(customer.holder()))).map(Account::id).contains(customer.id());
    }

    @Test
    void aTakenLoginIsAConflictNamingTheField() {
        Account one = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("same"), StaffFixtures.HASH);
        add(one);
        Account two = StaffFixtures.account(customerHolder(), one.login(), null);
        assertThatThrownBy(() -> add(two)).satisfies(e -> assertConflict(e, "duplicate", "login"));
        assertThat(tx(() -> repo().findById(two.id()))).isEmpty();
        assertThat(tx(() -> repo().findByHolder(two.holder()))).isEmpty();
    }

    @Test
    void aSecondAccountOfAHolderIsAConflictNamingTheField() {
        AccountHolder holder = staffHolder();
        add(StaffFixtures.account(holder, StaffFixtures.uniqueEmail("first"), StaffFixtures.HASH));
        Account second = StaffFixtures.account(holder, StaffFixtures.uniqueEmail("second"), null);
        assertThatThrownBy(() -> add(second)).satisfies(e -> assertConflict(e, "duplicate", "holder"));
        assertThat(tx(() -> repo().findById(second.id()))).isEmpty();
        assertThat(tx(() -> repo().findByLoginForUpdate(second.login()))).isEmpty();
    }

    @Test
    void updateStoresFailuresLockSuccessAndPasswordAndAdvancesTheVersion() {
        Account account = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"), null);
        add(account);
        Account loaded = load(account.id());
        Instant first = T0.plusSeconds(60).plusNanos(123_000);
        loaded.recordFailure(first, THREE_STRIKES);
        loaded.recordFailure(first.plusSeconds(1), THREE_STRIKES);
        assertThat(loaded.recordFailure(first.plusSeconds(2), THREE_STRIKES)).isTrue();
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        AccountSnapshot stored = load(account.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.failedAttempts()).isEqualTo(3);
        assertThat(stored.firstFailureAt()).isEqualTo(first);
        assertThat(stored.lockedUntil()).isEqualTo(first.plusSeconds(2).plus(Duration.ofMinutes(30)));

        Instant reset = first.plusSeconds(3600);
        loaded.setPasswordHash(StaffFixtures.HASH, reset, true);
        loaded.recordSuccess(reset.plusSeconds(5));
        loaded.changeLogin(StaffFixtures.uniqueEmail("renamed"));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        stored = load(account.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.lockedUntil()).isNull();
        assertThat(stored.firstFailureAt()).isNull();
        assertThat(stored.passwordChangedAt()).isEqualTo(reset);
        assertThat(stored.lastLoginAt()).isEqualTo(reset.plusSeconds(5));
        assertThat(tx(() -> repo().findByLoginForUpdate(account.login()))).isEmpty();
        assertThat(tx(() -> repo().findByLoginForUpdate(loaded.login()))).map(Account::id).contains(account.id());
    }

    @Test
    void changingTheLoginToATakenOneIsAConflictAndChangesNothing() {
        Account one = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("one"), StaffFixtures.HASH);
        Account two = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("two"), StaffFixtures.HASH);
        add(one);
        add(two);
        Account loaded = load(two.id());
        loaded.changeLogin(one.login());
        assertThatThrownBy(() -> update(loaded)).satisfies(e -> assertConflict(e, "duplicate", "login"));
        assertThat(load(two.id()).snapshot()).isEqualTo(two.snapshot());
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Account account = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"),
                StaffFixtures.HASH);
        add(account);
        Account first = load(account.id());
        Account second = load(account.id());
        first.recordFailure(T0.plusSeconds(1), THREE_STRIKES);
        update(first);
        second.recordSuccess(T0.plusSeconds(2));
        assertThatThrownBy(() -> update(second)).satisfies(e -> assertConflict(e, "stale_version", "version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        Account stored = load(account.id());
        assertThat(stored.snapshot()).isEqualTo(first.snapshot());
        assertThat(stored.snapshot().lastLoginAt()).isNull();
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheAccountAndItsResetTokensOnly() {
        Account gone = StaffFixtures.account(customerHolder(), StaffFixtures.uniqueEmail("erase"), null);
        Account kept = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("keep"), StaffFixtures.HASH);
        add(gone);
        add(kept);
        PasswordResetToken goneToken1 = StaffFixtures.token(gone.id(), T0);
        PasswordResetToken goneToken2 = StaffFixtures.token(gone.id(), T0.plusSeconds(60));
        PasswordResetToken keptToken = StaffFixtures.token(kept.id(), T0);
        persistence.unitOfWork().inTransaction(() -> {
            persistence.resetTokens().add(goneToken1);
            persistence.resetTokens().add(goneToken2);
            persistence.resetTokens().add(keptToken);
        });
        persistence.unitOfWork().inTransaction(() -> persistence.resetTokens().markUsed(goneToken1.id(), T0));

        persistence.unitOfWork().inTransaction(() -> repo().delete(gone.id()));

        assertThat(tx(() -> repo().findById(gone.id()))).isEmpty();
        assertThat(tx(() -> repo().findByHolder(gone.holder()))).isEmpty();
        assertThat(tx(() -> repo().findByLoginForUpdate(gone.login()))).isEmpty();
        assertThat(tx(() -> persistence.resetTokens().findByHash(goneToken1.tokenHash()))).isEmpty();
        assertThat(tx(() -> persistence.resetTokens().findByHash(goneToken2.tokenHash()))).isEmpty();
        assertThat(tx(() -> persistence.resetTokens().findByHash(keptToken.tokenHash()))).contains(keptToken);
        assertThat(load(kept.id()).snapshot()).isEqualTo(kept.snapshot());

        Account again = StaffFixtures.account(gone.holder(), gone.login(), null);
        add(again);
        assertThat(tx(() -> repo().findByHolder(gone.holder()))).map(Account::id).contains(again.id());
    }

    @Test
    void aRolledBackDeleteKeepsTheAccountAndItsTokens() {
        Account account = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"),
                StaffFixtures.HASH);
        add(account);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        persistence.unitOfWork().inTransaction(() -> persistence.resetTokens().add(token));
        IllegalStateException failure = new IllegalStateException("after delete");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().delete(account.id());
            throw failure;
        })).isSameAs(failure);
        assertThat(load(account.id()).snapshot()).isEqualTo(account.snapshot());
        assertThat(tx(() -> persistence.resetTokens().findByHash(token.tokenHash()))).contains(token);
    }

    @Test
    void aRolledBackAddLeavesNothing() {
        Account account = StaffFixtures.account(staffHolder(), StaffFixtures.uniqueEmail("login"),
                StaffFixtures.HASH);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(account);
            throw new IllegalStateException("after add");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tx(() -> repo().findById(account.id()))).isEmpty();
        assertThat(tx(() -> repo().findByHolder(account.holder()))).isEmpty();
    }
}
