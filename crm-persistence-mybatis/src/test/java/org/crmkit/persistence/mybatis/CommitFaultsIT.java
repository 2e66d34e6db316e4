package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit whose acknowledgement is lost (issue 17, finding 3), on MariaDB: the COMMIT reaches the server and is
 * carried out, then the connection drops. The call reports {@code outcome_unknown}, not a failure, and a retry with
 * the same idempotency key returns what the first call stored instead of doing it twice.
 */
class CommitFaultsIT {
    private FaultyDataSource faults;
    private LoyaltyWorld world;
    private CustomerView dana;

    @BeforeEach
    void setUp() {
        TestDatabase.get().emptyPersistence();
        faults = new FaultyDataSource(TestDatabase.get().dataSource());
        world = new LoyaltyWorld(MyBatisCrmPersistence.builder(faults).migrate(false).build(),
                LoyaltyProgram.standard(), Instant.parse("2026-03-02T09:00:00Z"), "c");
        dana = world.crm().customers().register(LoyaltyWorld.SYSTEM,
                RegisterCustomerCommand.imported("Dana", "Diaz", "dana@example.org", "60001"));
    }

    @Test
    void anAdjustmentWhoseCommitAcknowledgementIsLostIsOutcomeUnknownAndItsRetryWithTheKeyDoesNotDouble() {
        AdjustPointsCommand goodwill = new AdjustPointsCommand(dana.id(), 100, "goodwill", "ticket-4711");
        faults.dropAfterCommit();

        PersistenceFailureException lost = catchThrowableOfType(PersistenceFailureException.class,
                () -> world.crm().loyalty().adjust(world.manager(), goodwill));

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(lost.is(CrmError.OUTCOME_UNKNOWN)).as("code %s", lost.code()).isTrue();
        assertThat(balance()).as("the commit was carried out").isEqualTo(100);

        LedgerEntryView retried = world.crm().loyalty().adjust(world.manager(), goodwill);

        assertThat(balance()).as("the retry with the same key adjusted nothing more").isEqualTo(100);
        assertThat(retried.reference()).isEqualTo("ticket-4711");
        assertThat(world.statement(dana.id()).entries().items()).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(retried.id()));
        assertThat(world.sums(dana.id()).hold()).isTrue();
    }

    @Test
    void aRedemptionWhoseCommitAcknowledgementIsLostIsRetriedWithItsKeyOnce() {
        world.crm().loyalty().adjust(world.manager(), new AdjustPointsCommand(dana.id(), 100, "opening"));
        RedeemPointsCommand mug = new RedeemPointsCommand(dana.id(), 40, "till-7-0001");
        faults.dropAfterCommit();

        PersistenceFailureException lost = catchThrowableOfType(PersistenceFailureException.class,
                () -> world.crm().loyalty().redeem(world.manager(), mug));
        LedgerEntryView retried = world.crm().loyalty().redeem(world.manager(), mug);

        assertThat(lost.code()).isEqualTo("outcome_unknown");
        assertThat(retried.points()).isEqualTo(-40);
        assertThat(balance()).isEqualTo(60);
        assertThat(world.sums(dana.id()).hold()).isTrue();
    }

    private long balance() {
        return world.statement(dana.id()).account().balance();
    }
}
