package org.crmkit.core.staff.internal.application;

import java.util.UUID;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.out.PasswordHasher;

/**
 * Checks passwords so that every check costs the same: where there is no stored hash, the password is checked against
 * a dummy one, and a refusal that needs no check makes one all the same.
 */
final class PasswordChecks {
    private final PasswordHasher hasher;
    private volatile String dummyHash;

    PasswordChecks(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * A password checked against a stored hash.
     *
     * @param hash    the stored hash it was checked against, or {@code null} for none
     * @param matches whether it matched
     */
    record Verification(String hash, boolean matches) {
    }

    /** Checks a password, against a dummy hash when there is no stored one, so every check costs the same. */
    Verification verify(String storedHash, String password) {
        if (storedHash == null) {
            checkAgainstDummy(password);
            return new Verification(null, false);
        }
        return new Verification(storedHash, hasher.verify(password, storedHash));
    }

    /**
     * Called only once a login has been admitted (never while its answer is still open: a re-hash of a right password
     * would make a locked account's right guess slower than a wrong one).
     *
     * @param storedHash the hash the admitted password matched
     * @param password   that password
     * @return the password hashed with the current settings when the stored hash is weaker, else {@code null}
     */
    String upgradedHash(String storedHash, String password) {
        return hasher.needsRehash(storedHash) ? hasher.hash(password) : null;
    }

    /** @return whether the password is the account's; an account without a password matches none */
    boolean matches(Account account, String password) {
        if (account.passwordHash() == null) {
            checkAgainstDummy(password);
            return false;
        }
        return hasher.verify(password, account.passwordHash());
    }

    /** Spends the time of a check on a password whose answer is decided already. */
    void checkAgainstDummy(String password) {
        hasher.verify(password, dummyHash());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // verified against when no real hash exists, so that every failure costs the same time
            hash = hasher.hash(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }
}
