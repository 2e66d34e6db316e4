package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Password reset tokens in {@code crm_password_reset_token}, unique by hash
 * ({@code uq_crm_password_reset_token__tokenHash}). "Mark used" is a conditional update, so of two concurrent uses of
 * one token exactly one changes the row.
 */
public final class MyBatisPasswordResetTokenRepository implements PasswordResetTokenRepository {
    private final PasswordResetTokenMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisPasswordResetTokenRepository(MyBatisUnitOfWork unitOfWork) {
        this.mapper = unitOfWork.mapper(PasswordResetTokenMapper.class);
    }

    @Override
    public void add(PasswordResetToken token) {
        mapper.insert(PasswordResetTokenRows.toRow(token));
    }

    @Override
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        // an ASCII column: other text matches no token, and the server would refuse to compare it
        if (!tokenHash.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mapper.selectByHash(tokenHash)).map(PasswordResetTokenRows::toToken);
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        return mapper.markUsed(id, at) == 1;
    }

    @Override
    public int markAllUsed(AccountId account, Instant at) {
        return mapper.markAllUsed(account.value(), at);
    }
}
