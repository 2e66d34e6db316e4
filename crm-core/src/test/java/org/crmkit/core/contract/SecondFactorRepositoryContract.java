package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.SecondFactorStatus;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import org.crmkit.core.staff.port.out.SecondFactorRepository;
import org.junit.jupiter.api.Test;

/** What every {@link SecondFactorRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class SecondFactorRepositoryContract extends PortContract {
    private static final Instant T0 = StaffFixtures.T0;
    private static final String SECRET = "plain:GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final LockoutPolicy TWO_STRIKES = new LockoutPolicy(2, Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private SecondFactorRepository repo() {
        return persistence.secondFactors();
    }

    private SecondFactorStore store() {
        return new SecondFactorStore(repo());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(SecondFactorSnapshot factor) {
        persistence.unitOfWork().inTransaction(() -> repo().add(factor));
    }

    private Optional<SecondFactorSnapshot> load(AccountId account) {
        return tx(() -> repo().findByAccountForUpdate(account));
    }

    /** A stored account, for the foreign key a real schema asks for. */
    private AccountId storedAccount() {
        return StaffFixtures.storedAccount(persistence).id();
    }

    private static SecondFactorSnapshot pending(AccountId account) {
        return SecondFactor.enrol(account, SECRET, T0).snapshot();
    }

    private static SecondFactorSnapshot everyField(AccountId account, String challengeHash) {
        return new SecondFactorSnapshot(account, 0, SecondFactorStatus.ACTIVE, SECRET, T0.minusSeconds(3600),
                T0.minusSeconds(3500).plusNanos(123_000), 58_713_407L,
                List.of(StaffFixtures.sha256Hex("code one"), StaffFixtures.sha256Hex("code two"),
                        StaffFixtures.sha256Hex("code three")),
                challengeHash, T0.plusSeconds(300).plusNanos(7_000), 3, T0.minusSeconds(60).plusNanos(1_000),
                T0.plusSeconds(840).plusNanos(2_000));
    }

    private static void assertConflict(Throwable e, String code, String field) {
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) e).code()).isEqualTo(code);
        assertThat(((ConflictException) e).field()).isEqualTo(field);
    }

    @Test
    void returnsEveryFieldOfAnActiveSecondFactor() {
        AccountId account = storedAccount();
        SecondFactorSnapshot factor = everyField(account, StaffFixtures.sha256Hex("a challenge"));
        add(factor);
        assertThat(load(account)).contains(factor);
        assertThat(load(account).orElseThrow().recoveryCodeHashes()).as("in their order")
                .isEqualTo(factor.recoveryCodeHashes());
    }

    @Test
    void returnsAPendingSecondFactorWithoutCodesOrChallenge() {
        AccountId account = storedAccount();
        add(pending(account));
        SecondFactorSnapshot stored = load(account).orElseThrow();
        assertThat(stored).isEqualTo(pending(account));
        assertThat(stored.recoveryCodeHashes()).isEmpty();
        assertThat(stored.challengeHash()).isNull();
        assertThat(stored.lastAcceptedStep()).isNull();
    }

    @Test
    void anAccountWithoutSecondFactorOrAnUnknownChallengeIsEmpty() {
        AccountId with = storedAccount();
        add(everyField(with, StaffFixtures.sha256Hex("open")));
        assertThat(load(storedAccount())).isEmpty();
        assertThat(tx(() -> repo().findByChallenge(StaffFixtures.sha256Hex("never issued")))).isEmpty();
        assertThat(tx(() -> repo().findByChallenge("é".repeat(64)))).as("text no hash can be").isEmpty();
    }

    @Test
    void findsASecondFactorByItsOpenChallengeOnly() {
        AccountId one = storedAccount();
        AccountId two = storedAccount();
        String hash = StaffFixtures.sha256Hex("challenge of one");
        add(everyField(one, hash));
        add(everyField(two, StaffFixtures.sha256Hex("challenge of two")));
        add(pending(storedAccount()));

        assertThat(tx(() -> repo().findByChallenge(hash))).map(SecondFactorSnapshot::account).contains(one);

        SecondFactor loaded = tx(() -> store().findByAccountForUpdate(one)).orElseThrow();
        loaded.acceptCode(58_713_408L);
        persistence.unitOfWork().inTransaction(() -> store().update(loaded));
        assertThat(tx(() -> repo().findByChallenge(hash))).as("the challenge ended with the accepted code").isEmpty();
    }

    @Test
    void aSecondSecondFactorOfAnAccountIsAConflictNamingTheField() {
        AccountId account = storedAccount();
        add(pending(account));
        assertThatThrownBy(() -> add(everyField(account, StaffFixtures.sha256Hex("x"))))
                .satisfies(e -> assertConflict(e, "duplicate", "account"));
        assertThat(load(account)).contains(pending(account));
        assertThat(tx(() -> repo().findByChallenge(StaffFixtures.sha256Hex("x")))).isEmpty();
    }

    @Test
    void aTakenChallengeHashIsAConflictNamingTheField() {
        String hash = StaffFixtures.sha256Hex("the same challenge");
        add(everyField(storedAccount(), hash));
        AccountId other = storedAccount();
        assertThatThrownBy(() -> add(everyField(other, hash)))
                .satisfies(e -> assertConflict(e, "duplicate", "challengeHash"));
        assertThat(load(other)).isEmpty();

        add(pending(other));
        SecondFactor loaded = tx(() -> store().findByAccountForUpdate(other)).orElseThrow();
        loaded.openChallenge(hash, T0.plusSeconds(60));
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> store().update(loaded)))
                .satisfies(e -> assertConflict(e, "duplicate", "challengeHash"));
        assertThat(load(other)).contains(pending(other));
    }

    @Test
    void updateStoresConfirmationCodesChallengeAndFailuresAndAdvancesTheVersion() {
        AccountId account = storedAccount();
        add(pending(account));
        SecondFactor loaded = tx(() -> store().findByAccountForUpdate(account)).orElseThrow();
        loaded.restart("plain:MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U", T0.plusSeconds(10));
        loaded.confirm(58_713_400L, List.of(StaffFixtures.sha256Hex("r1"), StaffFixtures.sha256Hex("r2")),
                T0.plusSeconds(20).plusNanos(5_000));
        loaded.openChallenge(StaffFixtures.sha256Hex("next login"), T0.plusSeconds(320));
        loaded.recordFailure(T0.plusSeconds(30), TWO_STRIKES);
        assertThat(loaded.recordFailure(T0.plusSeconds(31), TWO_STRIKES)).isTrue();
        persistence.unitOfWork().inTransaction(() -> store().update(loaded));
        assertThat(loaded.version()).isEqualTo(1);
        SecondFactorSnapshot stored = load(account).orElseThrow();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.status()).isEqualTo(SecondFactorStatus.ACTIVE);
        assertThat(stored.lockedUntil()).isEqualTo(T0.plusSeconds(31).plus(Duration.ofMinutes(15)));

        assertThat(loaded.useRecoveryCode(StaffFixtures.sha256Hex("r1"))).isTrue();
        persistence.unitOfWork().inTransaction(() -> store().update(loaded));
        stored = load(account).orElseThrow();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.recoveryCodeHashes()).containsExactly(StaffFixtures.sha256Hex("r2"));
        assertThat(stored.challengeHash()).isNull();
        assertThat(stored.failedAttempts()).isZero();
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        AccountId account = storedAccount();
        add(everyField(account, StaffFixtures.sha256Hex("c")));
        SecondFactor first = tx(() -> store().findByAccountForUpdate(account)).orElseThrow();
        SecondFactor second = tx(() -> store().findByAccountForUpdate(account)).orElseThrow();
        first.acceptCode(58_713_500L);
        persistence.unitOfWork().inTransaction(() -> store().update(first));
        second.acceptCode(58_713_500L);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> store().update(second)))
                .satisfies(e -> assertConflict(e, "stale_version", "version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        assertThat(load(account)).contains(first.snapshot());
    }

    @Test
    void deleteRemovesTheSecondFactorOfThatAccountOnly() {
        AccountId gone = storedAccount();
        AccountId kept = storedAccount();
        String goneChallenge = StaffFixtures.sha256Hex("gone's challenge");
        add(everyField(gone, goneChallenge));
        add(everyField(kept, StaffFixtures.sha256Hex("kept's challenge")));

        persistence.unitOfWork().inTransaction(() -> repo().delete(gone));
        persistence.unitOfWork().inTransaction(() -> repo().delete(storedAccount()));

        assertThat(load(gone)).isEmpty();
        assertThat(tx(() -> repo().findByChallenge(goneChallenge))).isEmpty();
        assertThat(load(kept)).contains(everyField(kept, StaffFixtures.sha256Hex("kept's challenge")));
        add(pending(gone));
        assertThat(load(gone)).as("enrolled anew").contains(pending(gone));
    }

    @Test
    void aRollbackUndoesAddUpdateAndDelete() {
        AccountId account = storedAccount();
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(pending(account));
            throw new IllegalStateException("after add");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(load(account)).isEmpty();

        SecondFactorSnapshot stored = everyField(account, StaffFixtures.sha256Hex("kept"));
        add(stored);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            SecondFactor loaded = store().findByAccountForUpdate(account).orElseThrow();
            loaded.acceptCode(58_713_999L);
            store().update(loaded);
            repo().delete(account);
            throw new IllegalStateException("after update and delete");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(load(account)).contains(stored);
        assertThat(tx(() -> repo().findByChallenge(StaffFixtures.sha256Hex("kept")))).contains(stored);
    }
}
