package org.crmkit.core.shared.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.IdempotentRequest;

/**
 * The idempotency keys of creating use cases (ADR 0012): a keyed call claims its key in the change's transaction
 * and records what it created; a retry finds the key taken and is answered with the first call's result, read in a
 * fresh transaction ({@link UseCaseSupport#transaction} catches the {@link Replay} this throws). Reached through
 * {@link UseCaseSupport#once}.
 */
final class IdempotentCalls {
    private final IdempotencyKeys keys;

    IdempotentCalls(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /**
     * Runs a creating use case's work at most once per use case, caller and idempotency key. Call inside
     * {@link UseCaseSupport#transaction}, once the caller is authorized and before anything is written. Without a key the work
     * simply runs. With a key new to this caller and use case, the key is claimed, the work runs and the key records
     * the id of what it created, all in the current transaction. With a key a committed call of the same command
     * holds, nothing is written: {@link UseCaseSupport#transaction} returns what {@code replay} reads of that call's result, in a
     * fresh transaction. A concurrent call with the same key waits for the first to end.
     *
     * @param actor     the caller (the key is theirs alone)
     * @param operation the use case, such as {@code customer.register}
     * @param key       the caller's idempotency key, or {@code null}
     * @param command   the command: its content, the key left out, must equal the first call's
     * @param now       the claim's time
     * @param work      creates, returning the view of what it created
     * @param idOf      the id of what a view shows
     * @param replay    reads the view of what the first call created, by its id
     * @param <T>       the view type
     * @return the work's view (or, through {@link UseCaseSupport#transaction}, the first call's)
     * @throws ConflictException {@code duplicate} on {@code idempotencyKey} when the key was used with another command
     */
    <T> T once(Actor actor, String operation, String key, Record command, Instant now, Supplier<T> work,
               Function<T, UUID> idOf, Function<UUID, T> replay) {
        if (key == null) {
            return work.get();
        }
        IdempotentRequest request = new IdempotentRequest(operation, actor.type().name() + ":" + actor.reference(),
                key, RequestFingerprint.of(command), null, now);
        Optional<IdempotentRequest> earlier = keys.claim(request);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(request.fingerprint()) || earlier.get().resultId() == null) {
                throw keyReused();
            }
            UUID first = earlier.get().resultId();
            throw new Replay(() -> replay.apply(first));
        }
        T result = work.get();
        keys.complete(request, idOf.apply(result));
        return result;
    }

    /** @return the refusal of a key sent again with another request: {@code duplicate} on {@code idempotencyKey} */
    static ConflictException keyReused() {
        return ConflictException.referenceTaken(CrmError.DUPLICATE, "idempotencyKey was used before with another "
                + "request", "idempotencyKey");
    }

    /** Carries a keyed call's replay out of the transaction that found the key taken: see {@link #once}. */
    static final class Replay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Supplier<?> read;

        private Replay(Supplier<?> read) {
            super("replayed", null, false, false);
            this.read = read;
        }

        /** @return what reads the first call's result */
        Supplier<?> read() {
            return read;
        }
    }
}
