package org.crmkit.persistence.mybatis;

import org.crmkit.core.testing.SignUps;

import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Erasure on MySQL leaves no trace of the person in any column of any crmkit table: the marker test registers a
 * unique marker in every free-text and contact field (of the customer, their lead, interactions, tasks, logins' address
 * and user agent, redemption notes), erases, and scans every column of every {@code crm_} table.
 */
class GdprErasureIT {
    private static final String MARKER = "zqmarker";

    @Test
    void anErasedCustomersMarkerOccursInNoColumnOfAnyCrmTable() throws Exception {
        Crm crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build();
        Actor manager = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.CRM_MANAGER);
        CustomerView c = crm.customers().register(manager, new RegisterCustomerCommand(MARKER + "first",
                MARKER + "last", MARKER + "@" + MARKER + ".example", "+41 44 668 18 99",
                new AddressData(MARKER + " street 1", MARKER + " floor", MARKER.substring(0, 5), MARKER + "ville",
                        MARKER + "region", "CH"),
                LocalDate.of(1980, 1, 2), Gender.DIVERSE, CustomerSource.REFERRAL, MARKER + "-ext", true));
        c = crm.customers().addTag(manager, new CustomerTagCommand(c.id(), MARKER + "-tag", null));
        crm.customers().updateContactDetails(manager, UpdateContactDetailsCommand.of(c.id(), c.version())
                .firstName(MARKER + "first").lastName(MARKER + "last").email(MARKER + "2@" + MARKER + ".example")
                .phone("+41 44 668 18 98")
                .address(c.address() == null ? null : AddressData.builder().line1(MARKER + " street 2")
                        .postalCode(MARKER.substring(0, 5)).city(MARKER + "ville").countryCode("CH").build())
                .dateOfBirth(LocalDate.of(1980, 1, 2)).gender(Gender.DIVERSE).build());
        assertThat(occurrences(MARKER)).as("the marker is stored before erasure").isNotEmpty();

        crm.customers().erase(manager, c.id());

        assertThat(occurrences(MARKER)).isEmpty();
        assertThat(occurrences(MARKER.substring(0, 5))).as("the postal code is erased too").isEmpty();
        CustomerView erased = crm.customers().findById(manager, c.id()).orElseThrow();
        assertThat(erased.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(erased.id()).isEqualTo(c.id());
        assertThat(CrmTestAccess.persistence(crm).auditLog().findByTarget("customer", c.id().value()))
                .extracting(e -> e.action()).contains("customer.register", "customer.erase");
    }

    @Test
    void theLeadACustomerCameFromAndTheirInteractionsKeepNoTraceOfThePerson() throws Exception {
        Crm crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build();
        java.time.Clock clock = java.time.Clock.systemUTC();
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        Actor sales = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        LeadView lead = markedLead(crm, sales, "+41 44 668 18 97", LeadSource.REFERRAL);
        crm.leads().changeStage(sales, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, null));
        CustomerId customer = crm.leads().convert(sales, new LeadCommand(lead.id(), null)).customerId();
        crm.interactions().log(sales, LogInteractionCommand.onCustomer(customer, InteractionType.NOTE, null,
                clock.instant(), MARKER + " note"));
        assertThat(occurrences(MARKER)).as("the marker is stored before erasure").contains("crm_lead.notes",
                "crm_lead_stage_change.reason", "crm_interaction.summary");

        crm.customers().erase(crmManager, customer);

