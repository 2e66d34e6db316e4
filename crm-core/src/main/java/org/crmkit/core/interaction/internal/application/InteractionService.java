package org.crmkit.core.interaction.internal.application;

import org.crmkit.core.shared.CrmError;
import org.crmkit.core.lead.LeadError;
import org.crmkit.core.interaction.InteractionError;
import org.crmkit.core.interaction.internal.store.InteractionStore;
import org.crmkit.core.lead.internal.port.LeadDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.interaction.internal.domain.Interaction;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.Interactions;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.port.in.LeadActivity;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.interaction.InteractionPermission;

/**
 * The interaction use cases. The customer or lead an interaction names is looked up through its area's use cases as
 * the system; access follows that record's owner (the customer's account manager, the lead's owner).
 */
final class InteractionService implements Interactions {
    static final String TYPE = "interaction";
    /** How far ahead of the clock an interaction may be dated (a meeting logged from another time zone's device). */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final UseCaseSupport support;
    private final InteractionStore interactions;
    private final CustomerDirectory customers;
    private final LeadDirectory leads;
    private final LeadActivity activity;

    InteractionService(UseCaseSupport support, InteractionStore interactions, CustomerDirectory customers, LeadDirectory leads,
                       LeadActivity activity) {
        this.support = support;
        this.interactions = interactions;
        this.customers = customers;
        this.leads = leads;
        this.activity = activity;
    }

    @Override
    public InteractionView log(Actor actor, LogInteractionCommand command) {
        // the constraints and every rule of the command's own fields together: every bad field in one refusal
        Instant occurredAt = support.validate(actor, command, checks -> {
            checks.attempt(() -> Interaction.text("subject", command.subject(), Interaction.MAX_SUBJECT));
            checks.attempt(() -> Interaction.text("summary", command.summary(), Interaction.MAX_SUMMARY));
            checks.attempt(() -> Interaction.text("outcome", command.outcome(), Interaction.MAX_SUBJECT));
            if ((command.customerId() == null) == (command.leadId() == null)) {
                checks.refuse("customerId", "name exactly one of customerId and leadId");
            }
            if (command.direction() == null
                    && (command.type() == InteractionType.CALL || command.type() == InteractionType.EMAIL)) {
                checks.refuse("direction", "is required for a " + command.type());
            }
            return command.occurredAt() == null ? null : checks.attempt(() -> occurredAt(command.occurredAt()));
        });
        return support.transaction(() -> {
            Subject subject = subjectOf(command.customerId(), command.leadId());
            Actor caller = support.authorize(actor, InteractionPermission.INTERACTION_LOG, subject.target(), "interaction.log",
                    TYPE, null);
            subject.requireFound();
            subject.requireOpen();
            StaffId staff = command.staffId();
            if (staff == null && caller instanceof Actor.Staff s) {
                staff = s.id();
            }
            if (staff != null && caller instanceof Actor.Staff s && !s.id().equals(staff)
                    && support.scopeOf(caller, InteractionPermission.INTERACTION_LOG) != AccessScope.ANY) {
                // only those who may log against every customer and lead record others' interactions
                throw new BusinessRuleViolationException(InteractionError.INTERACTION_STAFF_NOT_CALLER, "the caller may log only "
                        + "their own interactions", java.util.Map.of("field", "staffId"));
            }
            if (staff == null) {
                throw new InvalidCommandException(List.of(new FieldError("staffId",
                        "must name the staff member when the caller is not one")));
            }
            if (!support.isActiveStaff(staff)) {
                throw new BusinessRuleViolationException(CrmError.STAFF_INACTIVE, "staff user " + staff
                        + " is not an active staff user", java.util.Map.of("field", "staffId"));
            }
            StaffId by = staff;
            Interaction interaction = UseCaseSupport.commandField(() -> Interaction.log(
                    InteractionId.next(support.clock()), command.type(), command.customerId(), command.leadId(),
                    occurredAt, command.durationSeconds() == null ? null
                            : Duration.ofSeconds(command.durationSeconds()), command.direction(), command.subject(),
                    command.summary(), by, command.outcome(), support.now()));
            return support.once(actor, "interaction.log", command.idempotencyKey(), command, () -> {
                if (command.leadId() != null) {
                    // the lead first: the interaction's foreign key would take a shared lock on the lead row, and
                    // two loggings holding one each would deadlock on the lead's exclusive lock
                    activity.interactionLogged(command.leadId(), occurredAt);
                }
                interactions.add(interaction);
                support.audit(actor, "interaction.log", TYPE, interaction.id().value());
                support.publishAfterCommit(interaction.pullEvents());
                return InteractionView.of(interaction.snapshot());
            }, v -> v.id().value(),
                    id -> InteractionView.of(interactions.findById(new InteractionId(id)).orElseThrow().snapshot()));
        });
    }

