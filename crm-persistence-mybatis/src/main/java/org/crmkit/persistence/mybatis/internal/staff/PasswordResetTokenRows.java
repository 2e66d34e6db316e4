package org.crmkit.persistence.mybatis.internal.staff;

import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordResetToken;

/** The explicit mapping between a password reset token and its row. */
final class PasswordResetTokenRows {
    private PasswordResetTokenRows() {
    }

    static PasswordResetTokenRow toRow(PasswordResetToken t) {
        return new PasswordResetTokenRow(t.id(), t.account().value(), t.tokenHash(), t.createdAt(), t.expiresAt(),
                t.usedAt());
    }

    static PasswordResetToken toToken(PasswordResetTokenRow r) {
        return new PasswordResetToken(r.id(), new AccountId(r.accountId()), r.tokenHash(), r.createdAt(),
                r.expiresAt(), r.usedAt());
    }
}
