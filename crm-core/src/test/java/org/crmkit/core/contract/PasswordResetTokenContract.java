package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordResetTokenRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class PasswordResetTokenContract extends PortContract {
    private static final Instant T0 = StaffFixtures.T0;
    private static final Instant USED_AT = T0.plusSeconds(300).plusNanos(42_000);

    private PasswordResetTokenRepository repo() {
        return persistence.resetTokens();
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(PasswordResetToken token) {
        persistence.unitOfWork().inTransaction(() -> repo().add(token));
    }

    private PasswordResetToken load(PasswordResetToken token) {
        return tx(() -> repo().findByHash(token.tokenHash())).orElseThrow();
    }

    private static PasswordResetToken usedAt(PasswordResetToken t, Instant at) {
        return new PasswordResetToken(t.id(), t.account(), t.tokenHash(), t.createdAt(), t.expiresAt(), at);
    }

    @Test
    void findsATokenByItsHashWithEveryField() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        PasswordResetToken other = StaffFixtures.token(account.id(), T0.plusSeconds(1));
        add(token);
        add(other);
        assertThat(load(token)).isEqualTo(token);
        assertThat(load(other)).isEqualTo(other);
        assertThat(tx(() -> repo().findByHash(StaffFixtures.sha256Hex("never issued")))).isEmpty();
    }

    @Test
    void keepsATokenThatWasAlreadyUsed() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = usedAt(StaffFixtures.token(account.id(), T0), USED_AT);
        add(token);
        assertThat(load(token)).isEqualTo(token);
        assertThat(tx(() -> repo().markUsed(token.id(), USED_AT.plusSeconds(1)))).isFalse();
    }

    @Test
    void aTakenHashIsAConflict() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        add(token);
        PasswordResetToken twin = new PasswordResetToken(UuidV7.next(StaffFixtures.IDS), account.id(),
                token.tokenHash(), T0.plusSeconds(5), T0.plusSeconds(600), null);
        assertThatThrownBy(() -> add(twin)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("duplicate"));
        assertThat(load(token)).isEqualTo(token);
        assertThat(tx(() -> repo().markUsed(twin.id(), USED_AT))).as("the twin was not stored").isFalse();
    }

    @Test
    void markUsedSucceedsOnceAndKeepsTheFirstTime() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        PasswordResetToken untouched = StaffFixtures.token(account.id(), T0);
        add(token);
        add(untouched);
        assertThat(tx(() -> repo().markUsed(token.id(), USED_AT))).isTrue();
        assertThat(tx(() -> repo().markUsed(token.id(), USED_AT.plusSeconds(60)))).isFalse();
        assertThat(load(token)).isEqualTo(usedAt(token, USED_AT));
        assertThat(load(untouched).usedAt()).isNull();
    }

    @Test
    void markUsedOfAnUnknownTokenIsFalse() {
        assertThat(tx(() -> repo().markUsed(UUID.randomUUID(), USED_AT))).isFalse();
    }

    @Test
    void markAllUsedMarksOnlyTheUnusedTokensOfTheAccount() {
        Account account = StaffFixtures.storedAccount(persistence);
        Account other = StaffFixtures.storedAccount(persistence);
        PasswordResetToken alreadyUsed = StaffFixtures.token(account.id(), T0);
        PasswordResetToken open1 = StaffFixtures.token(account.id(), T0.plusSeconds(1));
        PasswordResetToken open2 = StaffFixtures.token(account.id(), T0.plusSeconds(2));
        PasswordResetToken othersToken = StaffFixtures.token(other.id(), T0);
        persistence.unitOfWork().inTransaction(() -> {
            repo().add(alreadyUsed);
            repo().add(open1);
            repo().add(open2);
            repo().add(othersToken);
        });
        assertThat(tx(() -> repo().markUsed(alreadyUsed.id(), USED_AT))).isTrue();

        Instant now = USED_AT.plusSeconds(600);
        assertThat(tx(() -> repo().markAllUsed(account.id(), now))).isEqualTo(2);
        assertThat(load(alreadyUsed)).isEqualTo(usedAt(alreadyUsed, USED_AT));
        assertThat(load(open1)).isEqualTo(usedAt(open1, now));
        assertThat(load(open2)).isEqualTo(usedAt(open2, now));
        assertThat(load(othersToken)).isEqualTo(othersToken);

        assertThat(tx(() -> repo().markAllUsed(account.id(), now.plusSeconds(1)))).isZero();
        assertThat(tx(() -> repo().markAllUsed(other.id(), now))).isEqualTo(1);
    }

    @Test
    void aRollbackUndoesMarkUsed() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        add(token);
        IllegalStateException failure = new IllegalStateException("password change failed");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().markUsed(token.id(), USED_AT)).isTrue();
            throw failure;
        })).isSameAs(failure);
        assertThat(load(token).usedAt()).isNull();
        assertThat(tx(() -> repo().markUsed(token.id(), USED_AT))).isTrue();
    }

    @Test
    void aRollbackUndoesMarkAllUsed() {
        Account account = StaffFixtures.storedAccount(persistence);
        PasswordResetToken token = StaffFixtures.token(account.id(), T0);
        add(token);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(repo().markAllUsed(account.id(), USED_AT)).isEqualTo(1);
            throw new IllegalStateException("password change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(load(token)).isEqualTo(token);
    }
}
