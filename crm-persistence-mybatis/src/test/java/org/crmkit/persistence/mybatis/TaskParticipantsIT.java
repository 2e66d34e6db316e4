package org.crmkit.persistence.mybatis;

import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.shared.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.EventPublisher;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant.LeadConversion;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.application.TaskApplication;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The task area's parts in other areas' use cases on a real MySQL-compatible server: a lead's conversion and a
 * customer's erasure; each commits or rolls back with the use case that calls it.
 */
class TaskParticipantsIT {

    @Test
    void theLeadsOpenTasksMoveWithTheConversionOrNotAtAll() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        MyBatisCrmPersistence persistence = TestDatabase.get().emptyPersistence();
        Crm crm = Crm.builder().clock(clock).persistence(persistence).build();
        LeadConversionParticipant participant = TaskApplication.leadConversionParticipant(new UseCaseSupport(clock,
                CommandValidator.createDefault(), new DefaultAccessPolicy(), persistence.unitOfWork(),
                persistence.port(AuditLog.class).orElseThrow(), EventPublisher.noop(), ActorResolver.asGiven(),
                persistence.port(org.crmkit.core.shared.IdempotencyKeys.class).orElseThrow()), persistence.port(TaskRepository.class).orElseThrow());
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        LeadId lead = crm.leads().create(rep, org.crmkit.core.lead.port.in.CreateLeadCommand.of("Lena", "Lead",
                "lena.lead@example.com", org.crmkit.core.lead.LeadSource.REFERRAL)).id();
        CustomerId customer = crm.customers().register(Actor.system("it"), new RegisterCustomerCommand("Lena",
                "Lead", "lena@example.com", null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
        TaskView open = crm.tasks().create(rep, new CreateTaskCommand("Offer", null,
                clock.instant().plus(Duration.ofDays(2)), TaskPriority.HIGH, null, TaskLinkData.lead(lead), null));
        TaskView closed = crm.tasks().cancel(rep, new TaskStatusCommand(crm.tasks().create(rep,
                new CreateTaskCommand("Old", null, clock.instant().plus(Duration.ofDays(2)), TaskPriority.LOW, null,
                        TaskLinkData.lead(lead), null)).id(), null));

        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, clock.instant()));
            throw new IllegalStateException("conversion failed later");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(crm.tasks().findById(rep, open.id())).contains(open);

        persistence.unitOfWork().inTransaction(() -> {
            participant.leadConverted(new LeadConversion(lead, customer, rep, clock.instant()));
            return null;
        });
        assertThat(crm.tasks().findById(rep, open.id()).orElseThrow().link())
                .isEqualTo(TaskLinkData.customer(customer));
        assertThat(crm.tasks().findById(rep, closed.id())).contains(closed);
    }

    @Test
    void erasingACustomerErasesWhatTheirTasksSay() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        Crm crm = Crm.builder().clock(clock).persistence(TestDatabase.get().emptyPersistence()).build();
        Actor manager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        CustomerId customer = crm.customers().register(manager, new RegisterCustomerCommand("Ada", "Lovelace",
                "ada@example.com", null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
        TaskView task = crm.tasks().create(manager, new CreateTaskCommand("Call Ada Lovelace", "at home",
                clock.instant().plus(Duration.ofDays(2)), TaskPriority.HIGH, null, TaskLinkData.customer(customer),
                null));

        crm.customers().erase(manager, customer);

        TaskView erased = crm.tasks().findById(manager, task.id()).orElseThrow();
        assertThat(erased.title()).isEqualTo(org.crmkit.core.task.internal.domain.Task.ERASED_TITLE);
        assertThat(erased.description()).isNull();
        assertThat(erased.link()).isEqualTo(TaskLinkData.customer(customer));
        assertThat(erased.version()).isEqualTo(task.version() + 1);
    }
}
