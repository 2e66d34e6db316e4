package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;

/**
 * A contact verification as stored: the address to prove and the SHA-256 hash of its one-time token, never the token
 * itself. Usable once, until {@code expiresAt}.
 *
 * @param id        the verification's id
 * @param purpose   what it proves
 * @param customer  the customer it belongs to; {@code null} for a {@link VerificationPurpose#SIGN_UP sign-up}, which
 *                  precedes the customer
 * @param address   the email (normalized) or the phone (E.164) it proves
 * @param tokenHash hex SHA-256 of the token text
 * @param createdAt when it was issued
 * @param expiresAt when it stops being usable
 * @param usedAt    when it was used (or replaced by a newer one), or {@code null}
 */
public record ContactVerification(UUID id, VerificationPurpose purpose, CustomerId customer, String address,
                                  String tokenHash, Instant createdAt, Instant expiresAt, Instant usedAt) {
    /** Checks the required parts: every one but the customer of a sign-up and the time of use. */
    public ContactVerification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((customer == null) != (purpose == VerificationPurpose.SIGN_UP)) {
            throw new IllegalArgumentException("a sign-up has no customer, every other verification has one");
        }
    }

    /** @param now the current time @return whether it may still be used */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "ContactVerification[id=" + id + ", purpose=" + purpose + ", customer=" + customer + "]";
    }
}
