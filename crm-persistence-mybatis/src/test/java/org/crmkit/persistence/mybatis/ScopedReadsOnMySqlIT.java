package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.AtRiskTicket;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.testing.CountingDataSource;
import org.crmkit.persistence.mybatis.testing.CountingDataSource.Read;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The caller's scope applied by the server (issue 18, finding 6), proven by what crosses the wire rather than by a
 * stopwatch: {@code tickets.atRisk} reads the SLA columns of the tickets the caller reaches and no comment or history
 * row, and a sales rep's quote search is one statement of a fixed shape, however many customers the rep manages,
 * reading the rep's quotes only; the server finds the rep's customers through the account-manager index.
 */
class ScopedReadsOnMySqlIT {

    @Test
    void anAgentsAtRiskReadsOnlyTheSlaColumnsOfTheTicketsTheyReach() {
        TestDatabase.get().emptyPersistence();
        CountingDataSource counting = new CountingDataSource(TestDatabase.get().dataSource());
        TicketWorld w = new TicketWorld(MyBatisCrmPersistence.builder(counting).migrate(false).build(),
                TicketWorld.MONDAY_9, SlaBreachNotifier.logging());
        List<TicketId> billing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TicketId id = submit(w, i % 2 == 0 ? w.alice.id() : w.bob.id(), w.billing);
            w.tickets.comment(w.manager, new CommentTicketCommand(id, true, "internal note " + i));
            billing.add(id);
        }
        List<TicketId> support = List.of(submit(w, w.alice.id(), w.support), submit(w, w.bob.id(), w.support));
        w.clock.advance(Duration.ofHours(2));
        counting.clear();

        List<AtRiskTicket> risky = w.tickets.atRisk(w.agentA, new AtRiskQuery(w.clock.instant(), 1.0, 200));

        assertThat(risky).extracting(AtRiskTicket::ticketId).containsExactlyInAnyOrderElementsOf(support);
        List<Read> reads = counting.reads();
        assertThat(reads).noneMatch(r -> r.touches("crm_ticket_comment") || r.touches("crm_ticket_history"));
        List<Read> ticketReads = reads.stream().filter(r -> r.touches("crm_ticket")).toList();
        assertThat(ticketReads).singleElement().satisfies(r -> {
            assertThat(r.rows().get()).as("the support queue's two tickets, not the billing queue's %s",
                    billing.size()).isEqualTo(2);
            assertThat(r.sql()).doesNotContain("subject", "description");
        });

