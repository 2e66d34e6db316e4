package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales and loyalty sections of a GDPR access export, on the adapter under test: every purchase (with its
 * returns) and the whole loyalty ledger of the person, as the use cases show them, and nothing of anyone else. The
 * sections read through {@code PurchaseRepository.findByCustomer} and {@code LoyaltyRepository.find} and
 * {@code entries}, page after page.
 */
public abstract class PersonalDataExportContract extends PortContract {
    private static final Actor SYSTEM = Actor.system("export-sections-test");
    private static final Instant BOUGHT = Instant.parse("2026-03-01T15:30:00Z");

    private MutableClock clock;
    private Crm crm;
    private Actor manager;
    private ProductView mug;
    private CustomerView alice;
    private CustomerView bob;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        crm = Crm.builder().clock(clock).persistence(persistence).build();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        mug = crm.products().create(SYSTEM, new CreateProductCommand("MUG-1", "Mug", null, null,
                new BigDecimal("10.00"), "EUR"));
        alice = register("Alice", "alice@example.org");
        bob = register("Bob", "bob@example.org");
    }

    @Test
    void theExportHoldsEveryPurchaseWithItsReturnsAndTheWholeLedgerOfThePersonOnly() {
        PurchaseView first = buy(alice, "A-1", 5);
        buy(alice, "A-2", 2);
        buy(bob, "B-1", 3);
        buy(null, "ANON-1", 4);
        clock.advance(Duration.ofMinutes(1));
        crm.sales().recordReturn(SYSTEM, new RecordReturnCommand(first.id(),
                List.of(new RecordReturnCommand.Line(1, 2)), null));
        clock.advance(Duration.ofMinutes(1));
        crm.loyalty().redeem(manager, new RedeemPointsCommand(alice.id(), 10, "KEY-1", "coffee"));

        PersonalDataExport export = crm.customers().exportPersonalData(Actor.customer(alice.id()), alice.id());

        assertThat(export.sections()).extracting(PersonalDataSection::name)
                .containsExactly(PersonalDataSection.PURCHASES, PersonalDataSection.LOYALTY_ACCOUNT,
                        PersonalDataSection.LOYALTY_LEDGER);
        List<PurchaseView> purchases = export.section("purchases", PurchaseView.class);
        assertThat(purchases).as("as the history shows them, newest first").containsExactlyElementsOf(history(alice))
                .extracting(PurchaseView::externalReference).containsExactly("A-2", "A-1");
        assertThat(purchases.get(1).returns()).as("with the return").hasSize(1);
        LoyaltyStatement statement = crm.loyalty().statement(manager, new LoyaltyStatementQuery(alice.id(),
                PageRequest.first(200)));
        assertThat(export.section("loyalty_account", LoyaltyAccountView.class)).containsExactly(statement.account());
        assertThat(export.section("loyalty_ledger", LedgerEntryView.class))
                .containsExactlyElementsOf(statement.entries().items()).extracting(LedgerEntryView::kind)
                .containsExactly(EntryKind.REDEEM, EntryKind.CLAWBACK, EntryKind.EARN, EntryKind.EARN);
        assertThat(statement.account().balance()).as("50 + 20 earned, 20 clawed back, 10 redeemed").isEqualTo(40);
    }

    @Test
    void aPersonWithoutPurchasesOrAccountHasEverySectionEmpty() {
        buy(alice, "A-1", 5);

        PersonalDataExport export = crm.customers().exportPersonalData(manager, bob.id());

        assertThat(export.sections()).extracting(PersonalDataSection::name)
                .containsExactly(PersonalDataSection.PURCHASES, PersonalDataSection.LOYALTY_ACCOUNT,
                        PersonalDataSection.LOYALTY_LEDGER);
        assertThat(export.sections()).allSatisfy(section -> assertThat(section.records()).isEmpty());
        assertThat(export.section("no such section", PurchaseView.class)).isEmpty();
    }

    @Test
    void everyPurchaseAndEntryIsExportedPastTheFirstPage() {
        int count = PersonalDataExporter.PAGE + 1;
        for (int i = 0; i < count; i++) {
            buy(alice, "P-" + i, 1);
        }

        PersonalDataExport export = crm.customers().exportPersonalData(manager, alice.id());

        assertThat(export.section("purchases", PurchaseView.class)).hasSize(count)
                .extracting(PurchaseView::externalReference).doesNotHaveDuplicates();
        assertThat(export.section("loyalty_ledger", LedgerEntryView.class)).hasSize(count)
                .extracting(LedgerEntryView::id).doesNotHaveDuplicates();
    }

    private List<PurchaseView> history(CustomerView customer) {
        List<PurchaseView> all = new ArrayList<>();
        PurchaseHistoryQuery query = new PurchaseHistoryQuery(customer.id(), PageRequest.first(100));
        Page<PurchaseView> page = crm.sales().history(manager, query);
        all.addAll(page.items());
        assertThat(page.hasNext()).as("one page holds the fixture's purchases").isFalse();
        return all;
    }

    private CustomerView register(String name, String email) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(name, "Customer", email, null,
                false));
    }

    /** Records a purchase of mugs, an anonymous sale when {@code customer} is {@code null}. */
    private PurchaseView buy(CustomerView customer, String reference, int quantity) {
        return crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer == null ? null : customer.id(),
                BOUGHT, SalesChannel.STORE, "webshop", reference, "EUR", List.of(new RecordPurchaseCommand.Line(1,
                mug.id(), quantity, mug.listPrice().amount()))));
    }
}
