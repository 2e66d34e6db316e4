package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.testing.KeyedCreations;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every creating use case that takes an idempotency key (issue 17, finding 3), under faults on MariaDB: a commit
 * whose acknowledgement is lost is {@code outcome_unknown} and its retry with the key creates nothing more; a
 * statement that fails midway leaves nothing stored and the retry creates once; two calls racing with one key create
 * once and both return it.
 */
class IdempotentCreationFaultsIT {
    private FaultyDataSource faults;
    private KeyedCreations creations;

    @BeforeEach
    void setUp() {
        TestDatabase.get().emptyPersistence();
        faults = new FaultyDataSource(TestDatabase.get().dataSource());
        TicketWorld world = new TicketWorld(MyBatisCrmPersistence.builder(faults).migrate(false).build(),
                TicketWorld.MONDAY_9, SlaBreachNotifier.logging());
        creations = new KeyedCreations(world);
    }

    private KeyedCreations.Creation creation(String action) {
        return creations.all().stream().filter(c -> c.action().equals(action)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.register", "lead.create", "interaction.log", "quote.request", "task.create",
            "ticket.submit", "ticket.comment"})
    void aLostCommitAcknowledgementIsOutcomeUnknownAndTheRetryWithTheKeyCreatesNothingMore(String action) {
        KeyedCreations.Creation creation = creation(action);
        int before = creations.count(creation);
        faults.dropAfterCommit();

        PersistenceFailureException lost = catchThrowableOfType(PersistenceFailureException.class,
                () -> creation.call("lost-ack"));

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(lost.is(CrmError.OUTCOME_UNKNOWN)).as("code %s", lost.code()).isTrue();
        // the first COMMIT of the call loses its acknowledgement: the change's (created) or a read's before it (not)
        assertThat(creations.count(creation)).isBetween(before, before + 1);

        creation.call("lost-ack");

        assertThat(creations.count(creation)).as("the retry created nothing more").isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.register", "lead.create", "interaction.log", "quote.request", "task.create",
            "ticket.submit", "ticket.comment"})
    void aStatementFailingMidwayStoresNothingAndTheRetryCreatesOnce(String action) {
        KeyedCreations.Creation creation = creation(action);
        int before = creations.count(creation);
        // the audit entry is written last: the record and the key before it are rolled back with it
        faults.failStatement("INSERT INTO crm_audit_entry", 1);

        PersistenceFailureException failed = catchThrowableOfType(PersistenceFailureException.class,
                () -> creation.call("midway"));

        assertThat(failed.is(CrmError.PERSISTENCE_FAILURE)).as("code %s", failed.code()).isTrue();
        assertThat(creations.count(creation)).as("nothing stored").isEqualTo(before);

        UUID created = creation.call("midway");

        assertThat(creation.call("midway")).isEqualTo(created);
        assertThat(creations.count(creation)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.register", "lead.create", "interaction.log", "quote.request", "task.create",
            "ticket.submit", "ticket.comment"})
    void callsRacingWithOneKeyCreateOnceAndAllReturnIt(String action) throws Exception {
        KeyedCreations.Creation creation = creation(action);
        int before = creations.count(creation);

        List<ParallelCalls.Outcome<UUID>> outcomes = ParallelCalls.run(4, i -> () -> creation.call("racing"));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded()).as("%s", o.failed()).isTrue());
        assertThat(outcomes.stream().map(ParallelCalls.Outcome::value).distinct()).hasSize(1);
        assertThat(creations.count(creation)).isEqualTo(before + 1);
    }
}
