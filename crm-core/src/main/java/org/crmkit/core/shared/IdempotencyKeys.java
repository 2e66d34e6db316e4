package org.crmkit.core.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Outbound port of the idempotency keys: the calls that creating use cases ran with a caller's key, so that a retry
 * with the same key (after {@code outcome_unknown}, say) returns what the first call created instead of creating it
 * twice. A key is claimed and completed in the transaction of the change it guards, and kept or dropped with it.
 *
 * <p>A key belongs to one use case and one caller ({@link IdempotentRequest#operation},
 * {@link IdempotentRequest#caller}): the same key sent by another caller, or to another use case, is another key.
 */
public interface IdempotencyKeys {

    /**
     * Claims a key for the current transaction. When another transaction holds the same key uncommitted, waits for
     * it to end: after its commit the key is taken, after its rollback this call claims it.
     *
     * @param request the call, without its result
     * @return empty when this call claimed the key; otherwise the committed request that holds it, with its result
     */
    Optional<IdempotentRequest> claim(IdempotentRequest request);

    /**
     * Records what the call that claimed the key created, in the same transaction.
     *
     * @param request  the claimed call, as passed to {@link #claim}
     * @param resultId the id of what it created
     */
    void complete(IdempotentRequest request, UUID resultId);
}
