package org.crmkit.core.internal.inmemory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.IdempotentRequest;

/**
 * The idempotency keys in memory, inside the unit of work. Its transactions run one at a time, so a claim never
 * meets another transaction's uncommitted key.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    private final InMemoryUnitOfWork unitOfWork;
    private final Map<List<String>, IdempotentRequest> requests = new HashMap<>();

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryIdempotencyKeys(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<IdempotentRequest> claim(IdempotentRequest request) {
        return unitOfWork.inTransaction(() -> {
            List<String> key = keyOf(request);
            IdempotentRequest earlier = requests.get(key);
            if (earlier != null) {
                return Optional.of(earlier);
            }
            requests.put(key, request);
            unitOfWork.onRollback(() -> requests.remove(key));
            return Optional.<IdempotentRequest>empty();
        });
    }

    @Override
    public void complete(IdempotentRequest request, UUID resultId) {
        unitOfWork.inTransaction(() -> {
            List<String> key = keyOf(request);
            IdempotentRequest claimed = requests.get(key);
            if (claimed == null || !claimed.fingerprint().equals(request.fingerprint())) {
                throw new IllegalStateException("complete of a key this transaction did not claim");
            }
            requests.put(key, claimed.completedWith(resultId));
            unitOfWork.onRollback(() -> requests.put(key, claimed));
        });
    }

    private static List<String> keyOf(IdempotentRequest request) {
        return List.of(request.operation(), request.caller(), request.key());
    }
}
