package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feedback given and answered at once by two threads, on a real MySQL-compatible server. */
class FeedbackConcurrencyIT {
    private static final Actor SYSTEM = Actor.system("feedback-race");
    private static final int ROUNDS = 10;

    private Crm crm;
    private ProductView product;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence()).build();
        product = crm.products().create(SYSTEM, new CreateProductCommand("RACE-1", "Raced", null, null,
                new BigDecimal("5.00"), "EUR"));
    }

    private PurchaseView purchase(int round) {
        CustomerView customer = crm.customers().register(SYSTEM, new RegisterCustomerCommand("Rita", "Racer " + round,
                "racer-" + round + "@example.org", null, null, null, null, CustomerSource.WEB, null, false));
        return crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer.id(),
                Instant.parse("2026-01-10T10:00:00Z"), SalesChannel.WEB, "race", "R-" + round, "EUR",
                List.of(new RecordPurchaseCommand.Line(1, product.id(), 1, new BigDecimal("5.00")))));
    }

    @Test
    void twoFeedbacksOnTheSameProductOfAPurchaseAtOnceStoreExactlyOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseView p = purchase(round);
            Actor customer = Actor.customer(p.customer());

            List<ParallelCalls.Outcome<FeedbackView>> outcomes = ParallelCalls.run(2, i -> () -> crm.feedback()
                    .give(customer, new GiveFeedbackCommand(p.customer(), p.id(), product.id(), 1 + i * 4,
                            "thread " + i)));

            assertThat(outcomes).as("round %d", round).filteredOn(ParallelCalls.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(o -> {
                assertThat(o.failed()).isInstanceOf(ConflictException.class);
                assertThat(o.code()).isEqualTo("duplicate");
                assertThat(((ConflictException) o.failed()).field()).isEqualTo("productId");
            });
            FeedbackView winner = outcomes.stream().filter(ParallelCalls.Outcome::succeeded).findFirst()
                    .orElseThrow().value();
            assertThat(crm.feedback().history(SYSTEM, new CustomerFeedbackQuery(p.customer(), PageRequest.first(10)))
                    .items()).as("round %d: stored", round).containsExactly(winner);
        }
    }

    @Test
    void twoStaffAnsweringTheSameFeedbackAtOnceOneWinsTheOtherIsAConflict() throws Exception {
        Actor agent = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.SUPPORT_AGENT);
        Actor manager = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.SUPPORT_MANAGER);
        List<Actor> staff = List.of(agent, manager);
        for (int round = 0; round < ROUNDS; round++) {
            PurchaseView p = purchase(round);
            FeedbackView given = crm.feedback().give(Actor.customer(p.customer()), new GiveFeedbackCommand(
                    p.customer(), p.id(), product.id(), 2, "Broke on day one"));

            List<ParallelCalls.Outcome<FeedbackView>> outcomes = ParallelCalls.run(2, i -> () -> crm.feedback()
                    .answer(staff.get(i), new AnswerFeedbackCommand(given.id(), "Answer " + i, given.version())));

            assertThat(outcomes).as("round %d", round).filteredOn(ParallelCalls.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                    .satisfies(o -> assertThat(o.code()).isEqualTo("stale_version"));
            int winner = outcomes.get(0).succeeded() ? 0 : 1;
            FeedbackView stored = crm.feedback().findById(SYSTEM, given.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.response().text()).isEqualTo("Answer " + winner);
            assertThat(stored.response().respondedBy()).isEqualTo(((Actor.Staff) staff.get(winner)).id());
        }
    }
}
