package org.crmkit.persistence.mybatis;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatistics;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedbackQuery;
import org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The feedback use cases on MySQL, beside the in-memory default: the same ratings, answers and erasure give the same
 * statistics on both (one {@code GROUP BY} against the in-memory tally), and an erasure through the customer area
 * blanks the texts on MySQL in the erasure's transaction.
 */
class FeedbackUseCasesOnMySqlIT {
    private static final Actor SYSTEM = Actor.system("feedback-mysql");
    private static final Instant START = Instant.parse("2026-02-01T08:00:00Z");

    /** What one run of the script saw. */
    private record Seen(List<FeedbackStatistics> statistics, List<Integer> unansweredRatings,
                        List<FeedbackView> erasedCustomersFeedback) {
    }

    private static Seen script(AreaPorts persistence) {
        MutableClock clock = new MutableClock(START);
        Crm crm = Crm.builder().clock(clock).persistence(persistence).build();
        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        Actor manager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        List<ProductView> products = new ArrayList<>();
        for (String sku : List.of("PEN-1", "INK-1", "PAD-1")) {
            products.add(crm.products().create(SYSTEM, new CreateProductCommand(sku, sku, null, null,
                    new BigDecimal("3.00"), "EUR")));
        }
        Random random = new Random(42);
        List<CustomerView> customers = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            CustomerView customer = crm.customers().register(SYSTEM, new RegisterCustomerCommand("Kim", "Rater " + c,
                    "rater-" + c + "@example.org", null, null, null, null, CustomerSource.WEB, null, false));
            customers.add(customer);
            PurchaseView p = crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer.id(), START,
                    SalesChannel.WEB, "shop", "O-" + c, "EUR", products.stream().map(pv -> new RecordPurchaseCommand
                            .Line(products.indexOf(pv) + 1, pv.id(), 1, new BigDecimal("3.00"))).toList()));
            for (ProductView product : products) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
                times.add(clock.instant());
                FeedbackView f = crm.feedback().give(Actor.customer(customer.id()), new GiveFeedbackCommand(
                        customer.id(), p.id(), product.id(), 1 + random.nextInt(5), "Comment of " + c));
                if (random.nextInt(3) == 0) {
                    crm.feedback().answer(agent, new AnswerFeedbackCommand(f.id(), "Thanks " + c, f.version()));
                }
            }
        }
        crm.customers().erase(manager, customers.get(0).id());

        List<FeedbackStatistics> statistics = new ArrayList<>();
        for (ProductView product : products) {
            statistics.add(crm.feedback().statistics(manager, FeedbackStatisticsQuery.allTime(product.id())));
            statistics.add(crm.feedback().statistics(manager, new FeedbackStatisticsQuery(product.id(),
                    times.get(times.size() / 4), times.get(3 * times.size() / 4))));
            statistics.add(crm.feedback().statistics(manager, new FeedbackStatisticsQuery(product.id(), null,
                    times.get(times.size() / 2))));
        }
        List<Integer> unanswered = new ArrayList<>();
        UnansweredFeedbackQuery query = UnansweredFeedbackQuery.first(7);
        while (true) {
            var page = crm.feedback().unanswered(manager, query);
            page.items().forEach(v -> unanswered.add(v.rating()));
            if (!page.hasNext()) {
                break;
            }
            query = query.next(page);
        }
        List<FeedbackView> erased = crm.feedback().history(manager, new CustomerFeedbackQuery(customers.get(0).id(),
                PageRequest.first(10))).items();
        assertThat(crm.feedback().forProduct(manager, new ProductFeedbackQuery(products.get(0).id(),
                PageRequest.first(200))).items()).isNotEmpty();
        return new Seen(statistics, unanswered, erased);
    }

    private static List<Object> figures(FeedbackStatistics s) {
        return List.of(String.valueOf(s.from()), String.valueOf(s.before()), s.count(), s.average(),
                s.distribution(), s.unanswered());
    }

    @Test
    void theSameFeedbackGivesTheSameStatisticsQueueAndErasureOnMySqlAsInMemory() {
        Seen inMemory = script(new AreaPorts(InMemoryCrmPersistence.create()));
        Seen onMySql = script(new AreaPorts(TestDatabase.get().emptyPersistence()));

        // the products' ids differ between the runs; everything else must not
        assertThat(onMySql.statistics()).map(FeedbackUseCasesOnMySqlIT::figures)
                .isEqualTo(inMemory.statistics().stream().map(FeedbackUseCasesOnMySqlIT::figures).toList());
        assertThat(onMySql.statistics()).anySatisfy(s -> assertThat(s.count()).isGreaterThan(3));
        assertThat(onMySql.unansweredRatings()).isEqualTo(inMemory.unansweredRatings()).isNotEmpty();
        assertThat(onMySql.erasedCustomersFeedback()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.erased()).isTrue();
            assertThat(v.comment()).isNull();
            assertThat(v.response() == null || v.response().text() == null).isTrue();
        });
        assertThat(onMySql.erasedCustomersFeedback()).map(FeedbackView::rating)
                .isEqualTo(inMemory.erasedCustomersFeedback().stream().map(FeedbackView::rating).toList());
    }
}