        assertThat(occurrences(MARKER)).isEmpty();
        LeadView erased = crm.leads().findById(sales, lead.id()).orElseThrow();
        assertThat(erased.stage()).isEqualTo(LeadStage.WON);
        assertThat(erased.estimatedValue()).isEqualTo(lead.estimatedValue());
    }

    @Test
    void anErasedLeadThatNeverBecameACustomerKeepsNoTraceOfThePersonInItsHistoryInteractionsOrTasks()
            throws Exception {
        Crm crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build();
        java.time.Clock clock = java.time.Clock.systemUTC();
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        Actor sales = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        LeadView lead = markedLead(crm, sales, "+41 44 668 18 96", LeadSource.WEB_FORM);
        crm.tasks().create(sales, new CreateTaskCommand("Call " + MARKER, MARKER + " description",
                clock.instant().plus(java.time.Duration.ofDays(2)), TaskPriority.HIGH, null,
                TaskLinkData.lead(lead.id()), null));
        assertThat(occurrences(MARKER)).as("the marker is stored before erasure").contains("crm_lead.notes",
                "crm_lead_stage_change.reason", "crm_interaction.summary", "crm_task.title");

        LeadView erased = crm.leads().erase(crmManager, new LeadCommand(lead.id(), null));

        assertThat(occurrences(MARKER)).isEmpty();
        assertThat(occurrences("41446681896")).as("the phone number is erased too").isEmpty();
        assertThat(erased.stage()).isEqualTo(LeadStage.LOST);
        assertThat(crm.leads().findById(sales, lead.id())).contains(erased);
        assertThat(CrmTestAccess.persistence(crm).auditLog().findByTarget("lead", lead.id().value()))
                .extracting(e -> e.action()).containsOnlyOnce("lead.erase");
    }

    @Test
    void anErasedCustomersLoginsAndRedemptionNotesKeepNoTraceOfThePerson() throws Exception {
        Crm crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence())
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000)).build();
        java.time.Clock clock = java.time.Clock.systemUTC();
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        Actor sales = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        AccessContext home = new AccessContext("203.0.113.7, " + MARKER + "-proxy.example",
                "Mozilla/5.0 (" + MARKER + " laptop)");
        CustomerId customer = crm.accounts().signUpCustomer(SignUps.command(crm, MARKER + "first",
                MARKER + "last", MARKER + "@" + MARKER + ".example", null, false, "a long passphrase 42"), home)
                .customerId();
        Actor self = crm.accounts().authenticate(MARKER + "@" + MARKER + ".example", "a long passphrase 42", home);
        org.junit.jupiter.api.Assertions.assertThrows(org.crmkit.core.shared.AuthenticationFailedException.class,
                () -> crm.accounts().authenticate(MARKER + "@" + MARKER + ".example", "wrong", home));
        crm.accounts().logout(self, home);
        ProductView lamp = crm.products().create(Actor.system("gdpr-test"), new CreateProductCommand(
                "LAMP-" + clock.millis(), "lamp", null, null, new java.math.BigDecimal("80.00"), "EUR"));
        crm.sales().recordPurchase(sales, new RecordPurchaseCommand(customer, clock.instant().minusSeconds(60),
                SalesChannel.STORE, "shop", "ORDER-" + clock.millis(), "EUR",
                List.of(new RecordPurchaseCommand.Line(1, lamp.id(), 1, new java.math.BigDecimal("80.00")))));
        crm.loyalty().redeem(self, new RedeemPointsCommand(customer, 10, "web-1", MARKER + " gift for my sister"));
        crm.loyalty().redeem(sales, new RedeemPointsCommand(customer, 5, "till-1", "at the till for " + MARKER));
        assertThat(occurrences(MARKER)).as("the marker is stored before erasure").contains(
                "crm_access_log.source_address", "crm_access_log.user_agent", "crm_loyalty_entry.description");
        long accessRows = count("crm_access_log");
        long ledgerRows = count("crm_loyalty_entry");

        crm.customers().erase(crmManager, customer);

        assertThat(occurrences(MARKER)).isEmpty();
        assertThat(count("crm_access_log")).as("the access log keeps its rows").isEqualTo(accessRows);
        assertThat(count("crm_loyalty_entry")).as("the ledger keeps its entries").isEqualTo(ledgerRows);
        assertThat(crm.loyalty().statement(crmManager, new LoyaltyStatementQuery(customer, PageRequest.first(10)))
                .account().balance()).isEqualTo(80 - 15);
    }

    private static long count(String table) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Scans every column of every row of every crm_ table, as text, for the marker. */
    private static List<String> occurrences(String marker) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TestDatabase.crmTables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] raw = rs.getBytes(i);
                            if (raw != null && new String(raw, java.nio.charset.StandardCharsets.UTF_8)
                                    .toLowerCase(java.util.Locale.ROOT).contains(marker)) {
                                found.add(table + "." + rs.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * A lead whose every text carries the marker: created, a call logged, lost with a reason and reopened (so its
     * stage history holds the reason too).
     */
    private static LeadView markedLead(Crm crm, Actor sales, String phone, LeadSource source) {
        LeadView lead = crm.leads().create(sales, new CreateLeadCommand(MARKER + "first", MARKER + "last",
                MARKER + " AG", MARKER + "@" + MARKER + ".example", phone, source,
                MoneyData.of("5000", "CHF"), MARKER + " notes", null));
        crm.interactions().log(sales, new LogInteractionCommand(InteractionType.CALL, null, lead.id(),
                java.time.Instant.now(), 60L, Direction.INBOUND, MARKER + " called", MARKER + " summary", null,
                MARKER + " outcome"));
        crm.leads().changeStage(sales, new ChangeLeadStageCommand(lead.id(), LeadStage.LOST, MARKER + " lost",
                null));
        crm.leads().reopen(sales, new LeadCommand(lead.id(), null));
        return lead;
    }
}