    @Override
    public Page<InteractionView> timeline(Actor actor, TimelineQuery query) {
        support.validate(actor, query);
        requireOneSubject(query.customerId() != null, query.leadId() != null);
        String scope = query.customerId() != null ? "interaction.timeline/customer/" + query.customerId()
                : "interaction.timeline/lead/" + query.leadId();
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            Subject subject = subjectOf(query.customerId(), query.leadId());
            support.authorize(actor, InteractionPermission.INTERACTION_VIEW, subject.target(), "interaction.timeline", TYPE,
                    null);
            subject.requireFound();
            List<Interaction> fetched = query.customerId() != null
                    ? interactions.timelineOfCustomer(query.customerId(), after, size + 1)
                    : interactions.timelineOfLead(query.leadId(), after, size + 1);
            return Page.slice(fetched, size, i -> InteractionView.of(i.snapshot()),
                    i -> new EntryPosition(i.snapshot().occurredAt(), i.id().value()).toCursor(scope));
        });
    }

    /** @return when an interaction happened, as stored; refused outside the storable years or over a day ahead */
    private Instant occurredAt(Instant at) {
        Instant occurredAt = StoredTime.bound("occurredAt", at);
        if (occurredAt.isAfter(support.now().plus(MAX_AHEAD))) {
            throw new InvalidValueException("occurredAt", "must not lie more than a day ahead");
        }
        return occurredAt;
    }

    private static void requireOneSubject(boolean customer, boolean lead) {
        if (customer == lead) {
            throw new InvalidCommandException(List.of(new FieldError("customerId",
                    "name exactly one of customerId and leadId")));
        }
    }

    private Subject subjectOf(org.crmkit.core.shared.CustomerId customer, org.crmkit.core.lead.LeadId lead) {
        if (customer != null) {
            return new Subject(customers.find(customer), Optional.empty(), customer, null);
        }
        return new Subject(Optional.empty(), leads.find(lead), null, lead);
    }

    /** The customer or lead an interaction belongs to, as found. */
    private record Subject(Optional<CustomerView> customer, Optional<LeadView> lead,
                           org.crmkit.core.shared.CustomerId customerId, org.crmkit.core.lead.LeadId leadId) {
        AccessTarget target() {
            if (customerId != null) {
                return AccessTarget.customer(customerId, customer.map(CustomerView::accountManager).orElse(null));
            }
            return new AccessTarget(Optional.empty(), lead.map(LeadView::owner), Optional.empty());
        }

        void requireFound() {
            if (customerId != null && customer.isEmpty()) {
                throw new NotFoundException("customer", customerId);
            }
            if (leadId != null && lead.isEmpty()) {
                throw new NotFoundException("lead", leadId);
            }
        }

        void requireOpen() {
            customer.ifPresent(CustomerView::requireNotErased);
            lead.filter(LeadView::isConverted).ifPresent(l -> {
                throw new BusinessRuleViolationException(LeadError.LEAD_CONVERTED, "lead " + l.id()
                        + " was converted into customer " + l.convertedTo() + "; log against the customer",
                        java.util.Map.of("customerId", l.convertedTo().toString()));
            });
        }
    }
}
