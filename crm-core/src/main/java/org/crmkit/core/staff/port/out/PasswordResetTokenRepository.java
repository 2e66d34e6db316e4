package org.crmkit.core.staff.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordResetToken;

/** Stores password reset tokens by their hash. Token hashes are unique. */
public interface PasswordResetTokenRepository {

    /** @param token a new token */
    void add(PasswordResetToken token);

    /** @param tokenHash hex SHA-256 of a token @return the stored token, if any */
    Optional<PasswordResetToken> findByHash(String tokenHash);

    /**
     * Marks a token used, only if it is still unused: the single-use guarantee. On MySQL a conditional update, so of
     * two concurrent uses exactly one sees {@code true}.
     *
     * @param id the token
     * @param at when
     * @return whether this call used it
     */
    boolean markUsed(UUID id, Instant at);

    /**
     * @param account an account whose password was just set
     * @param at      when
     * @return how many still unused tokens of the account were marked used
     */
    int markAllUsed(AccountId account, Instant at);
}
