package org.crmkit.core.shared;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A call made with an idempotency key, as {@link IdempotencyKeys} keeps it: which use case, who called, their key,
 * a fingerprint of what they asked for, and what the call created. It never holds the request's content.
 *
 * @param operation   the use case, such as {@code customer.register}: 1 to 64 ASCII characters
 * @param caller      who called: the actor's type and reference, such as {@code STAFF:0190...}; 1 to 100 characters
 * @param key         the caller's key, 1 to 64 visible ASCII characters
 * @param fingerprint the SHA-256 of the request's content, as 64 lowercase hexadecimal digits
 * @param resultId    the id of what the first call created, or {@code null} while that call runs
 * @param at          when the first call claimed the key
 */
public record IdempotentRequest(String operation, String caller, String key, String fingerprint, UUID resultId,
                                Instant at) {

    /** Checks presence (all but the result). */
    public IdempotentRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
    }

    /**
     * @param resultId what the call created
     * @return this request, completed with its result
     */
    public IdempotentRequest completedWith(UUID resultId) {
        return new IdempotentRequest(operation, caller, key, fingerprint, Objects.requireNonNull(resultId, "resultId"),
                at);
    }

    /** @return whether the other names the same use case, caller and key */
    public boolean sameKey(IdempotentRequest other) {
        return operation.equals(other.operation) && caller.equals(other.caller) && key.equals(other.key);
    }
}
