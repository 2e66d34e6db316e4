package org.crmkit.persistence.mybatis.internal.customer;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_contact_verification}: the token's hash, never the token. */
record ContactVerificationRow(UUID id, String purpose, UUID customerId, String address, String tokenHash,
                              Instant createdAt, Instant expiresAt, Instant usedAt) {

    @Override
    public String toString() {
        return "ContactVerificationRow[id=" + id + ", purpose=" + purpose + ", customerId=" + customerId + "]";
    }
}