        counting.clear();
        assertThat(w.tickets.atRisk(w.manager, new AtRiskQuery(w.clock.instant(), 1.0, 200))).hasSize(42);
        assertThat(counting.reads()).filteredOn(r -> r.touches("crm_ticket")).singleElement()
                .satisfies(r -> assertThat(r.rows().get()).isEqualTo(42));
    }

    @Test
    void aRepsQuoteSearchIsOneStatementOfOneShapeHoweverManyCustomersTheyManage() throws Exception {
        TestDatabase.get().emptyPersistence();
        CountingDataSource counting = new CountingDataSource(TestDatabase.get().dataSource());
        Crm crm = Crm.builder().persistence(MyBatisCrmPersistence.builder(counting).migrate(false).build()).build();
        Actor system = Actor.system("scoped-reads");
        StaffId fewId = StaffId.next(java.time.Clock.systemUTC());
        StaffId manyId = StaffId.next(java.time.Clock.systemUTC());
        Actor few = TestStaff.enrol(crm, fewId, Role.SALES_REP);
        Actor many = TestStaff.enrol(crm, manyId, Role.SALES_REP);
        Actor nobody = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.SALES_REP);
        ProductView mug = crm.products().create(system, new CreateProductCommand("MUG-SCOPE", "mug", null, null,
                new java.math.BigDecimal("7.50"), "EUR"));
        List<String> fewQuotes = List.of(quote(crm, customer(crm, "few0", fewId), mug));
        List<String> manyQuotes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            manyQuotes.add(quote(crm, customer(crm, "many" + i, manyId), mug));
        }
        for (int i = 0; i < 20; i++) {
            quote(crm, customer(crm, "unmanaged" + i, null), mug);
        }

        Read fewSearch = search(crm, counting, few, fewQuotes);
        Read manySearch = search(crm, counting, many, manyQuotes.subList(0, 0));
        Read nobodysSearch = search(crm, counting, nobody, List.of());

        assertThat(manySearch.sql()).as("the same statement for 60 customers as for one")
                .isEqualTo(fewSearch.sql()).isEqualTo(nobodysSearch.sql());
        assertThat(manySearch.parameters()).isEqualTo(fewSearch.parameters()).isLessThan(5);
        assertThat(manySearch.rows().get()).as("a page of 50 and one to know there is more").isEqualTo(51);
        assertThat(nobodysSearch.rows().get()).isZero();
        assertThat(customerAccess(manySearch.sql(), manyId)).as("how the server reads crm_customer")
                .isIn("ix_crm_customer_manager", "PRIMARY");
    }

    /**
     * Runs a rep's first page of 50 and checks it holds only their quotes ({@code expected}, when not empty: all of
     * them); @return the quote statement it ran
     */
    private static Read search(Crm crm, CountingDataSource counting, Actor rep, List<String> expected) {
        counting.clear();
        List<QuoteView> page = crm.quotes().search(rep, QuoteSearchQuery.byStatus(null, 50)).items();
        if (!expected.isEmpty()) {
            assertThat(page).extracting(q -> q.id().toString()).containsExactlyInAnyOrderElementsOf(expected);
        }
        List<Read> quoteReads = counting.reads().stream().filter(r -> r.touches("crm_quote")
                && !r.touches("crm_quote_line")).toList();
        assertThat(counting.reads()).as("no statement lists the rep's customers on its own")
                .noneMatch(r -> r.touches("crm_customer") && !r.touches("crm_quote"));
        assertThat(quoteReads).hasSize(1);
        return quoteReads.get(0);
    }

    /**
     * Asks the server how it runs the search for the rep (EXPLAIN): the key it reads {@code crm_customer} by, the
     * account-manager index (the rep's customers first) or the primary key (each quote's customer, newest quotes
     * first, for a short page), and never none (a scan of every customer).
     */
    private static String customerAccess(String sql, StaffId rep) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
            // the plan of tables whose statistics are current, as a server's are once its rows settle: just filled,
            // their statistics may still describe them empty
            try (java.sql.Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE TABLE crm_customer, crm_quote");
            }
            int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= parameters; i++) {
                // the manager's id, then the page's limit
                if (i == parameters) {
                    explain.setInt(i, 51);
                } else {
                    explain.setBytes(i, bytes(rep.value()));
                }
            }
            StringBuilder plan = new StringBuilder();
            String key = "no row for crm_customer";
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("table")).append(':').append(rs.getString("type")).append(':')
                            .append(rs.getString("key")).append(' ');
                    if ("c".equals(rs.getString("table"))) {
                        key = String.valueOf(rs.getString("key"));
                    }
                }
            }
            System.out.println("quote search plan: " + plan);
            return key;
        }
    }

    private static byte[] bytes(java.util.UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static CustomerId customer(Crm crm, String name, StaffId manager) {
        Actor system = Actor.system("scoped-reads");
        CustomerId id = crm.customers().register(system, new RegisterCustomerCommand(name, "Example",
                name + "@scope.example", null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
        if (manager != null) {
            crm.customers().assignAccountManager(system, new AssignAccountManagerCommand(id, manager, null));
        }
        return id;
    }

    private static String quote(Crm crm, CustomerId customer, ProductView product) {
        return crm.quotes().request(Actor.customer(customer), new RequestQuoteCommand(customer, "EUR",
                List.of(new RequestQuoteCommand.Line(product.id(), 1)), null)).id().toString();
    }

    private static TicketId submit(TicketWorld w, CustomerId customer, org.crmkit.core.shared.DepartmentId queue) {
        w.clock.advance(Duration.ofSeconds(30));
        return w.tickets.submit(w.manager, new SubmitTicketCommand(customer, "Printer on fire", "It smokes.",
                "hardware", org.crmkit.core.ticket.TicketPriority.NORMAL, org.crmkit.core.ticket.TicketChannel.WEB,
                null, null, null, queue)).id();
    }
}
