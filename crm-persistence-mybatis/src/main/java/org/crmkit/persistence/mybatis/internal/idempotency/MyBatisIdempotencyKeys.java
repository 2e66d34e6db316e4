package org.crmkit.persistence.mybatis.internal.idempotency;

import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.IdempotentRequest;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * The idempotency keys in {@code crm_idempotency_key}. A claim inserts the key's row or, when another transaction
 * holds it, waits for that transaction's exclusive lock (INSERT ... ON DUPLICATE KEY UPDATE), then reads the row
 * back with a locking read, which sees the latest committed version whatever the transaction's snapshot: the claim
 * id it carries tells this call's insert from an earlier call's row.
 */
public final class MyBatisIdempotencyKeys implements IdempotencyKeys {
    private final MyBatisUnitOfWork unitOfWork;
    private final IdempotencyMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisIdempotencyKeys(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(IdempotencyMapper.class);
    }

    @Override
    public Optional<IdempotentRequest> claim(IdempotentRequest request) {
        UUID claim = UUID.randomUUID();
        return unitOfWork.inTransaction(() -> {
            mapper.insertIfAbsent(new KeyRow(request.operation(), request.caller(), request.key(),
                    request.fingerprint(), null, request.at(), claim));
            KeyRow row = mapper.selectForUpdate(request.operation(), request.caller(), request.key());
            if (row == null) {
                throw new IllegalStateException("the claimed idempotency key's row is missing");
            }
            if (row.claimId().equals(claim)) {
                return Optional.<IdempotentRequest>empty();
            }
            return Optional.of(new IdempotentRequest(row.operation(), row.caller(), row.requestKey(),
                    row.fingerprint(), row.resultId(), row.claimedAt()));
        });
    }

    @Override
    public void complete(IdempotentRequest request, UUID resultId) {
        unitOfWork.inTransaction(() -> {
            if (mapper.updateResult(request.operation(), request.caller(), request.key(), resultId) != 1) {
                throw new IllegalStateException("complete of an idempotency key this transaction did not claim");
            }
        });
    }
}
