package org.crmkit.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;

/**
 * Every use case that takes an idempotency key, as a host calls it in a {@link TicketWorld}: each creates one record
 * from a fixed request (or, with {@code other}, a request of different content) under a given key. What a test of
 * retries needs, on any adapter: the call, and how many records of its kind the store holds (the audit trail's
 * successful entries of the use case, written in the same transaction as the record).
 */
public final class KeyedCreations {
    private final TicketWorld world;
    private final Actor rep;
    private final TicketId ticket;

    /** @param world the world to create in; enrols a sales rep and submits a ticket to comment on */
    public KeyedCreations(TicketWorld world) {
        this.world = world;
        this.rep = TestStaff.enrol(world.crm, StaffId.next(world.clock), world.support, Role.SALES_REP);
        this.ticket = world.submit(world.aliceActor, world.alice.id()).id();
    }

    /**
     * One keyed use case.
     *
     * @param action the use case's audited action
     * @param create makes the request (of other content when {@link Request#other}) with the request's key, and
     *               returns the id of what it created (for a comment: the ticket's)
     */
    public record Creation(String action, Function<Request, UUID> create) {
        /** @return what the call created */
        public UUID call(String key) {
            return create.apply(new Request(key, false));
        }

        /** @return what a call with other content created */
        public UUID callOther(String key) {
            return create.apply(new Request(key, true));
        }

        @Override
        public String toString() {
            return action;
        }
    }

    /**
     * @param key   the idempotency key, or {@code null}
     * @param other whether the content differs from the usual request
     */
    public record Request(String key, boolean other) {
        String text(String usual) {
            return other ? usual + " (other)" : usual;
        }

        /** @return an address of this key's own (a new one without a key): an email is unique to one customer */
        String email(String name) {
            return name + "-" + (key == null ? UUID.randomUUID() : Integer.toHexString(key.hashCode()))
                    + "@example.org";
        }
    }

    /** @return one creation per keyed use case */
    public List<Creation> all() {
        return List.of(
                new Creation("customer.register", r -> world.crm.customers().register(TicketWorld.SYSTEM,
                        RegisterCustomerCommand.selfSignUp(r.text("Kim"), "Keyed", r.email("kim"), null, false).withIdempotencyKey(r.key())).id().value()),
                new Creation("lead.create", r -> world.crm.leads().create(rep, CreateLeadCommand.of(r.text("Lee"),
                        "Keyed", "lee-keyed@example.org", LeadSource.WEB_FORM).withIdempotencyKey(r.key())).id().value()),
                new Creation("interaction.log", r -> world.crm.interactions().log(TicketWorld.SYSTEM,
                        LogInteractionCommand.builder().type(InteractionType.CALL).customerId(world.alice.id())
                                .occurredAt(TicketWorld.MONDAY_9).direction(Direction.INBOUND)
                                .subject(r.text("Asked about mugs")).staffId(TicketWorld.idOf(rep)).build()
                                .withIdempotencyKey(r.key())).id().value()),
                new Creation("quote.request", r -> world.crm.quotes().request(world.aliceActor,
                        new RequestQuoteCommand(world.alice.id(), "EUR", List.of(new RequestQuoteCommand.Line(
                                world.mug.id(), r.other() ? 3 : 2)), null).withIdempotencyKey(r.key()))
                        .id().value()),
                new Creation("task.create", r -> world.crm.tasks().create(rep, CreateTaskCommand.builder()
                        .title(r.text("Call Alice back")).dueAt(world.clock.instant().plus(Duration.ofDays(2)))
                        .priority(TaskPriority.MEDIUM).build().withIdempotencyKey(r.key())).id().value()),
                new Creation("ticket.submit", r -> world.tickets.submit(world.aliceActor, new SubmitTicketCommand(
                        world.alice.id(), r.text("Printer on fire"), "It smokes.", "hardware", TicketPriority.NORMAL,
                        TicketChannel.WEB, null, null, null, world.support, r.key())).id().value()),
                new Creation("ticket.comment", r -> world.tickets.comment(world.aliceActor, new CommentTicketCommand(
                        ticket, false, r.text("Still smoking."), r.key())).id().value()));
    }

    /** @return how many times the use case succeeded: its successful audit entries */
    public int count(Creation creation) {
        return world.store.unitOfWork().inTransaction(() -> world.store.auditLog().search(new AuditCriteria(null,
                null, creation.action(), null, null, null, null, null, AuditOutcome.SUCCESS), 10_000).size());
    }
}
