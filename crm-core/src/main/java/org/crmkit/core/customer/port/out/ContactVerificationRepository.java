package org.crmkit.core.customer.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.shared.CustomerId;

/** Stores contact verifications by the hash of their token. Token hashes are unique. */
public interface ContactVerificationRepository {

    /** @param verification a new verification */
    void add(ContactVerification verification);

    /** @param tokenHash hex SHA-256 of a token @return the stored verification, if any */
    Optional<ContactVerification> findByHash(String tokenHash);

    /**
     * Marks a verification used, only if it is still unused: the single-use guarantee. On MySQL a conditional update,
     * so of two concurrent uses exactly one sees {@code true}.
     *
     * @param id the verification
     * @param at when
     * @return whether this call used it
     */
    boolean markUsed(UUID id, Instant at);

    /**
     * Uses up a customer's open verifications of one purpose: a newer request replaces them.
     *
     * @param customer the customer
     * @param purpose  the purpose
     * @param at       when
     * @return how many were marked used
     */
    int markAllUsed(CustomerId customer, VerificationPurpose purpose, Instant at);

    /**
     * Removes every verification of a customer, and every sign-up verification of one of the addresses (a GDPR
     * erasure: the addresses are personal data).
     *
     * @param customer  the customer being erased
     * @param addresses the customer's email and phone as they were stored
     * @return how many were removed
     */
    int deleteAllOf(CustomerId customer, Collection<String> addresses);
}
