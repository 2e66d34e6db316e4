package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The creating use cases whose records carry a natural unique key (a department's name, a staff user's work email, a
 * SKU, a purchase's source and reference, one rating per purchase and product), under faults on MariaDB: a commit
 * whose acknowledgement is lost is {@code outcome_unknown}, and the retry finds the first call's record (the purchase
 * returns it; the others refuse the duplicate naming it) instead of creating a second; a statement failing midway
 * stores nothing and the retry creates once.
 */
class NaturalKeyFaultsIT {
    private FaultyDataSource faults;
    private TicketWorld world;

    @BeforeEach
    void setUp() {
        TestDatabase.get().emptyPersistence();
        faults = new FaultyDataSource(TestDatabase.get().dataSource());
        world = new TicketWorld(MyBatisCrmPersistence.builder(faults).migrate(false).build(), TicketWorld.MONDAY_9,
                SlaBreachNotifier.logging());
    }

    private Supplier<UUID> call(String action) {
        return switch (action) {
            case "department.create" -> () -> world.crm.departments().create(TicketWorld.SYSTEM,
                    new CreateDepartmentCommand("Field sales", null)).id().value();
            case "staff.create" -> () -> world.crm.staff().create(TicketWorld.SYSTEM, CreateStaffCommand.builder()
                    .firstName("Sam").lastName("Seller").workEmail("sam.seller@example.org")
                    .roles(Set.of("SALES_REP")).build()).id().value();
            case "product.create" -> () -> world.crm.products().create(TicketWorld.SYSTEM, new CreateProductCommand(
                    "PEN-1", "Pen", null, null, new BigDecimal("2.50"), "EUR")).id().value();
            case "purchase.record" -> () -> world.crm.sales().recordPurchase(TicketWorld.SYSTEM,
                    new RecordPurchaseCommand(world.bob.id(), TicketWorld.MONDAY_9.minusSeconds(60), SalesChannel.STORE,
                            "shop", "ORDER-BOB-1", "EUR", List.of(new RecordPurchaseCommand.Line(1, world.lamp.id(), 1,
                            new BigDecimal("12.00"))))).id().value();
            case "feedback.give" -> () -> world.crm.feedback().give(world.aliceActor, new GiveFeedbackCommand(
                    world.alice.id(), world.alicesPurchase.id(), world.mug.id(), 4, "Nice mug")).id().value();
            default -> throw new IllegalArgumentException(action);
        };
    }

    private int count(String action) {
        return world.store.unitOfWork().inTransaction(() -> world.store.auditLog().search(new AuditCriteria(null,
                null, action, null, null, null, null, null, AuditOutcome.SUCCESS), 10_000).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"department.create", "staff.create", "product.create", "purchase.record",
            "feedback.give"})
    void aLostCommitAcknowledgementIsOutcomeUnknownAndTheRetryFindsTheFirstRecord(String action) {
        int before = count(action);
        faults.dropAfterCommit();

        PersistenceFailureException lost = catchThrowableOfType(PersistenceFailureException.class,
                () -> call(action).get());

        assertThat(lost.is(CrmError.OUTCOME_UNKNOWN)).as("code %s", lost.code()).isTrue();
        assertThat(count(action)).isBetween(before, before + 1);
        boolean stored = count(action) == before + 1;

        Throwable retry = catchThrowable(() -> call(action).get());

        assertThat(count(action)).as("one record, whatever the retry answers").isEqualTo(before + 1);
        if (stored && retry != null) {
            assertThat(retry).isInstanceOfSatisfying(ConflictException.class,
                    c -> assertThat(c.code()).isEqualTo("duplicate"));
        } else {
            assertThat(retry).as("the retry created what the first call did not, or returned it").isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"department.create", "staff.create", "product.create", "purchase.record",
            "feedback.give"})
    void aStatementFailingMidwayStoresNothingAndTheRetryCreatesOnce(String action) {
        int before = count(action);
        faults.failStatement("INSERT INTO crm_audit_entry", 1);

        PersistenceFailureException failed = catchThrowableOfType(PersistenceFailureException.class,
                () -> call(action).get());

        assertThat(failed.is(CrmError.PERSISTENCE_FAILURE)).as("code %s", failed.code()).isTrue();
        assertThat(count(action)).as("nothing stored").isEqualTo(before);

        call(action).get();

        assertThat(count(action)).isEqualTo(before + 1);
    }
}
