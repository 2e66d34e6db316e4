package org.crmkit.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs calls on their own threads, released together, and collects each one's result or exception. */
public final class ParallelCalls {
    private ParallelCalls() {
    }

    /**
     * One call's outcome.
     *
     * @param value  its result, when it returned
     * @param failed its exception, when it threw
     * @param <T>    result type
     */
    public record Outcome<T>(T value, RuntimeException failed) {
        /** @return whether the call returned */
        public boolean succeeded() {
            return failed == null;
        }

        /** @return the error code of a {@code CrmException}, or the exception's class name, or "ok" */
        public String code() {
            if (failed == null) {
                return "ok";
            }
            return failed instanceof org.crmkit.core.shared.CrmException crm ? crm.code()
                    : failed.getClass().getName();
        }
    }

    /**
     * @param threads how many calls
     * @param call    the call of each thread, by index
     * @param <T>     result type
     * @return the outcomes, by index
     * @throws Exception when a thread does not finish within a minute
     */
    public static <T> List<Outcome<T>> run(int threads, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> work = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new Outcome<>(work.call(), null);
                    } catch (RuntimeException e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
