package org.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant.LeadConversion;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.application.TaskApplication;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task area's part in a lead's conversion, called directly as the lead area calls it (and once through the lead
 * area itself): inside the conversion's transaction, the lead's open tasks move to the customer, or nothing moves.
 */
class LeadConversionTasksTest {
    private static final Actor SYSTEM = Actor.system("conversion-test");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private InMemoryCrmPersistence persistence;
    private Crm crm;
    private LeadConversionParticipant participant;
    private Actor rep;
    private LeadId lead;
    private CustomerId customer;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        persistence = InMemoryCrmPersistence.create();
        crm = Crm.builder().clock(clock).persistence(persistence).eventPublisher(publisher).build();
        publisher.watch(persistence.unitOfWork());
        // what Crm will hand the lead area: the same persistence, clock and publisher
        UseCaseSupport support = new UseCaseSupport(clock, CommandValidator.createDefault(),
                new DefaultAccessPolicy(), persistence.unitOfWork(), persistence.auditLog(), publisher,
                ActorResolver.asGiven(), persistence.port(org.crmkit.core.shared.IdempotencyKeys.class).orElseThrow());
        participant = TaskApplication.leadConversionParticipant(support, persistence.tasks());
        rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        lead = newLead("lena@example.com");
        customer = crm.customers().register(SYSTEM, new RegisterCustomerCommand("Lena", "Lead", "lena@example.com",
                null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
    }

    private LeadId newLead(String email) {
        return crm.leads().create(rep, CreateLeadCommand.of("Lena", "Lead", email, LeadSource.REFERRAL)).id();
    }

    private TaskView task(String title, TaskLinkData link) {
        return crm.tasks().create(rep, new CreateTaskCommand(title, null, clock.instant().plus(Duration.ofDays(3)),
                TaskPriority.MEDIUM, null, link, null));
    }

    private TaskView reload(TaskView task) {
        return crm.tasks().findById(rep, task.id()).orElseThrow();
    }

    @Test
    void theLeadsOpenTasksMoveToTheCustomerInTheConversionsTransaction() {
        TaskView pending = task("Send offer", TaskLinkData.lead(lead));
        TaskView started = crm.tasks().start(rep, new TaskStatusCommand(task("Demo", TaskLinkData.lead(lead)).id(),
                null));
        TaskView done = crm.tasks().complete(rep, new TaskStatusCommand(task("First call",
                TaskLinkData.lead(lead)).id(), null));
        TaskView otherLeads = task("Other lead", TaskLinkData.lead(newLead("other.lead@example.com")));
        TaskView unlinked = task("Unlinked", null);
        clock.advance(Duration.ofMinutes(1));
        Instant at = clock.instant();
        publisher.clear();

        persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, at));
            assertThat(publisher.events()).as("nothing published before the conversion commits").isEmpty();
            return null;
        });

        for (TaskView moved : new TaskView[] {pending, started}) {
            TaskView now = reload(moved);
            assertThat(now.link()).isEqualTo(TaskLinkData.customer(customer));
            assertThat(now.version()).isEqualTo(moved.version() + 1);
            assertThat(now.status()).isEqualTo(moved.status());
            assertThat(now.updatedAt()).isEqualTo(at);
        }
        assertThat(reload(done)).as("a closed task keeps its lead, as history").isEqualTo(done);
        assertThat(reload(done).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(reload(otherLeads)).isEqualTo(otherLeads);
        assertThat(reload(unlinked)).isEqualTo(unlinked);
        assertThat(publisher.events()).containsExactlyInAnyOrder(
                new TaskEvents.TaskRelinked(pending.id(), TaskLink.lead(lead), TaskLink.customer(customer), at),
                new TaskEvents.TaskRelinked(started.id(), TaskLink.lead(lead), TaskLink.customer(customer), at));
        assertThat(publisher.insideTransaction()).containsOnly(false);
    }

    @Test
    void aConversionThatFailsAfterwardsMovesNothing() {
        TaskView pending = task("Send offer", TaskLinkData.lead(lead));
        publisher.clear();

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, clock.instant()));
            throw new IllegalStateException("the lead's stage change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(reload(pending)).isEqualTo(pending);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void manyOpenTasksMoveAcrossPages() {
        java.util.List<TaskId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ids.add(task("Task " + i, TaskLinkData.lead(lead)).id());
        }
        persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, clock.instant()));
            return null;
        });
        assertThat(ids).allSatisfy(id -> assertThat(crm.tasks().findById(rep, id).orElseThrow().link())
                .isEqualTo(TaskLinkData.customer(customer)));
    }

    @Test
    void convertingTheLeadThroughTheLeadAreaMovesItsOpenTasks() {
        LeadId referred = newLead("rob.referred@example.com");
        TaskView open = task("Send offer", TaskLinkData.lead(referred));
        TaskView done = crm.tasks().complete(rep, new TaskStatusCommand(task("First call",
                TaskLinkData.lead(referred)).id(), null));
        crm.leads().changeStage(rep, new ChangeLeadStageCommand(referred, LeadStage.QUALIFIED, null, null));

        CustomerId became = crm.leads().convert(rep, new LeadCommand(referred, null)).customerId();

        assertThat(reload(open).link()).isEqualTo(TaskLinkData.customer(became));
        assertThat(reload(done).link()).isEqualTo(TaskLinkData.lead(referred));
    }

    @Test
    void aLeadWithoutTasksConvertsWithoutChanges() {
        TaskView otherLeads = task("Other lead", TaskLinkData.lead(newLead("other.lead@example.com")));
        TaskView unlinked = task("Unlinked", null);
        publisher.clear();

        persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, clock.instant()));
            return null;
        });

        assertThat(publisher.events()).noneMatch(e -> e instanceof TaskEvents.TaskRelinked);
        for (TaskView untouched : new TaskView[] {otherLeads, unlinked}) {
            assertThat(reload(untouched)).isEqualTo(untouched);
            assertThat(reload(untouched).version()).isEqualTo(untouched.version());
        }
    }
}
