package org.crmkit.core.lead;

import org.crmkit.core.lead.internal.store.LeadStore;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.lead.port.in.AssignLeadCommand;
import org.crmkit.core.lead.port.in.AssignRoundRobinCommand;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the lead and interaction use cases: each call is refused with the documented error naming the field
 * or the rule, and leaves every lead (with its history and score), every interaction, every customer, the audit trail
 * and the event stream as they were. A refusal by the access policy writes one DENIED audit entry and nothing else.
 */
class LeadBadInputTest {
    private static final Actor SYSTEM = Actor.system("lead-bad-input-test");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Leads leads;
    private Actor manager;
    private Actor rep;
    private Actor otherRep;
    private Actor agent;
    private LeadView repsLead;
    private LeadView otherRepsLead;
    private Refusals refusals;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-04-01T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        leads = crm.leads();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        otherRep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        repsLead = leads.create(rep, new CreateLeadCommand("Rita", "Prospect", "Acme", "rita@example.org", null,
                LeadSource.WEB_FORM, MoneyData.of("2500", "EUR"), null, null));
        otherRepsLead = leads.create(otherRep, CreateLeadCommand.of("Otto", "Other", "otto@example.org",
                LeadSource.CAMPAIGN));
        clock.advance(Duration.ofMinutes(1));
        refusals = new Refusals(crm, publisher, this::storedState);
        publisher.clear();
    }

    /** Every lead, interaction and customer as stored. */
    private Object storedState() {
        List<Object> state = new ArrayList<>();
        new LeadStore(store.leads()).search(new LeadSearchCriteria(null, null, null, null, null, null, null, null,
                LeadSort.CREATED_ASC, null), 1000).forEach(l -> state.add(l.snapshot()));
        for (Object lead : new ArrayList<>(state)) {
            LeadId id = ((org.crmkit.core.lead.LeadSnapshot) lead).id();
            state.addAll(store.interactions().timelineOfLead(id, null, 1000));
        }
        new CustomerStore(store.customers()).search(new CustomerSearchCriteria(null, null, null, null, null, null, null,
                CustomerSort.REGISTERED_ASC, null), 1000).forEach(c -> state.add(c.snapshot()));
        return state;
    }

    private ChangeLeadStageCommand stage(LeadView lead, LeadStage to, String reason) {
        return new ChangeLeadStageCommand(lead.id(), to, reason, null);
    }

    @Test
    void losingALeadWithoutAReasonIsRefusedNamingReason() {
        for (String reason : new String[] {null, "", "   "}) {
            InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                    () -> leads.changeStage(rep, stage(repsLead, LeadStage.LOST, reason)));
            assertThat(e.code()).isEqualTo("invalid_command");
            assertThat(e.fields()).containsExactly("reason");
        }
    }

    @Test
    void tooLongNotesOrReasonsAndEveryOtherBadFieldAreNamedAtOnce() {
        String tooLong = "n".repeat(2001);
        InvalidCommandException created = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.create(rep, new CreateLeadCommand("Rita", "Prospect", "C".repeat(201), "not-an-email",
                        "12", LeadSource.WEB_FORM, MoneyData.of("-1", "EUR"), tooLong, null)));
        assertThat(created.code()).isEqualTo("invalid_command");
        assertThat(created.fields()).containsExactlyInAnyOrder("company", "email", "phone", "estimatedValue.amount",
                "notes");

        InvalidCommandException updated = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.updateDetails(rep, UpdateLeadCommand.of(repsLead.id()).firstName("Rita")
                        .email("bad@").notes(tooLong).build()));
        assertThat(updated.fields()).containsExactlyInAnyOrder("email", "notes");

        InvalidCommandException lost = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.changeStage(rep, stage(repsLead, LeadStage.LOST, tooLong)));
        assertThat(lost.fields()).containsExactly("reason");
    }

    /** Guards a fixed bug, where a lost lead's missing reason was named only once the constraints passed. */
    @Test
    void aLostLeadsMissingReasonIsNamedWithTheOtherBadFields() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.changeStage(rep, new ChangeLeadStageCommand(null, LeadStage.LOST, " ", null)));
        assertThat(e.fields()).containsExactly("leadId", "reason");
    }

    /**
     * Guards a fixed bug, where an interaction was checked in rounds: the constraints and texts, then its subject
     * (exactly one of customer and lead), then its time, and the direction a call needs only inside the transaction.
     */
    @Test
    void everyBadFieldOfAnInteractionIsListedAtOnce() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.CALL, null, null,
                        clock.instant().plus(Duration.ofDays(2)), -1L, null, "Call", null, null, null)));
        assertThat(e.fields()).containsExactly("customerId", "direction", "durationSeconds", "occurredAt");
        InvalidCommandException years = refusals.withoutEffect(InvalidCommandException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, null,
                        repsLead.id(), Instant.parse("0999-12-31T23:59:59Z"), null, null, " ", null, null, null)));
        assertThat(years.fields()).containsExactly("occurredAt", "subject");
    }

    @Test
    void anInteractionWithATooLongSubjectAndSummaryNamesBoth() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, null,
                        repsLead.id(), clock.instant(), null, null, "s".repeat(201), "m".repeat(4001), null,
                        "o".repeat(201))));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactlyInAnyOrder("subject", "summary", "outcome");
    }

    @Test
    void controlCharactersInNotesReasonsAndInteractionTextsAreRefusedByName() {
        InvalidCommandException notes = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.create(rep, new CreateLeadCommand("Rita", "Prospect", null, "rita@example.org", null,
                        LeadSource.WEB_FORM, null, "call back\u0000", null)));
        assertThat(notes.fields()).containsExactly("notes");
        InvalidCommandException reason = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.changeStage(rep, stage(repsLead, LeadStage.LOST, "no\u001bbudget")));
        assertThat(reason.fields()).containsExactly("reason");
        InvalidCommandException logged = refusals.withoutEffect(InvalidCommandException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, null,
                        repsLead.id(), clock.instant(), null, null, "Note\u0007", "fine\nsummary", null,
                        "out\ud800")));
        assertThat(logged.fields()).containsExactlyInAnyOrder("subject", "outcome");
    }

    @Test
    void aRepLogsInteractionsOnlyAsThemselfWhileAManagerMayNameAnyone() {
        StaffId otherRepId = ((Actor.Staff) otherRep).id();
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, null,
                        repsLead.id(), clock.instant(), null, null, "Note", null, otherRepId, null)));
        assertThat(e.code()).isEqualTo("interaction_staff_not_caller");
        assertThat(e.details()).containsEntry("field", "staffId");

        StaffId repId = ((Actor.Staff) rep).id();
        assertThat(crm.interactions().log(rep, new LogInteractionCommand(InteractionType.NOTE, null, repsLead.id(),
                clock.instant(), null, null, "Note", null, repId, null)).staffId()).isEqualTo(repId);
        assertThat(crm.interactions().log(manager, new LogInteractionCommand(InteractionType.NOTE, null,
                repsLead.id(), clock.instant(), null, null, "Note", null, repId, null)).staffId()).isEqualTo(repId);
    }

    @Test
    void aRepReadingTheTimelineOfAnotherRepsLeadIsRefused() {
        crm.interactions().log(otherRep, org.crmkit.core.interaction.port.in.LogInteractionCommand.onLead(
                otherRepsLead.id(), InteractionType.NOTE, null, clock.instant(), "Otto's note"));
        publisher.clear();
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> crm.interactions().timeline(rep,
                org.crmkit.core.interaction.port.in.TimelineQuery.ofLead(otherRepsLead.id(), 10)));
        assertThat(e.code()).isEqualTo("access_denied");
    }

    @Test
    void skippingContactedIsAnIllegalTransitionUnlessTheLeadIsAReferral() {
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.changeStage(rep, stage(repsLead, LeadStage.QUALIFIED, null)));
        assertThat(e.code()).isEqualTo("illegal_transition");
        assertThat(e.details()).containsEntry("from", "NEW").containsEntry("to", "QUALIFIED");
    }

    @Test
    void movingBackwardsIsAnIllegalTransition() {
        leads.changeStage(rep, stage(repsLead, LeadStage.CONTACTED, null));
        publisher.clear();
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.changeStage(rep, stage(repsLead, LeadStage.NEW, null)));
        assertThat(e.code()).isEqualTo("illegal_transition");
        assertThat(e.details()).containsEntry("from", "CONTACTED").containsEntry("to", "NEW");
    }

    @Test
    void aLeadIsNotWonByChangingItsStage() {
        assertThat(refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.changeStage(manager, stage(repsLead, LeadStage.WON, null))).code())
                .isEqualTo("lead_won_by_conversion");
    }

    @Test
    void convertingALeadThatIsNotQualifiedIsRefused() {
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.convert(rep, new LeadCommand(repsLead.id(), null)));
        assertThat(e.code()).isEqualTo("lead_not_qualified");
        assertThat(e.details()).containsEntry("stage", "NEW");
    }

    @Test
    void convertingALeadWithoutEmailIsRefusedNamingEmail() {
        LeadView noEmail = leads.create(rep, new CreateLeadCommand("Nora", "Nomail", null, null, "+41 44 668 18 00",
                LeadSource.REFERRAL, null, null, null));
        leads.changeStage(rep, stage(noEmail, LeadStage.QUALIFIED, null));
        publisher.clear();
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.convert(rep, new LeadCommand(noEmail.id(), null)));
        assertThat(e.code()).isEqualTo("lead_email_missing");
        assertThat(e.details()).containsEntry("field", "email");
    }

    @Test
    void aSalesRepTouchingAnotherRepsLeadIsDeniedAndAuditedOnce() {
        refusals.deniedAndAuditedOnce(() -> leads.changeStage(rep, stage(otherRepsLead, LeadStage.CONTACTED, null)));
        refusals.deniedAndAuditedOnce(() -> leads.updateDetails(rep, UpdateLeadCommand.of(otherRepsLead.id())
                .company("Mine now").source(LeadSource.CAMPAIGN).build()));
        refusals.deniedAndAuditedOnce(() -> leads.convert(rep, new LeadCommand(otherRepsLead.id(), null)));
        refusals.deniedAndAuditedOnce(() -> crm.interactions().log(rep, LogInteractionCommand.onLead(
                otherRepsLead.id(), InteractionType.CALL, Direction.OUTBOUND, clock.instant(), "Hello")));
        assertThat(leads.findById(otherRep, otherRepsLead.id())).isPresent();
    }

    @Test
    void aSalesRepMayNeitherReopenNorAssign() {
        leads.changeStage(rep, stage(repsLead, LeadStage.LOST, "no budget"));
        publisher.clear();
        refusals.deniedAndAuditedOnce(() -> leads.reopen(rep, new LeadCommand(repsLead.id(), null)));
        refusals.deniedAndAuditedOnce(() -> leads.assign(rep, new AssignLeadCommand(repsLead.id(),
                ((Actor.Staff) otherRep).id(), null)));
    }

    @Test
    void assigningAnUnknownOwnerIsRefusedNamingOwner() {
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.assign(manager, new AssignLeadCommand(repsLead.id(), StaffId.next(clock), null)));
        assertThat(e.code()).isEqualTo("owner_not_sales");
        assertThat(e.details()).containsEntry("field", "owner");
    }

    @Test
    void anOwnerWhoMayNotWorkOnLeadsIsRefused() {
        assertThat(refusals.withoutEffect(BusinessRuleViolationException.class, () -> leads.create(manager,
                new CreateLeadCommand("Sam", "Support", null, null, null, LeadSource.OTHER, null, null,
                        ((Actor.Staff) agent).id()))).code()).isEqualTo("owner_not_sales");
    }

    @Test
    void creatingALeadWithoutANameOrSourceNamesEveryField() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                () -> leads.create(rep, new CreateLeadCommand(" ", null, null, null, null, null, null, null, null)));
        assertThat(e.fields()).containsExactlyInAnyOrder("firstName", "lastName", "source");
    }

    @Test
    void aBadEmailOrPhoneIsRefusedNamingIt() {
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> leads.create(rep,
                CreateLeadCommand.of("Eve", "Mail", "not an email", LeadSource.WEB_FORM))).fields())
                .containsExactly("email");
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> leads.create(rep,
                new CreateLeadCommand("Pia", "Phone", null, null, "12345", LeadSource.WEB_FORM, null, null, null)))
                .fields()).containsExactly("phone");
    }

    @Test
    void aNegativeOrUnknownCurrencyEstimatedValueIsRefusedNamingIt() {
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> leads.create(rep,
                new CreateLeadCommand("Val", "Negative", null, null, null, LeadSource.WEB_FORM,
                        new MoneyData(new BigDecimal("-1"), "EUR"), null, null))).fields())
                .containsExactly("estimatedValue.amount");
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> leads.create(rep,
                new CreateLeadCommand("Val", "Currency", null, null, null, LeadSource.WEB_FORM,
                        new MoneyData(BigDecimal.TEN, "XYZ"), null, null))).fields())
                .containsExactly("estimatedValue.currency");
    }

    @Test
    void reopeningAnOpenLeadIsRefused() {
        assertThat(refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.reopen(manager, new LeadCommand(repsLead.id(), null))).code())
                .isEqualTo("lead_not_closed");
    }

    @Test
    void aStaleVersionIsAConflict() {
        ConflictException e = refusals.withoutEffect(ConflictException.class, () -> leads.changeStage(rep,
                new ChangeLeadStageCommand(repsLead.id(), LeadStage.CONTACTED, null, repsLead.version() + 1)));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void anUnknownLeadIsNotFound() {
        LeadId unknown = LeadId.next(clock);
        NotFoundException e = refusals.withoutEffect(NotFoundException.class,
                () -> leads.changeStage(manager, new ChangeLeadStageCommand(unknown, LeadStage.CONTACTED, null, null)));
        assertThat(e.type()).isEqualTo("lead");
        assertThat(refusals.withoutEffect(NotFoundException.class, () -> crm.interactions().log(manager,
                LogInteractionCommand.onLead(unknown, InteractionType.CALL, Direction.INBOUND, clock.instant(),
                        "Who?"))).type()).isEqualTo("lead");
    }

    @Test
    void roundRobinInADepartmentWithoutSalesRepsIsRefused() {
        DepartmentId empty = crm.departments().create(SYSTEM, new CreateDepartmentCommand("Empty", null)).id();
        publisher.clear();
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> leads.assignRoundRobin(manager, new AssignRoundRobinCommand(repsLead.id(), empty, null)));
        assertThat(e.code()).isEqualTo("no_sales_rep");
        assertThat(e.details()).containsEntry("field", "departmentId");
    }

    @Test
    void aNegativeDurationIsRefusedNamingDurationSeconds() {
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class,
                () -> crm.interactions().log(rep, new LogInteractionCommand(InteractionType.CALL, null,
                        repsLead.id(), clock.instant(), -60L, Direction.OUTBOUND, "Call", null, null, null)));
        assertThat(e.fields()).containsExactly("durationSeconds");
    }

    @Test
    void anInteractionNamesExactlyOneOfCustomerAndLead() {
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> crm.interactions().log(rep,
                new LogInteractionCommand(InteractionType.NOTE, null, null, clock.instant(), null, null, "Note",
                        null, null, null))).fields()).containsExactly("customerId");
    }

    @Test
    void aCallWithoutDirectionOrSubjectOrInTheFarFutureIsRefusedNamingIt() {
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> crm.interactions().log(rep,
                LogInteractionCommand.onLead(repsLead.id(), InteractionType.CALL, null, clock.instant(), "Call")))
                .fields()).containsExactly("direction");
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> crm.interactions().log(rep,
                LogInteractionCommand.onLead(repsLead.id(), InteractionType.NOTE, null, clock.instant(), " ")))
                .fields()).containsExactly("subject");
        Instant farAhead = clock.instant().plus(Duration.ofDays(2));
        assertThat(refusals.withoutEffect(InvalidCommandException.class, () -> crm.interactions().log(rep,
                LogInteractionCommand.onLead(repsLead.id(), InteractionType.NOTE, null, farAhead, "Later")))
                .fields()).containsExactly("occurredAt");
    }

    @Test
    void aConvertedLeadTakesNoMoreInteractions() {
        LeadView referral = leads.create(rep, CreateLeadCommand.of("Ray", "Referral", "ray@example.org",
                LeadSource.REFERRAL));
        leads.changeStage(rep, stage(referral, LeadStage.QUALIFIED, null));
        leads.convert(rep, new LeadCommand(referral.id(), null));
        publisher.clear();
        BusinessRuleViolationException e = refusals.withoutEffect(BusinessRuleViolationException.class,
                () -> crm.interactions().log(rep, LogInteractionCommand.onLead(referral.id(), InteractionType.CALL,
                        Direction.INBOUND, clock.instant(), "After")));
        assertThat(e.code()).isEqualTo("lead_converted");
        assertThat(refusals.withoutEffect(BusinessRuleViolationException.class, () -> leads.changeStage(manager,
                stage(referral, LeadStage.LOST, "changed mind"))).code()).isEqualTo("lead_closed");
    }
}
