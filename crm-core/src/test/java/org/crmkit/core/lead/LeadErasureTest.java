package org.crmkit.core.lead;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.core.lead.internal.store.LeadStore;
import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.port.in.AssignLeadCommand;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GDPR erasure of a lead that never became a customer ({@code leads.erase}) on the in-memory adapter: what it
 * blanks (the lead, its history, its interactions, its tasks), what it refuses, and that a refusal writes nothing.
 */
class LeadErasureTest {
    private MutableClock clock;
    private RecordingPublisher publisher;
    private InMemoryCrmPersistence persistence;
    private Crm crm;
    private Leads leads;
    private Actor crmManager;
    private Actor salesManager;
    private Actor rep;
    private Refusals refusals;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-04-01T09:00:00Z");
        publisher = new RecordingPublisher();
        persistence = InMemoryCrmPersistence.create();
        crm = Crm.builder().clock(clock).eventPublisher(publisher).persistence(persistence).build();
        leads = crm.leads();
        crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        salesManager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        refusals = new Refusals(crm, publisher, this::storedState);
    }

    /** Every lead with its interactions and tasks, as stored. */
    private Object storedState() {
        List<Object> state = new ArrayList<>();
        for (LeadView lead : leads.search(crmManager, LeadSearchQuery.all(LeadSort.CREATED_ASC, 100)).items()) {
            state.add(new LeadStore(persistence.leads()).findById(lead.id()).orElseThrow().snapshot());
            state.addAll(persistence.interactions().timelineOfLead(lead.id(), null, 100));
            new TaskStore(persistence.tasks()).linkedTo(TaskLink.lead(lead.id()), EnumSet.allOf(TaskStatus.class), null, 100)
                    .forEach(t -> state.add(t.snapshot()));
        }
        return state;
    }

    /** A contacted lead, lost once and reopened, with an interaction and an open task in the person's words. */
    private LeadView ritasLead() {
        LeadView lead = leads.create(rep, new CreateLeadCommand("Rita", "Prospect", "Rita's Shop", "rita@example.org",
                "+41 44 123 45 67", LeadSource.WEB_FORM, MoneyData.of("2500", "EUR"), "Rita lives in Zug", null));
        crm.interactions().log(rep, new LogInteractionCommand(InteractionType.CALL, null, lead.id(), clock.instant(),
                60L, Direction.OUTBOUND, "Rita called", "Rita's address", null, "Rita said"));
        leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.LOST, "Rita is broke", null));
        leads.reopen(salesManager, new LeadCommand(lead.id(), null));
        crm.tasks().create(rep, new CreateTaskCommand("Call Rita back", "at her home number", clock.instant()
                .plus(Duration.ofDays(3)), TaskPriority.MEDIUM, null, TaskLinkData.lead(lead.id()), null));
        clock.advance(Duration.ofHours(1));
        return leads.findById(crmManager, lead.id()).orElseThrow();
    }

    private List<InteractionView> interactionsOf(LeadId lead) {
        return crm.interactions().timeline(crmManager, TimelineQuery.ofLead(lead, 10)).items();
    }

    private List<TaskView> tasksOf(LeadId lead) {
        return persistence.unitOfWork().inTransaction(() -> new TaskStore(persistence.tasks()).linkedTo(TaskLink.lead(lead),
                EnumSet.allOf(TaskStatus.class), null, 100)).stream()
                .map(t -> crm.tasks().findById(rep, t.id()).orElseThrow()).toList();
    }

    private long audited(String action) {
        return persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(new AuditCriteria(null,
                null, action, null, null, null, null, null, null), 1000).size());
    }

    @Test
    void erasingALeadBlanksItsPersonalDataHistoryInteractionsAndTasksAndClosesItAsLost() {
        LeadView before = ritasLead();
        publisher.clear();

        LeadView erased = leads.erase(crmManager, new LeadCommand(before.id(), before.version()));

        assertThat(List.of(erased.firstName(), erased.lastName())).containsOnly("[erased]");
        assertThat(erased.company()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.notes()).isNull();
        assertThat(erased.stage()).as("taken out of the open pipeline").isEqualTo(LeadStage.LOST);
        assertThat(erased.lostReason()).isEqualTo("[erased]");
        assertThat(erased.history()).extracting(StageChange::reason).filteredOn(Objects::nonNull)
                .containsOnly("[erased]").hasSize(2);
        assertThat(erased.owner()).isEqualTo(before.owner());
        assertThat(erased.estimatedValue()).isEqualTo(before.estimatedValue());
        assertThat(leads.findById(crmManager, before.id())).contains(erased);
        assertThat(interactionsOf(before.id())).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo("[erased]");
            assertThat(i.summary()).isNull();
            assertThat(i.outcome()).isNull();
        });
        assertThat(tasksOf(before.id())).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo(Task.ERASED_TITLE);
            assertThat(t.description()).isNull();
        });
        assertThat(audited("lead.erase")).isEqualTo(1);
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(publisher.events()).filteredOn(LeadEvents.LeadErased.class::isInstance).singleElement()
                .isEqualTo(new LeadEvents.LeadErased(before.id(), clock.instant()));
        assertThat(leads.search(crmManager, new LeadSearchQuery("Rita", null, null, null, null, null, null,
                null, LeadSort.CREATED_ASC, PageRequest.first(10))).items())
                .as("nothing left to find by the person's name").isEmpty();
    }

    /**
     * A converted lead's open tasks move to its customer; its closed ones stay with the lead. Erasing the customer
     * blanks those too (they used to keep the person's words).
     */
    @Test
    void erasingTheCustomerALeadBecameBlanksTheTasksThatStayedWithTheLead() {
        LeadView lead = ritasLead();
        TaskView call = tasksOf(lead.id()).get(0);
        crm.tasks().complete(rep, new TaskStatusCommand(call.id(), null));
        if (leads.findById(crmManager, lead.id()).orElseThrow().stage() != LeadStage.CONTACTED) {
            leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.CONTACTED, null, null));
        }
        leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, null));
        CustomerId customer = leads.convert(salesManager, new LeadCommand(lead.id(), null)).customerId();
        assertThat(tasksOf(lead.id())).as("the closed task stayed with the lead").singleElement()
                .satisfies(t -> assertThat(t.title()).isEqualTo("Call Rita back"));

        crm.customers().erase(crmManager, customer);

        assertThat(tasksOf(lead.id())).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo(Task.ERASED_TITLE);
            assertThat(t.description()).isNull();
            assertThat(t.status()).isEqualTo(TaskStatus.COMPLETED);
        });
    }

    @Test
    void erasingAnErasedLeadReturnsItAndWritesNothing() {
        LeadView lead = ritasLead();
        LeadView erased = leads.erase(crmManager, new LeadCommand(lead.id(), null));
        Object stored = persistence.unitOfWork().inTransaction(this::storedState);
        publisher.clear();

        LeadView again = leads.erase(Actor.system("gdpr-job"), new LeadCommand(lead.id(), 0L));

        assertThat(again).isEqualTo(erased);
        assertThat(persistence.unitOfWork().inTransaction(this::storedState)).isEqualTo(stored);
        assertThat(audited("lead.erase")).as("no second audit entry").isEqualTo(1);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void anErasedLeadRefusesEveryChange() {
        LeadView lead = ritasLead();
        LeadView erased = leads.erase(crmManager, new LeadCommand(lead.id(), null));

        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable change : List.<
                org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> leads.reopen(salesManager, new LeadCommand(lead.id(), null)),
                () -> leads.updateDetails(salesManager, UpdateLeadCommand.of(lead.id()).firstName("Rita")
                        .email("rita@example.org").build()),
                () -> leads.assign(salesManager, new AssignLeadCommand(lead.id(), ((Actor.Staff) rep).id(), null)),
                () -> crm.interactions().log(salesManager, LogInteractionCommand.onLead(lead.id(),
                        InteractionType.CALL, Direction.INBOUND, clock.instant(), "Rita again")))) {
            BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class, change);
            assertThat(e.code()).isEqualTo("lead_erased");
        }
        assertThat(leads.findById(crmManager, lead.id())).contains(erased);
    }

    @Test
    void aConvertedLeadIsErasedThroughItsCustomerAndRefusedHereNamingTheCustomer() {
        LeadView lead = leads.create(rep, CreateLeadCommand.of("Cora", "Client", "cora@example.org",
                LeadSource.REFERRAL));
        leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, null));
        LeadConversionView converted = leads.convert(rep, new LeadCommand(lead.id(), null));

        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.erase(crmManager, new LeadCommand(lead.id(), null)));

        assertThat(e.code()).isEqualTo("lead_converted");
        assertThat(e.details()).containsEntry("customerId", converted.customerId().toString());
    }

    @Test
    void aLeadErasedWithItsCustomerIsReturnedAsItIsAndRefusesReopening() {
        LeadView lead = leads.create(rep, CreateLeadCommand.of("Cora", "Client", "cora@example.org",
                LeadSource.REFERRAL));
        leads.changeStage(rep, new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, null));
        LeadConversionView converted = leads.convert(rep, new LeadCommand(lead.id(), null));
        crm.customers().erase(crmManager, converted.customerId());
        LeadView erased = leads.findById(crmManager, lead.id()).orElseThrow();
        long audited = audited("lead.erase");
        publisher.clear();

        assertThat(leads.erase(crmManager, new LeadCommand(lead.id(), null))).isEqualTo(erased);
        assertThat(audited("lead.erase")).isEqualTo(audited);
        assertThat(publisher.events()).isEmpty();
        assertThat(refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.reopen(salesManager, new LeadCommand(lead.id(), null))).code()).isEqualTo("lead_erased");
    }

    @Test
    void salesStaffMayNotEraseALeadEvenTheirOwn() {
        LeadView lead = ritasLead();

        refusals.deniedAndAuditedOnce(() -> leads.erase(rep, new LeadCommand(lead.id(), null)));
        refusals.deniedAndAuditedOnce(() -> leads.erase(salesManager, new LeadCommand(lead.id(), null)));
        assertThat(leads.findById(crmManager, lead.id()).orElseThrow().firstName()).isEqualTo("Rita");
    }

    @Test
    void anUnknownLeadIsNotFoundAMissingIdIsNamedAndAStaleVersionIsAConflict() {
        LeadView lead = ritasLead();

        refusals.withoutEffect(NotFoundException.class,
                () -> leads.erase(crmManager, new LeadCommand(LeadId.next(clock), null)));
        InvalidCommandException missing = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.erase(crmManager, new LeadCommand(null, null)));
        assertThat(missing.fields()).containsExactly("leadId");
        ConflictException stale = refusals.withoutEffect(ConflictException.class,
                () -> leads.erase(crmManager, new LeadCommand(lead.id(), lead.version() - 1)));
        assertThat(stale.code()).isEqualTo("stale_version");
    }
}
