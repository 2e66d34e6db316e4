package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/** Password reset tokens in memory, unique by hash; "mark used" is conditional, as on MySQL. */
public final class InMemoryPasswordResetTokenRepository implements PasswordResetTokenRepository {
    private final InMemoryTable<UUID, PasswordResetToken> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryPasswordResetTokenRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<UUID, PasswordResetToken>(unitOfWork, "password_reset_token",
                PasswordResetToken::id, t -> 0, t -> t)
                .unique("tokenHash", PasswordResetToken::tokenHash);
    }

    @Override
    public void add(PasswordResetToken token) {
        table.insert(token);
    }

    @Override
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        return table.where(t -> t.tokenHash().equals(tokenHash)).stream().findFirst();
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        return table.replaceIf(id, t -> t.usedAt() == null, t -> used(t, at));
    }

    @Override
    public int markAllUsed(AccountId account, Instant at) {
        int marked = 0;
        for (PasswordResetToken t : table.where(t -> t.account().equals(account) && t.usedAt() == null)) {
            marked += table.replaceIf(t.id(), x -> x.usedAt() == null, x -> used(x, at)) ? 1 : 0;
        }
        return marked;
    }

    void deleteAllOf(AccountId account) {
        table.where(t -> t.account().equals(account)).forEach(t -> table.delete(t.id()));
    }

    private static PasswordResetToken used(PasswordResetToken t, Instant at) {
        return new PasswordResetToken(t.id(), t.account(), t.tokenHash(), t.createdAt(), t.expiresAt(), at);
    }
}
