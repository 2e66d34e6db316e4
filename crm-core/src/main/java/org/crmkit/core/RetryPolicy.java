package org.crmkit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.crmkit.core.shared.CrmException;

/**
 * Whether crmkit calls a use case again, by itself, when it fails with a {@linkplain CrmException#retriable()
 * retriable} error: {@code concurrent_write} (a deadlock, a lock wait that timed out, a Galera certification
 * failure, a TiDB write conflict) or a database node that is not serving. Given to
 * {@code Crm.builder().retryPolicy(...)}; the default is {@link #none()}: the error reaches the host.
 *
 * <p>Safe for every use case: a retriable error means that nothing of the call was stored and no host callback of it
 * ran (notifiers are called after a commit), and the call runs again whole, from its validation on, on the state
 * that is stored by then. What the first attempt would have decided is decided again: a change that carries an
 * expected version is refused as {@code stale_version} when the concurrent write that won changed the record, a
 * creation with an idempotency key returns what the concurrent call with that key created. Other errors
 * ({@code outcome_unknown}, {@code persistence_failure}, refusals) are never retried here. Calls made inside a
 * transaction the host manages (or inside another crmkit call) are not retried: the whole transaction has to run
 * again, which only the host can do.
 *
 * <p>Between two attempts the calling thread waits a random time up to a bound that doubles from the first delay to
 * the maximum (full jitter), so that the colliding callers do not meet again.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    private RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** @return the default: every call is made once, and a retriable error reaches the caller */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * @param maxAttempts how often a call is made at most, the first time included (2 to 10)
     * @return a policy waiting up to 10 ms before the second attempt, doubling up to 200 ms
     * @throws IllegalArgumentException when {@code maxAttempts} is out of range
     */
    public static RetryPolicy attempts(int maxAttempts) {
        if (maxAttempts < 2 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 2 to 10, was " + maxAttempts);
        }
        return new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(200));
    }

    /**
     * @param first the bound of the wait before the second attempt (zero: none)
     * @param max   the largest bound, at least {@code first}, at most a minute
     * @return this policy with that wait between attempts
     * @throws IllegalArgumentException when the durations are negative, out of order or over a minute
     */
    public RetryPolicy backoff(Duration first, Duration max) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0 || max.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("need 0 <= first <= max <= 1 minute, was " + first + ", " + max);
        }
        return new RetryPolicy(maxAttempts, first, max);
    }

    /** @return how often a call is made at most, the first time included (1: no retry) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether a call that failed with {@code e} on attempt {@code attempt} (from 1) is made again. */
    boolean retries(CrmException e, int attempt) {
        return e.retriable() && attempt < maxAttempts;
    }

    /**
     * Waits before the attempt after {@code attempt}.
     *
     * @return false when the thread was interrupted (it stays interrupted, and the call is not made again)
     */
    boolean pause(int attempt) {
        long max = maxDelay.toNanos();
        long bound = firstDelay.toNanos();
        for (int i = 1; i < attempt && bound < max; i++) {
            bound *= 2;
        }
        bound = Math.min(bound, max);
        if (bound <= 0) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1)).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return maxAttempts == 1 ? "RetryPolicy[none]"
                : "RetryPolicy[attempts=" + maxAttempts + ", backoff=" + firstDelay + ".." + maxDelay + "]";
    }
}
