package org.crmkit.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The series of {@link ThreadBoundUnitOfWork} on an adapter that keeps its state between transactions (as MyBatis
 * keeps a session): which transactions share a state, and that every state begun is ended once.
 */
class ThreadBoundUnitOfWorkTest {

    /** A state per begin, named by its number; records what happened to it. */
    private static final class Recording extends ThreadBoundUnitOfWork<Integer> {
        private final AtomicInteger begun = new AtomicInteger();
        private final List<String> log = new ArrayList<>();
        private final Duration maxIdle;
        private boolean failNextCommit;

        Recording(Duration maxIdle) {
            this.maxIdle = maxIdle;
        }

        @Override
        protected Integer begin() {
            int state = begun.incrementAndGet();
            log.add("begin " + state);
            return state;
        }

        @Override
        protected void commit(Integer state) {
            if (failNextCommit) {
                failNextCommit = false;
                throw new IllegalStateException("commit failed");
            }
            log.add("commit " + state);
        }

        @Override
        protected void rollback(Integer state) {
            log.add("rollback " + state);
        }

        @Override
        protected void end(Integer state) {
            log.add("end " + state);
        }

        @Override
        protected boolean keepsStateBetweenTransactions() {
            return true;
        }

        @Override
        protected Duration maxIdleBetweenTransactions() {
            return maxIdle;
        }

        int state() {
            return currentState();
        }
    }

    private final Recording unitOfWork = new Recording(Duration.ofHours(1));

    @Test
    void theTransactionsOfASeriesShareOneStateEndedWithTheSeries() {
        List<Integer> seen = new ArrayList<>();
        unitOfWork.inSeries(() -> {
            for (int i = 0; i < 3; i++) {
                unitOfWork.inTransaction(() -> seen.add(unitOfWork.state()));
            }
            return null;
        });
        assertThat(seen).containsExactly(1, 1, 1);
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "commit 1", "commit 1", "end 1");
    }

    @Test
    void aRollbackEndsTheStateAndTheNextTransactionBeginsAFreshOne() {
        unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> { });
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
                throw new IllegalStateException("fails");
            })).hasMessage("fails");
            unitOfWork.inTransaction(() -> { });
            return null;
        });
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "rollback 1", "end 1", "begin 2",
                "commit 2", "end 2");
    }

    @Test
    void aFailedCommitRollsBackAndEndsTheState() {
        unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> { });
            unitOfWork.failNextCommit = true;
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> { })).hasMessage("commit failed");
            unitOfWork.inTransaction(() -> { });
            return null;
        });
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "rollback 1", "end 1", "begin 2",
                "commit 2", "end 2");
    }

    @Test
    void aStateKeptIdleLongerThanTheLimitIsEndedAndTheNextTransactionBeginsAFreshOne() {
        Recording impatient = new Recording(Duration.ofMillis(1));
        impatient.inSeries(() -> {
            impatient.inTransaction(() -> { });
            pause(20);
            impatient.inTransaction(() -> { });
            return null;
        });
        assertThat(impatient.log).containsExactly("begin 1", "commit 1", "end 1", "begin 2", "commit 2", "end 2");
    }

    @Test
    void workThatThrowsBetweenTransactionsEndsTheKeptState() {
        assertThatThrownBy(() -> unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> { });
            throw new IllegalStateException("between");
        })).hasMessage("between");
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "end 1");
        unitOfWork.inTransaction(() -> { });
        assertThat(unitOfWork.log).as("after the series, a transaction of its own")
                .endsWith("begin 2", "commit 2", "end 2");
    }

    @Test
    void aNestedSeriesJoinsTheOuterOne() {
        unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> { });
            unitOfWork.inSeries(() -> {
                unitOfWork.inTransaction(() -> { });
                return null;
            });
            unitOfWork.inTransaction(() -> { });
            return null;
        });
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "commit 1", "commit 1", "end 1");
    }

    @Test
    void anAfterCommitActionThatRunsATransactionTakesPartInTheSeries() {
        unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> unitOfWork.afterCommit(() -> unitOfWork.inTransaction(() -> { })));
            return null;
        });
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "commit 1", "end 1");
    }

    @Test
    void outsideASeriesEveryTransactionBeginsAndEndsItsOwnState() {
        unitOfWork.inTransaction(() -> { });
        unitOfWork.inTransaction(() -> { });
        assertThat(unitOfWork.log).containsExactly("begin 1", "commit 1", "end 1", "begin 2", "commit 2", "end 2");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
