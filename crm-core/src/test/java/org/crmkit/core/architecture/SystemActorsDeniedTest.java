package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.AccessPolicy;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.Test;
import org.crmkit.core.product.ProductPermission;

/**
 * A host whose policy refuses every system actor (it runs no jobs of its own) still has working use cases: areas read
 * and write each other through internal, actor-free ports, not as made-up system actors through the host's policy.
 * What each use case checks is its real caller's permission, and only that.
 */
class SystemActorsDeniedTest {
    /** The default policy, except that no system actor may do anything. */
    private static final AccessPolicy NO_SYSTEM_ACTORS = new AccessPolicy() {
        private final AccessPolicy standard = new DefaultAccessPolicy();

        @Override
        public AccessScope scope(Actor actor, Permission permission) {
            return actor instanceof Actor.SystemProcess ? AccessScope.NONE : standard.scope(actor, permission);
        }
    };

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final Crm crm = Crm.builder().clock(clock).accessPolicy(NO_SYSTEM_ACTORS).build();
    private final Actor manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER, Role.CRM_MANAGER,
            Role.PRODUCT_MANAGER);
    private final Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
    private final ProductView mug = crm.products().create(manager, new CreateProductCommand("MUG-1", "Mug", null,
            null, new BigDecimal("8.00"), "EUR"));
    private final CustomerView ada = crm.customers().register(manager,
            RegisterCustomerCommand.imported("Ada", "Lovelace", "ada@example.com", "C-1"));

    @Test
    void theHostsPolicyReallyRefusesSystemActors() {
        assertThatThrownBy(() -> crm.products().findById(Actor.system("nightly-job"), mug.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPurchaseIsRecordedAndTheLoyaltyStatementReadsWithNoSystemActorAllowed() {
        PurchaseView bought = crm.sales().recordPurchase(manager, RecordPurchaseCommand.otherChannel(ada.id(),
                clock.instant(), "till", "R-1", "EUR", List.of(new RecordPurchaseCommand.Line(1, mug.id(), 2,
                        new BigDecimal("8.00")))));

        LoyaltyStatement statement = crm.loyalty().statement(Actor.customer(ada.id()),
                new LoyaltyStatementQuery(ada.id(), PageRequest.first(10)));

        assertThat(bought.customer()).isEqualTo(ada.id());
        assertThat(statement.account().balance()).as("points the purchase earned").isPositive();
        assertThat(statement.entries().items()).hasSize(1);
    }

    @Test
    void feedbackOnABoughtProductAndATaskForAColleagueCheckTheirLinksWithNoSystemActorAllowed() {
        PurchaseView bought = crm.sales().recordPurchase(manager, RecordPurchaseCommand.otherChannel(ada.id(),
                clock.instant(), "till", "R-2", "EUR", List.of(new RecordPurchaseCommand.Line(1, mug.id(), 1,
                        new BigDecimal("8.00")))));

        FeedbackView given = crm.feedback().give(Actor.customer(ada.id()),
                new GiveFeedbackCommand(ada.id(), bought.id(), mug.id(), 5, "Lovely mug"));
        TaskView task = crm.tasks().create(manager, new CreateTaskCommand("Call Ada", null,
                clock.instant().plus(Duration.ofDays(1)), TaskPriority.MEDIUM, ((Actor.Staff) rep).id(), null, null));

        assertThat(given.rating()).isEqualTo(5);
        assertThat(task.assigneeId()).isEqualTo(((Actor.Staff) rep).id());
    }

    @Test
    void theSalesImportLooksUpAsNoOneAndCreatesAsItsCallerWithTheCallersOwnPermissions() {
        Instant at = clock.instant().minus(Duration.ofHours(1));
        List<SaleLine> file = List.of(
                new SaleLine(2, "INV-1", 1, "MUG-1", "Mug", 3, new BigDecimal("8.00"), at, "C-1", "GB", false),
                new SaleLine(3, "INV-2", 1, "NEW-SKU", "New thing", 1, new BigDecimal("5.00"), at, "C-NEW", "GB",
                        false));
        SalesImportOptions create = SalesImportOptions.strict("shop", "EUR").creatingUnknown();

        ImportSummary summary = crm.sales().importSales(manager, create, file, (read, imported, rejected) -> { });

        assertThat(summary.linesImported()).isEqualTo(2);
        assertThat(summary.productsCreated()).isEqualTo(1);
        assertThat(summary.customersCreated()).isEqualTo(1);
        Actor salesManager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        List<SaleLine> unknownProduct = List.of(new SaleLine(2, "INV-3", 1, "OTHER-SKU", "Other", 1,
                new BigDecimal("5.00"), at, "C-1", "GB", false));
        assertThatThrownBy(() -> crm.sales().importSales(salesManager, create, unknownProduct,
                (read, imported, rejected) -> { }))
                .as("a sales manager may import but not create products, whatever the import's own look-ups may do")
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE));
    }

    @Test
    void anAcceptedQuoteRecordsItsPurchaseWithNoSystemActorAllowed() {
        QuoteView requested = crm.quotes().request(Actor.customer(ada.id()), new RequestQuoteCommand(ada.id(), "EUR",
                List.of(new RequestQuoteCommand.Line(mug.id(), 10)), "For the office"));
        QuoteView answered = crm.quotes().answer(manager, new AnswerQuoteCommand(requested.id(),
                requested.version(), "EUR", List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("7.00"))),
                clock.instant().plus(Duration.ofDays(14)), "Delivery in 5 days"));

        QuoteView accepted = crm.quotes().accept(Actor.customer(ada.id()),
                new AcceptQuoteCommand(answered.id(), answered.version()));

        assertThat(accepted.purchase()).isNotNull();
        assertThat(crm.sales().findById(manager, accepted.purchase())).hasValueSatisfying(p ->
                assertThat(p.customer()).isEqualTo(ada.id()));
    }
}
