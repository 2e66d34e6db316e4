package org.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.internal.application.CustomerApplication;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.interaction.internal.application.InteractionApplication;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionLogged;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.internal.application.LeadApplication;
import org.crmkit.core.lead.port.in.AssignLeadCommand;
import org.crmkit.core.lead.port.in.AssignRoundRobinCommand;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.application.StaffApplication;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lead and interaction use cases on the in-memory adapter, through {@link Crm}. */
class LeadUseCasesTest {
    private static final Actor SYSTEM = Actor.system("lead-use-cases-test");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private InMemoryCrmPersistence persistence;
    private Crm crm;
    private Leads leads;
    private Actor manager;
    private Actor rep;
    private Actor otherRep;
    private StaffId repId;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-04-01T09:00:00Z");
        publisher = new RecordingPublisher();
        persistence = InMemoryCrmPersistence.create();
        crm = Crm.builder().clock(clock).eventPublisher(publisher).persistence(persistence).build();
        leads = crm.leads();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        repId = StaffId.next(clock);
        rep = TestStaff.enrol(crm, repId, Role.SALES_REP);
        otherRep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
    }

    private LeadView webLead(Actor by, String first, String email) {
        return leads.create(by, new CreateLeadCommand(first, "Prospect", "Acme", email, null, LeadSource.WEB_FORM,
                MoneyData.of("2500", "EUR"), "met at the fair", null));
    }

    private LeadView move(Actor by, LeadView lead, LeadStage to) {
        return leads.changeStage(by, new ChangeLeadStageCommand(lead.id(), to, null, null));
    }

    @Test
    void aRepsNewLeadIsTheirsScoredWithItsReasonsAndAudited() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");

        assertThat(lead.owner()).isEqualTo(repId);
        assertThat(lead.stage()).isEqualTo(LeadStage.NEW);
        assertThat(lead.scoreReasons()).extracting(ScoreReason::rule)
                .containsExactly("source", "estimated_value", "recent_activity", "email", "company");
        assertThat(lead.score()).isEqualTo(10 + 10 + 10 + 5 + 5);
        assertThat(lead.history()).singleElement().satisfies(h -> {
            assertThat(h.from()).isNull();
            assertThat(h.to()).isEqualTo(LeadStage.NEW);
            assertThat(h.actorRef()).isEqualTo(repId.toString());
        });
        assertThat(publisher.events()).hasExactlyElementsOfTypes(LeadEvents.LeadCreated.class,
                LeadEvents.LeadAssigned.class);
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(audit("lead.create")).hasSize(1);
    }

    @Test
    void aLeadMovesForwardLosesAndIsReopenedByAManagerWithEveryChangeInItsHistory() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        move(rep, lead, LeadStage.CONTACTED);
        clock.advance(Duration.ofHours(1));
        LeadView lost = leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.LOST, "no budget",
                null));
        assertThat(lost.lostReason()).isEqualTo("no budget");
        LeadView reopened = leads.reopen(manager, new LeadCommand(lead.id(), lost.version()));

        assertThat(reopened.stage()).as("back to the stage it was lost from").isEqualTo(LeadStage.CONTACTED);
        assertThat(reopened.lostReason()).isNull();
        assertThat(reopened.history()).extracting(StageChange::from, StageChange::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, LeadStage.NEW),
                org.assertj.core.groups.Tuple.tuple(LeadStage.NEW, LeadStage.CONTACTED),
                org.assertj.core.groups.Tuple.tuple(LeadStage.CONTACTED, LeadStage.LOST),
                org.assertj.core.groups.Tuple.tuple(LeadStage.LOST, LeadStage.CONTACTED));
        assertThat(reopened.history().get(2).reason()).isEqualTo("no budget");
        assertThat(reopened.history().get(3).actorType()).isEqualTo(ActorType.STAFF);
        assertThat(reopened.history().get(3).actorRef()).isEqualTo(((Actor.Staff) manager).id().toString());
        assertThat(reopened.history().get(2).at()).isEqualTo(clock.instant());
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndRemovesWhatItNamesAsNull() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        LeadView updated = leads.updateDetails(rep, UpdateLeadCommand.of(lead.id()).expectedVersion(lead.version())
                .company(null).notes("called twice").build());

        assertThat(updated.company()).isNull();
        assertThat(updated.notes()).isEqualTo("called twice");
        assertThat(updated.firstName()).isEqualTo("Rita");
        assertThat(updated.lastName()).isEqualTo("Prospect");
        assertThat(updated.email()).isEqualTo("rita@example.org");
        assertThat(updated.source()).isEqualTo(lead.source());
        assertThat(updated.version()).isEqualTo(lead.version() + 1);
    }

    @Test
    void aReferralMaySkipContacted() {
        LeadView lead = leads.create(rep, CreateLeadCommand.of("Ray", "Referral", "ray@example.org",
                LeadSource.REFERRAL));
        assertThat(move(rep, lead, LeadStage.QUALIFIED).stage()).isEqualTo(LeadStage.QUALIFIED);
    }

    @Test
    void convertingRegistersTheCustomerMovesTheInteractionsAndWinsTheLeadInOneGo() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        InteractionView call = crm.interactions().log(rep, new LogInteractionCommand(InteractionType.CALL, null,
                lead.id(), clock.instant().minusSeconds(600), 300L, Direction.OUTBOUND, "First call",
                "interested", null, "demo booked"));
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);
        publisher.clear();

        LeadConversionView converted = leads.convert(rep, new LeadCommand(lead.id(), null));

        assertThat(converted.linkedExisting()).isFalse();
        assertThat(converted.lead().stage()).isEqualTo(LeadStage.WON);
        assertThat(converted.lead().convertedTo()).isEqualTo(converted.customerId());
        CustomerView customer = crm.customers().findById(rep, converted.customerId()).orElseThrow();
        assertThat(customer.email()).isEqualTo("rita@example.org");
        assertThat(customer.accountManager()).as("the rep keeps sight of the customer").isEqualTo(repId);
        Page<InteractionView> timeline = crm.interactions().timeline(rep,
                TimelineQuery.ofCustomer(customer.id(), 10));
        assertThat(timeline.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(call.id());
            assertThat(i.customerId()).isEqualTo(customer.id());
            assertThat(i.leadId()).as("the lead stays named as the origin").isEqualTo(lead.id());
        });
        assertThat(publisher.events()).extracting(e -> e.getClass().getSimpleName())
                .contains("CustomerRegistered", "LeadStageChanged", "LeadConverted");
        assertThat(audit("lead.convert")).hasSize(1);
        assertThat(audit("customer.register")).hasSize(1);
    }

    @Test
    void convertingALeadWhoseEmailACustomerHoldsLinksThatCustomer() {
        CustomerView existing = crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Rita",
                "Known", "RITA@example.org", null, false));
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);

        LeadConversionView converted = leads.convert(manager, new LeadCommand(lead.id(), null));

        assertThat(converted.linkedExisting()).isTrue();
        assertThat(converted.customerId()).isEqualTo(existing.id());
        assertThat(audit("customer.register")).as("nobody registered twice").hasSize(1);
        assertThat(publisher.events()).filteredOn(LeadEvents.LeadConverted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((LeadEvents.LeadConverted) e).linkedExisting()).isTrue());
    }

    @Test
    void aRepsLeadLinksToACustomerTheRepManages() {
        CustomerView theirs = crm.customers().register(rep, RegisterCustomerCommand.selfSignUp("Rita", "Known",
                "rita@example.org", null, false));
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);

        LeadConversionView converted = leads.convert(rep, new LeadCommand(lead.id(), null));

        assertThat(converted.linkedExisting()).isTrue();
        assertThat(converted.customerId()).isEqualTo(theirs.id());
    }

    @Test
    void aRepCannotConvertALeadOntoACustomerTheyMayNotSee() {
        CustomerView others = crm.customers().register(otherRep, RegisterCustomerCommand.selfSignUp("Rita",
                "Known", "rita@example.org", null, false));
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        crm.interactions().log(rep, LogInteractionCommand.onLead(lead.id(), InteractionType.NOTE, null,
                clock.instant(), "Rita's note"));
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);
        org.crmkit.core.testing.Refusals refusals = new org.crmkit.core.testing.Refusals(crm, publisher,
                () -> List.of(leads.findById(manager, lead.id()), crm.interactions().timeline(manager,
                        TimelineQuery.ofCustomer(others.id(), 10)).items(), crm.interactions().timeline(manager,
                        TimelineQuery.ofLead(lead.id(), 10)).items()));

        org.crmkit.core.shared.BusinessRuleViolationException refused = refusals.withoutEffect(
                org.crmkit.core.shared.BusinessRuleViolationException.class,
                () -> leads.convert(rep, new LeadCommand(lead.id(), null)));

        assertThat(refused.code()).isEqualTo("lead_matches_other_customer");
        assertThat(refused.getMessage()).doesNotContain(others.id().toString());
        assertThat(refused.details().values()).doesNotContain(others.id().toString());
    }

    @Test
    void aManagersConversionOfARepsLeadKeepsTheRepAsTheCustomersAccountManager() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        org.crmkit.core.task.port.in.TaskView task = crm.tasks().create(rep,
                new org.crmkit.core.task.port.in.CreateTaskCommand("Send offer", null,
                        clock.instant().plus(Duration.ofDays(2)), org.crmkit.core.task.TaskPriority.HIGH,
                        null, org.crmkit.core.task.port.in.TaskLinkData.lead(lead.id()), null));
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);

        LeadConversionView converted = leads.convert(manager, new LeadCommand(lead.id(), null));

        assertThat(converted.linkedExisting()).isFalse();
        CustomerView customer = crm.customers().findById(rep, converted.customerId()).orElseThrow();
        assertThat(customer.accountManager()).isEqualTo(repId);
        assertThat(crm.tasks().findById(rep, task.id()).orElseThrow().link())
                .isEqualTo(org.crmkit.core.task.port.in.TaskLinkData.customer(customer.id()));
        assertThat(crm.interactions().timeline(rep, TimelineQuery.ofCustomer(customer.id(), 10)).items())
                .isEmpty();
    }

    @Test
    void aReopenedLeadWhoseCustomerWasErasedIsNotConvertedAgain() {
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        LeadView lead = leads.create(rep, CreateLeadCommand.of("Ray", "Referral", "ray@example.org",
                LeadSource.REFERRAL));
        move(rep, lead, LeadStage.QUALIFIED);
        LeadConversionView first = leads.convert(rep, new LeadCommand(lead.id(), null));
        leads.reopen(manager, new LeadCommand(lead.id(), null));
        crm.customers().erase(crmManager, first.customerId());
        org.crmkit.core.testing.Refusals refusals = new org.crmkit.core.testing.Refusals(crm, publisher,
                () -> leads.findById(manager, lead.id()));

        org.crmkit.core.shared.BusinessRuleViolationException refused = refusals.withoutEffect(
                org.crmkit.core.shared.BusinessRuleViolationException.class,
                () -> leads.convert(manager, new LeadCommand(lead.id(), null)));

        assertThat(refused.code()).isEqualTo("customer_erased");
    }

    @Test
    void aFailingParticipantRollsTheWholeConversionBack() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        crm.interactions().log(rep, LogInteractionCommand.onLead(lead.id(), InteractionType.NOTE, null,
                clock.instant(), "Note"));
        move(rep, lead, LeadStage.CONTACTED);
        LeadView qualified = move(rep, lead, LeadStage.QUALIFIED);
        UseCaseSupport support = new UseCaseSupport(clock, CommandValidator.createDefault(),
                new DefaultAccessPolicy(), persistence.unitOfWork(), persistence.auditLog(), publisher,
                StaffApplication.actorResolver(persistence.staff())
                        .then(CustomerApplication.actorResolver(persistence.customers())),
                persistence.port(org.crmkit.core.shared.IdempotencyKeys.class).orElseThrow());
        LeadConversionParticipant failing = conversion -> {
            throw new IllegalStateException("task area down");
        };
        Leads withFailure = LeadApplication.leads(support, persistence.leads(), crm.customers(),
                org.crmkit.core.customer.internal.application.CustomerApplication.directory(support,
                        persistence.customers()),
                StaffApplication.directory(support, persistence.staff(), persistence.departments()),
                LeadScoring.standard(), List.of(InteractionApplication.conversionParticipant(
                        persistence.interactions()), failing), List.of());
        long audited = persistence.auditLog().count();
        publisher.clear();

        assertThatThrownBy(() -> withFailure.convert(rep, new LeadCommand(lead.id(), null)))
                .hasMessage("task area down");

        assertThat(leads.findById(rep, lead.id()).orElseThrow()).isEqualTo(qualified);
        assertThat(crm.interactions().timeline(rep, TimelineQuery.ofLead(lead.id(), 10)).items())
                .allSatisfy(i -> assertThat(i.customerId()).isNull());
        assertThat(persistence.auditLog().count()).isEqualTo(audited);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void aReopenedConvertedLeadConvertsToTheSameCustomer() {
        LeadView lead = leads.create(rep, CreateLeadCommand.of("Ray", "Referral", "ray@example.org",
                LeadSource.REFERRAL));
        move(rep, lead, LeadStage.QUALIFIED);
        LeadConversionView first = leads.convert(rep, new LeadCommand(lead.id(), null));
        leads.reopen(manager, new LeadCommand(lead.id(), null));
        LeadConversionView second = leads.convert(manager, new LeadCommand(lead.id(), null));
        assertThat(second.customerId()).isEqualTo(first.customerId());
        assertThat(second.linkedExisting()).isTrue();
    }

    @Test
    void loggingAgainstALeadMovesItsLastActivityAndRaisesItsScoreWithOneAuditEntry() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        clock.advance(Duration.ofDays(30));
        LeadView stale = leads.findById(rep, lead.id()).orElseThrow();
        long audited = persistence.auditLog().count();
        publisher.clear();

        Instant at = clock.instant().minusSeconds(3600);
        crm.interactions().log(rep, LogInteractionCommand.onLead(lead.id(), InteractionType.MEETING, null, at,
                "Demo"));

        LeadView after = leads.findById(rep, lead.id()).orElseThrow();
        assertThat(after.lastActivityAt()).isEqualTo(at);
        assertThat(after.interactions()).isEqualTo(1);
        assertThat(after.scoreReasons()).extracting(ScoreReason::rule).contains("interactions", "recent_activity");
        assertThat(stale.score()).as("a stored score is what the last change computed").isEqualTo(40);
        assertThat(after.score()).as("source, value, one interaction, recent, email, company")
                .isEqualTo(10 + 10 + 5 + 10 + 5 + 5);
        assertThat(persistence.auditLog().count()).isEqualTo(audited + 1);
        assertThat(audit("interaction.log")).hasSize(1);
        assertThat(publisher.events()).hasExactlyElementsOfTypes(InteractionLogged.class);
    }

    @Test
    void aTimelineIsNewestFirstAndPagedByKeyset() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        List<InteractionView> logged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            logged.add(crm.interactions().log(rep, LogInteractionCommand.onLead(lead.id(), InteractionType.EMAIL,
                    Direction.INBOUND, clock.instant().minusSeconds(100L * (5 - i)), "Mail " + i)));
        }
        List<InteractionView> seen = new ArrayList<>();
        TimelineQuery query = TimelineQuery.ofLead(lead.id(), 2);
        Page<InteractionView> page = crm.interactions().timeline(rep, query);
        seen.addAll(page.items());
        while (page.hasNext()) {
            query = query.next(page);
            page = crm.interactions().timeline(rep, query);
            seen.addAll(page.items());
        }
        assertThat(seen).extracting(InteractionView::subject).containsExactly("Mail 4", "Mail 3", "Mail 2",
                "Mail 1", "Mail 0");
    }

    @Test
    void aRepSearchesOnlyTheirOwnLeadsAndAManagerFiltersAndPagesAll() {
        for (int i = 0; i < 4; i++) {
            webLead(rep, "Rita" + i, "rita" + i + "@example.org");
            clock.advance(Duration.ofSeconds(1));
            leads.create(otherRep, CreateLeadCommand.of("Otto" + i, "Other", null, LeadSource.IMPORT));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(leads.search(rep, LeadSearchQuery.all(LeadSort.CREATED_DESC, 50)).items())
                .allSatisfy(l -> assertThat(l.owner()).isEqualTo(repId)).hasSize(4);

        List<LeadView> all = new ArrayList<>();
        LeadSearchQuery query = LeadSearchQuery.all(LeadSort.SCORE_DESC, 3);
        Page<LeadView> page = leads.search(manager, query);
        all.addAll(page.items());
        while (page.hasNext()) {
            query = query.next(page);
            page = leads.search(manager, query);
            all.addAll(page.items());
        }
        assertThat(all).hasSize(8).doesNotHaveDuplicates();
        assertThat(all).extracting(LeadView::score).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        assertThat(leads.search(manager, new LeadSearchQuery("rita2", null, null, null, null, null, null, null,
                LeadSort.CREATED_ASC, org.crmkit.core.shared.PageRequest.first(10))).items())
                .extracting(LeadView::firstName).containsExactly("Rita2");
        assertThat(leads.search(manager, new LeadSearchQuery(null, LeadStage.NEW, null, LeadSource.IMPORT, 0, 20,
                null, null, LeadSort.CREATED_ASC, org.crmkit.core.shared.PageRequest.first(10))).items())
                .hasSize(4).allSatisfy(l -> assertThat(l.source()).isEqualTo(LeadSource.IMPORT));
    }

    @Test
    void roundRobinTakesTheDepartmentsSalesRepsInTurn() {
        DepartmentId team = crm.departments().create(SYSTEM, new CreateDepartmentCommand("Team", null)).id();
        List<StaffId> reps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StaffId id = StaffId.next(clock);
            TestStaff.enrol(crm, id, team, Role.SALES_REP);
            reps.add(id);
        }
        TestStaff.enrol(crm, StaffId.next(clock), team, Role.SUPPORT_AGENT);
        List<StaffId> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LeadView lead = leads.create(manager, new CreateLeadCommand("L" + i, "Lead", null, null, null,
                    LeadSource.CAMPAIGN, null, null, ((Actor.Staff) manager).id()));
            clock.advance(Duration.ofSeconds(1));
            owners.add(leads.assignRoundRobin(manager, new AssignRoundRobinCommand(lead.id(), team, null)).owner());
        }
        assertThat(owners.subList(0, 3)).containsExactlyInAnyOrderElementsOf(reps);
        assertThat(owners.get(3)).as("the one whose turn is oldest").isEqualTo(owners.get(0));
        assertThat(audit("lead.assign")).hasSize(4);
    }

    @Test
    void aManagerReassignsALeadAndTheNewOwnerSeesIt() {
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        leads.assign(manager, new AssignLeadCommand(lead.id(), ((Actor.Staff) otherRep).id(), null));
        assertThat(leads.findById(otherRep, lead.id())).isPresent();
        assertThat(publisher.events()).filteredOn(LeadEvents.LeadAssigned.class::isInstance).hasSize(2);
    }

    @Test
    void scoringRulesComeFromTheBuilder() {
        LeadScoring rules = new LeadScoring(Map.of(LeadSource.REFERRAL, 100), List.of(), 1, 3,
                Duration.ofDays(1), 0, 0, 0, 0);
        Crm custom = Crm.builder().clock(clock).leadScoring(rules).build();
        LeadView lead = custom.leads().create(SYSTEM, CreateLeadCommand.of("Ray", "Referral", "ray@example.org",
                LeadSource.REFERRAL));
        assertThat(lead.score()).isEqualTo(100);
        assertThat(lead.scoreReasons()).containsExactly(new ScoreReason("source", 100, "source REFERRAL"));
    }

    @Test
    void erasingTheCustomerALeadBecameErasesTheLeadsPersonalDataAndWhatItsInteractionsSay() {
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        LeadView lead = webLead(rep, "Rita", "rita@example.org");
        crm.interactions().log(rep, new LogInteractionCommand(InteractionType.CALL, null, lead.id(),
                clock.instant(), 60L, Direction.OUTBOUND, "Rita called", "Rita lives in Zug", null, "Rita said"));
        leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.LOST, "Rita is broke", null));
        leads.reopen(manager, new LeadCommand(lead.id(), null));
        move(rep, lead, LeadStage.CONTACTED);
        move(rep, lead, LeadStage.QUALIFIED);
        LeadConversionView converted = leads.convert(rep, new LeadCommand(lead.id(), null));
        crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, converted.customerId(), null,
                clock.instant(), null, null, "Rita's note", "Rita's address", null, null));
        LeadView before = leads.findById(manager, lead.id()).orElseThrow();

        crm.customers().erase(crmManager, converted.customerId());

        LeadView after = leads.findById(manager, lead.id()).orElseThrow();
        assertThat(List.of(after.firstName(), after.lastName())).containsOnly("[erased]");
        assertThat(after.company()).isNull();
        assertThat(after.email()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.notes()).isNull();
        assertThat(after.history()).extracting(StageChange::reason).filteredOn(java.util.Objects::nonNull)
                .containsExactly("[erased]");
        assertThat(after.stage()).isEqualTo(LeadStage.WON);
        assertThat(after.score()).isEqualTo(before.score());
        assertThat(after.estimatedValue()).isEqualTo(before.estimatedValue());
        assertThat(after.history()).extracting(StageChange::at).isEqualTo(before.history().stream()
                .map(StageChange::at).toList());
        assertThat(crm.interactions().timeline(manager, TimelineQuery.ofCustomer(converted.customerId(), 10))
                .items()).hasSize(2).allSatisfy(i -> {
                    assertThat(i.subject()).isEqualTo("[erased]");
                    assertThat(i.summary()).isNull();
                    assertThat(i.outcome()).isNull();
                });
    }

    private List<AuditEntry> audit(String action) {
        return persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(new AuditCriteria(null,
                null, action, null, null, null, null, null, null), 1000));
    }
}
