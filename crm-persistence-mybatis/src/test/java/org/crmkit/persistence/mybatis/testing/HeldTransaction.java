package org.crmkit.persistence.mybatis.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.testing.ParallelCalls.Outcome;

/**
 * Two calls made to overlap for certain, not by chance: the first runs inside a transaction the test opened (crmkit's
 * own transactions join it), so once the call has returned its locks and uncommitted writes are still held; then the
 * second call starts on another thread, and the first commits only when the server shows the second waiting for a
 * lock, or the second has finished without waiting. A race test that would also pass with the calls one after the
 * other cannot tell a lock from luck; this one can.
 */
public final class HeldTransaction {
    private HeldTransaction() {
    }

    /**
     * What the two calls did.
     *
     * @param first        the held call's outcome
     * @param second       the other call's outcome
     * @param secondWaited whether the server showed the second waiting for a lock while the first was held
     * @param <A>          the first call's result type
     * @param <B>          the second call's result type
     */
    public record Result<A, B>(Outcome<A> first, Outcome<B> second, boolean secondWaited) {
    }

    /**
     * @param unitOfWork the unit of work the calls' transactions run on, so the first call joins the held one
     * @param first      the call whose transaction is held open after it returned
     * @param second     the call made while it is held
     * @param <A>        the first call's result type
     * @param <B>        the second call's result type
     * @return both outcomes, and whether the second waited for a lock
     * @throws Exception when a call does not finish within a minute
     */
    public static <A, B> Result<A, B> run(UnitOfWork unitOfWork, Callable<A> first, Callable<B> second)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Outcome<A>> one = pool.submit(() -> outcome(() -> unitOfWork.inTransaction(() -> {
                try {
                    A value = call(first);
                    held.countDown();
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the held transaction was never released");
                    }
                    return value;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    held.countDown();
                }
            })));
            if (!held.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the first call did not return within a minute");
            }
            Future<Outcome<B>> two = pool.submit(() -> outcome(second));
            boolean waited = !one.isDone() && LockWaits.awaitWaitingOrDone(1, two::isDone);
            release.countDown();
            return new Result<>(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS), waited);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcome(Callable<T> call) throws Exception {
        try {
            return new Outcome<>(call.call(), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
