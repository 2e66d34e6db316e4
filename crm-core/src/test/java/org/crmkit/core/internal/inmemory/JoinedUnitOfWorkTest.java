package org.crmkit.core.internal.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.spi.ThreadBoundUnitOfWork;
import org.junit.jupiter.api.Test;

/** The adapter's transaction with the in-memory one inside it: one outcome for both, in that order. */
class JoinedUnitOfWorkTest {
    private final List<String> log = new ArrayList<>();
    private final Recording adapter = new Recording("adapter", log);
    private final Recording memory = new Recording("memory", log);
    private final JoinedUnitOfWork joined = new JoinedUnitOfWork(adapter, memory);

    @Test
    void workThatReturnsCommitsTheInMemoryPartJustBeforeTheAdaptersAndRunsAfterCommitActionsAfterBoth() {
        String result = joined.inTransaction(() -> {
            joined.afterCommit(() -> log.add("after commit"));
            log.add("work");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(log).containsExactly("adapter begin", "memory begin", "work", "memory commit", "adapter commit",
                "after commit");
    }

    @Test
    void workThatThrowsRollsBothBackAndRunsNoAfterCommitAction() {
        assertThatThrownBy(() -> joined.inTransaction(() -> {
            joined.afterCommit(() -> log.add("after commit"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(log).containsExactly("adapter begin", "memory begin", "memory rollback", "adapter rollback");
    }

    @Test
    void nestedCallsJoinTheOuterTransactionOfBoth() {
        joined.inTransaction(() -> {
            joined.inTransaction(() -> log.add("inner"));
            return null;
        });

        assertThat(log).containsExactly("adapter begin", "memory begin", "inner", "memory commit", "adapter commit");
    }

    @Test
    void aFailingAdapterCommitRollsTheAdapterBackButLeavesTheInMemoryPartCommittedAsDocumented() {
        adapter.failCommit = true;

        assertThatThrownBy(() -> joined.inTransaction(() -> log.add("work"))).hasMessage("adapter commit failed");

        assertThat(log).containsExactly("adapter begin", "memory begin", "work", "memory commit", "adapter rollback");
    }

    @Test
    void whetherACallStartsItsOwnTransactionIsTheAdaptersAnswer() {
        assertThat(joined.startsOwnTransaction()).isTrue();
        joined.inTransaction(() -> assertThat(joined.startsOwnTransaction()).isFalse());
    }

    /** A unit of work that writes its steps to a shared log. */
    private static final class Recording extends ThreadBoundUnitOfWork<String> {
        private final String name;
        private final List<String> log;
        boolean failCommit;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        protected String begin() {
            log.add(name + " begin");
            return name;
        }

        @Override
        protected void commit(String state) {
            if (failCommit) {
                throw new IllegalStateException(name + " commit failed");
            }
            log.add(name + " commit");
        }

        @Override
        protected void rollback(String state) {
            log.add(name + " rollback");
        }
    }
}
