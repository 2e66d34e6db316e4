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
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leads racing on a real MySQL-compatible server under its default REPEATABLE READ: two conversions of one lead
 * (one wins, one customer, the other is told the lead is no longer qualified), and interactions logged on one lead at
 * once (each one counts: the lead is locked before its activity moves). Each race holds the first call's transaction
 * open until the server shows the second waiting for its lock ({@link HeldTransaction}).
 */
class LeadConcurrencyIT {
    private Crm crm;
    private Actor manager;
    private Actor otherManager;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence()).build();
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
        for (int round = 0; round < 2; round++) {
            String email = "race-" + round + "@example.org";
            LeadView lead = qualifiedLead(email);
            Actor first = round == 0 ? manager : otherManager;
            Actor second = round == 0 ? otherManager : manager;

            HeldTransaction.Result<LeadConversionView, LeadConversionView> race = HeldTransaction.run(
                    CrmTestAccess.persistence(crm).unitOfWork(),
                    () -> crm.leads().convert(first, new LeadCommand(lead.id(), null)),
                    () -> crm.leads().convert(second, new LeadCommand(lead.id(), null)));

            assertThat(race.secondWaited()).as("round %d: the second conversion waits for the first", round).isTrue();
            assertThat(race.first().code()).as("round %d", round).isEqualTo("ok");
            assertThat(race.second().code()).as("round %d: the loser waited for the winner and found the lead won",
                    round).isEqualTo("lead_not_qualified");
            LeadConversionView won = race.first().value();
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
    void twoInteractionsLoggedAtOnceOnOneLeadBothCount() throws Exception {
        LeadView lead = crm.leads().create(manager, CreateLeadCommand.of("Ivy", "Busy", "ivy@example.org",
                LeadSource.WEB_FORM));
        int threads = 2;

        HeldTransaction.Result<InteractionView, InteractionView> race = HeldTransaction.run(
                CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.interactions().log(manager, LogInteractionCommand.onLead(lead.id(), InteractionType.EMAIL,
                        Direction.INBOUND, Instant.now().minusSeconds(1), "Mail 1")),
                () -> crm.interactions().log(otherManager, LogInteractionCommand.onLead(lead.id(),
                        InteractionType.EMAIL, Direction.INBOUND, Instant.now().minusSeconds(2), "Mail 2")));

        assertThat(race.secondWaited()).as("the second interaction waits for the lead's lock").isTrue();
        assertThat(List.of(race.first(), race.second())).extracting(ParallelCalls.Outcome::code)
                .containsOnly("ok");
        LeadView after = crm.leads().findById(manager, lead.id()).orElseThrow();
        assertThat(after.interactions()).isEqualTo(threads);
        assertThat(after.version()).isEqualTo(lead.version() + threads);
        assertThat(crm.interactions().timeline(manager, TimelineQuery.ofLead(lead.id(), 10)).items())
                .hasSize(threads);
    }
}
