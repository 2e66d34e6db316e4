package org.crmkit.persistence.mybatis;

import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leads racing on a real MySQL-compatible server under its default REPEATABLE READ: two conversions of one lead
 * (one wins, one customer, the other is told the lead is no longer qualified), and interactions logged on one lead at
 * once (each one counts: the lead is locked before its activity moves).
 */
class LeadConcurrencyIT {
    private Crm crm;
    private Actor manager;
    private Actor otherManager;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build();
        manager = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.SALES_MANAGER);
        otherManager = TestStaff.enrol(crm, StaffId.next(java.time.Clock.systemUTC()), Role.SALES_MANAGER);
    }

    private LeadView qualifiedLead(String email) {
        LeadView lead = crm.leads().create(manager, CreateLeadCommand.of("Quinn", "Race", email,
                LeadSource.REFERRAL));
        crm.interactions().log(manager, LogInteractionCommand.onLead(lead.id(), InteractionType.CALL,
                Direction.OUTBOUND, Instant.now().minusSeconds(60), "Qualifying call"));
        return crm.leads().changeStage(manager, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null,
                null));
    }

    @Test
    void twoConversionsOfOneLeadMakeOneCustomerAndTellTheLoserWhy() throws Exception {
        for (int round = 0; round < 5; round++) {
            String email = "race-" + round + "@example.org";
            LeadView lead = qualifiedLead(email);

            List<ParallelCalls.Outcome<LeadConversionView>> outcomes = ParallelCalls.run(2, i -> () ->
                    crm.leads().convert(i == 0 ? manager : otherManager, new LeadCommand(lead.id(), null)));

            assertThat(outcomes).as("round %d", round).filteredOn(ParallelCalls.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).as("round %d: the loser waited for the winner and found the lead won", round)
                    .filteredOn(o -> !o.succeeded()).extracting(ParallelCalls.Outcome::code)
                    .containsExactly("lead_not_qualified");
            LeadConversionView won = outcomes.stream().filter(ParallelCalls.Outcome::succeeded).findFirst()
                    .orElseThrow().value();
            assertThat(crm.customers().search(manager, new CustomerSearchQuery(email, null, null, null, null, null,
                    null, CustomerSort.NAME_ASC, org.crmkit.core.shared.PageRequest.first(10))).items())
                    .as("round %d: one customer", round).singleElement()
                    .satisfies(c -> assertThat(c.id()).isEqualTo(won.customerId()));
            LeadView stored = crm.leads().findById(manager, lead.id()).orElseThrow();
            assertThat(stored.stage()).isEqualTo(LeadStage.WON);
            assertThat(stored.history()).filteredOn(h -> h.to() == LeadStage.WON).hasSize(1);
            assertThat(crm.interactions().timeline(manager, TimelineQuery.ofCustomer(won.customerId(), 10))
                    .items()).singleElement().extracting(InteractionView::leadId).isEqualTo(lead.id());
            assertThat(CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess.persistence(crm).auditLog().search(
                    new AuditCriteria(null, null, "lead.convert", null, lead.id().value(), null, null, null, null),
                    10))).as("round %d: one conversion audited", round).hasSize(1);
        }
    }

    @Test
    void interactionsLoggedAtOnceOnOneLeadAllCount() throws Exception {
        LeadView lead = crm.leads().create(manager, CreateLeadCommand.of("Ivy", "Busy", "ivy@example.org",
                LeadSource.WEB_FORM));
        int threads = 4;

        List<ParallelCalls.Outcome<InteractionView>> outcomes = ParallelCalls.run(threads, i -> () ->
                crm.interactions().log(i % 2 == 0 ? manager : otherManager, LogInteractionCommand.onLead(lead.id(),
                        InteractionType.EMAIL, Direction.INBOUND, Instant.now().minusSeconds(i), "Mail " + i)));

        assertThat(outcomes).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
        LeadView after = crm.leads().findById(manager, lead.id()).orElseThrow();
        assertThat(after.interactions()).isEqualTo(threads);
        assertThat(after.version()).isEqualTo(lead.version() + threads);
        assertThat(crm.interactions().timeline(manager, TimelineQuery.ofLead(lead.id(), 10)).items())
                .hasSize(threads);
    }
}
