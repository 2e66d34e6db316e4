package org.crmkit.core.lead.internal.application;

import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.lead.domain.Lead;
import org.crmkit.core.lead.domain.LeadContact;
import org.crmkit.core.lead.domain.LeadSnapshot;
import org.crmkit.core.lead.LeadEvents;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.AssignLeadCommand;
import org.crmkit.core.lead.port.in.AssignRoundRobinCommand;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.port.in.StaffView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.lead.LeadPermission;

/**
 * The lead use cases: validate, authorize (a lead is owned by its owner: a sales rep reaches only their own), load,
 * one domain call, save, audit, publish. Conversion registers or links the customer through {@link Customers} as the
 * caller, and lets the {@link LeadConversionParticipant}s move what belonged to the lead, all in one transaction.
 */
final class LeadService implements Leads {
    private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);
    static final String TYPE = "lead";

    private final UseCaseSupport support;
    private final LeadRepository leads;
    private final Customers customers;
    private final StaffDirectory staff;
    private final CustomerDirectory directory;
    private final LeadScoring scoring;
    private final List<LeadConversionParticipant> participants;
    private final List<LeadEraser> erasers;
    private final LeadSearch search;

    LeadService(UseCaseSupport support, LeadRepository leads, Customers customers, CustomerDirectory directory, StaffDirectory staff,
                LeadScoring scoring, List<LeadConversionParticipant> participants, List<LeadEraser> erasers) {
        this.directory = directory;
        this.support = support;
        this.leads = leads;
        this.customers = customers;
        this.staff = staff;
        this.scoring = scoring;
        this.participants = List.copyOf(participants);
        this.erasers = List.copyOf(erasers);
        this.search = new LeadSearch(leads);
    }

    @Override
    public LeadView create(Actor actor, CreateLeadCommand command) {
        LeadInput input = input(actor, command, command.firstName(), command.lastName(), command.company(),
                command.email(), command.phone(), command.estimatedValue(), command.notes());
        return support.transaction(() -> {
            Actor caller = support.authorize(actor, LeadPermission.LEAD_CREATE, AccessTarget.none(), "lead.create", TYPE,
                    null);
            StaffId owner = command.owner();
            if (owner == null && caller instanceof Actor.Staff s) {
                owner = s.id();
            } else if (owner != null && !(caller instanceof Actor.Staff s && s.id().equals(owner))) {
                // giving a new lead to someone else is an assignment
                support.authorize(actor, LeadPermission.LEAD_ASSIGN, AccessTarget.none(), "lead.create", TYPE, null);
            }
            if (owner != null) {
                requireSalesOwner(owner);
            }
            Lead lead = Lead.create(LeadId.next(support.clock()), input.contact(), command.source(), input.value(),
                    input.notes(), owner, scoring, actor, support.now());
            leads.add(lead);
            support.audit(actor, "lead.create", TYPE, lead.id().value());
            support.publishAfterCommit(lead.pullEvents());
            LOG.debug("created lead {}", lead.id());
            return LeadView.of(lead.snapshot());
        });
    }

    @Override
    public Optional<LeadView> findById(Actor actor, LeadId leadId) {
        support.validate(actor, new IdQuery(leadId));
        return support.transaction(() -> {
            Optional<Lead> found = leads.findById(leadId);
            support.authorize(actor, LeadPermission.LEAD_VIEW, targetOf(found), "lead.view", TYPE, leadId.value());
            return found.map(l -> LeadView.of(l.snapshot()));
        });
    }

    @Override
    public Page<LeadView> search(Actor actor, LeadSearchQuery query) {
        support.validate(actor, query);
        LeadSearch.Plan plan = search.plan(query);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, LeadPermission.LEAD_VIEW, "lead.search", TYPE);
            if (grant.scope() == AccessScope.ANY) {
                return search.run(plan);
            }
            // narrowed to the caller's own leads (a sales rep)
            return grant.actor() instanceof Actor.Staff s && grant.scope() == AccessScope.OWN
                    ? search.run(plan.ownedBy(s.id()))
                    : Page.empty();
        });
    }

    @Override
    public LeadView updateDetails(Actor actor, UpdateLeadCommand command) {
        LeadChange change = support.validate(actor, command, checks -> LeadChange.of(command, checks));
        return change(actor, LeadPermission.LEAD_UPDATE, "lead.update", command.leadId(), command.expectedVersion(),
                lead -> {
                    LeadSnapshot now = lead.snapshot();
                    lead.changeDetails(change.applyTo(now.contact()),
                            command.source() == null ? now.source() : command.source(),
                            change.value() == null ? now.estimatedValue() : change.value().orElse(null),
                            change.notes() == null ? now.notes() : change.notes().orElse(null), scoring,
                            support.now());
                });
    }

    @Override
    public LeadView changeStage(Actor actor, ChangeLeadStageCommand command) {
        support.validate(actor, command, checks -> checks.attempt(() -> Lead.checkText("reason", command.reason())));
        if (command.stage() == LeadStage.LOST && (command.reason() == null || command.reason().isBlank())) {
            throw new InvalidCommandException(List.of(new FieldError("reason",
                    "is required when a lead is lost")));
        }
        return change(actor, LeadPermission.LEAD_UPDATE, "lead.change_stage", command.leadId(),
                command.expectedVersion(),
                lead -> lead.moveTo(command.stage(), command.reason(), scoring, actor, support.now()));
    }

    @Override
    public LeadView reopen(Actor actor, LeadCommand command) {
        support.validate(actor, command);
        return change(actor, LeadPermission.LEAD_REOPEN, "lead.reopen", command.leadId(), command.expectedVersion(),
                lead -> lead.reopen(scoring, actor, support.now()));
    }

    @Override
    public LeadView assign(Actor actor, AssignLeadCommand command) {
        support.validate(actor, command);
        return change(actor, LeadPermission.LEAD_ASSIGN, "lead.assign", command.leadId(), command.expectedVersion(),
                lead -> {
                    requireSalesOwner(command.owner());
                    lead.assignTo(command.owner(), support.now());
                });
    }

    @Override
    public LeadView assignRoundRobin(Actor actor, AssignRoundRobinCommand command) {
        support.validate(actor, command);
        return change(actor, LeadPermission.LEAD_ASSIGN, "lead.assign", command.leadId(), command.expectedVersion(),
                lead -> lead.assignTo(nextInTurn(command.departmentId()), support.now()));
    }

    /** The department's active sales rep whose latest assignment is the oldest; one without any first; ties by id. */
    private StaffId nextInTurn(DepartmentId department) {
        List<StaffId> reps = new ArrayList<>();
        staff.activeWithRole(department, org.crmkit.core.shared.Role.SALES_REP).forEach(v -> reps.add(v.id()));
        if (reps.isEmpty()) {
            throw new BusinessRuleViolationException("no_sales_rep", "department " + department
                    + " has no active sales rep", Map.of("field", "departmentId"));
        }
        Map<StaffId, Instant> latest = leads.latestAssignments(reps);
        return reps.stream().min(Comparator.comparing((StaffId s) -> latest.getOrDefault(s, Instant.MIN))
                .thenComparing((a, b) -> UuidV7.compareBytes(a.value(), b.value()))).orElseThrow();
    }

    @Override
    public LeadConversionView convert(Actor actor, LeadCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            // locked: a second conversion of the lead waits here and then finds it won
            Optional<Lead> found = leads.lock(command.leadId());
            support.authorize(actor, LeadPermission.LEAD_CONVERT, targetOf(found), "lead.convert", TYPE,
                    command.leadId().value());
            Lead lead = found.orElseThrow(() -> new NotFoundException(TYPE, command.leadId()));
            if (command.expectedVersion() != null) {
                lead.requireVersion(command.expectedVersion());
            }
            lead.requireQualified();
            Instant now = support.now();
            CustomerLink link = lead.convertedTo() != null ? storedLink(lead) : findOrRegister(actor, lead);
            if (!link.existing() && lead.owner() != null
                    && !(actor instanceof Actor.Staff s && s.id().equals(lead.owner()))) {
                // a manager converts a rep's lead: the rep keeps sight of the customer, and of what moved to it
                customers.assignAccountManager(actor, new AssignAccountManagerCommand(link.customer(), lead.owner(),
                        null));
            }
            LeadConversionParticipant.LeadConversion conversion =
                    new LeadConversionParticipant.LeadConversion(lead.id(), link.customer(), actor, now);
            participants.forEach(p -> p.leadConverted(conversion));
            lead.convert(link.customer(), link.existing(), scoring, actor, now);
            leads.update(lead);
            support.audit(actor, "lead.convert", TYPE, lead.id().value());
            support.publishAfterCommit(lead.pullEvents());
            LOG.debug("converted lead {} into customer {}", lead.id(), link.customer());
            return new LeadConversionView(LeadView.of(lead.snapshot()), link.customer(), link.existing());
        });
    }

    @Override
    public LeadView erase(Actor actor, LeadCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            // locked: a conversion waits for the erasure, and then finds the lead erased
            Optional<Lead> found = leads.lock(command.leadId());
            support.authorize(actor, LeadPermission.LEAD_ERASE, targetOf(found), "lead.erase", TYPE,
                    command.leadId().value());
            Lead lead = found.orElseThrow(() -> new NotFoundException(TYPE, command.leadId()));
            if (lead.isErased()) {
                return LeadView.of(lead.snapshot());
            }
            if (command.expectedVersion() != null) {
                lead.requireVersion(command.expectedVersion());
            }
            if (lead.convertedTo() != null) {
                throw new BusinessRuleViolationException("lead_converted", "lead " + lead.id()
                        + " was converted into customer " + lead.convertedTo() + "; erase the customer, which "
                        + "erases the lead", Map.of("customerId", lead.convertedTo().toString()));
            }
            Instant now = support.now();
            if (!lead.stage().isClosed()) {
                // an erased lead leaves the open pipeline: lost, for a reason that says nothing about the person
                lead.moveTo(LeadStage.LOST, Lead.ERASED, scoring, actor, now);
                leads.update(lead);
            }
            erasers.forEach(eraser -> eraser.eraseLead(lead.id(), now));
            leads.erase(lead.id());
            Lead erased = leads.findById(lead.id()).orElseThrow(() -> new NotFoundException(TYPE, lead.id()));
            support.audit(actor, "lead.erase", TYPE, lead.id().value());
            support.publishAfterCommit(lead.pullEvents());
            support.publishAfterCommit(List.of(new LeadEvents.LeadErased(lead.id(), now)));
            LOG.debug("erased lead {}", lead.id());
            return LeadView.of(erased.snapshot());
        });
    }

    /** A reopened converted lead converts to its customer again, unless that customer was erased meanwhile. */
    private CustomerLink storedLink(Lead lead) {
        CustomerView stored = directory.find(lead.convertedTo())
                .orElseThrow(() -> new NotFoundException("customer", lead.convertedTo()));
        stored.requireNotErased();
        return new CustomerLink(stored.id(), true);
    }

    /**
     * The conversion's customer: the customer's own duplicate check decides. Registering with the lead's email and
     * phone either succeeds (a new customer) or is refused as a duplicate naming the customer who holds that email or
     * phone, who is then linked; nothing is registered twice. A refusal for another reason, or one that names nobody
     * (a concurrent registration), stands.
     */
    private CustomerLink findOrRegister(Actor actor, Lead lead) {
        LeadContact contact = lead.contact();
        if (contact.email() == null) {
            throw new BusinessRuleViolationException("lead_email_missing", "lead " + lead.id()
                    + " has no email address; a customer needs one", Map.of("field", "email"));
        }
        RegisterCustomerCommand register = RegisterCustomerCommand.fromLead(contact.name().first(),
                contact.name().last(), contact.email().value(),
                contact.phone() == null ? null : contact.phone().value(), lead.snapshot().source().name());
        try {
            CustomerView registered = customers.register(actor, register);
            return new CustomerLink(registered.id(), false);
        } catch (ConflictException duplicate) {
            if ("duplicate".equals(duplicate.code()) && duplicate.existingId().isPresent()
                    && ("email".equals(duplicate.field()) || "phone".equals(duplicate.field()))) {
                return linkVisibleTo(actor, CustomerId.parse(duplicate.existingId().get()));
            }
            throw duplicate;
        }
    }

    /**
     * Links the lead to a customer who holds its email or phone only when the caller may view that customer: a sales
     * rep must not move a lead's content onto another rep's customer. The refusal names no customer.
     */
    private CustomerLink linkVisibleTo(Actor actor, CustomerId holder) {
        try {
            customers.findById(actor, holder).orElseThrow(() -> new NotFoundException("customer", holder));
        } catch (AccessDeniedException notTheirs) {
            throw new BusinessRuleViolationException("lead_matches_other_customer", "the lead's email or phone "
                    + "belongs to a customer the caller may not see; a sales manager can convert it",
                    Map.of("field", "email"));
        }
        return new CustomerLink(holder, true);
    }

    private record CustomerLink(CustomerId customer, boolean existing) {
    }

    private LeadView change(Actor actor, Permission permission, String action, LeadId id, Long expectedVersion,
                            Consumer<Lead> domainCall) {
        return support.transaction(() -> {
            Optional<Lead> found = leads.findById(id);
            support.authorize(actor, permission, targetOf(found), action, TYPE, id.value());
            Lead lead = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            support.applyChange(actor, action, TYPE, id.value(), lead, expectedVersion, domainCall, leads::update);
            return LeadView.of(lead.snapshot());
        });
    }

    /** An owner must be an active staff user whom the policy lets work on leads (not a support agent, say). */
    private void requireSalesOwner(StaffId owner) {
        boolean sales = support.resolve(new Actor.Staff(owner, Set.of()))
                .map(resolved -> support.scopeOf(resolved, LeadPermission.LEAD_VIEW) != AccessScope.NONE)
                .orElse(false);
        if (!sales) {
            throw new BusinessRuleViolationException("owner_not_sales", "staff user " + owner
                    + " is not an active staff user who may work on leads", Map.of("field", "owner"));
        }
    }

    static AccessTarget targetOf(Optional<Lead> lead) {
        return new AccessTarget(Optional.empty(), lead.map(Lead::owner), Optional.empty());
    }

    /** A create or update command's fields as domain values. */
    private record LeadInput(LeadContact contact, Money value, String notes) {
    }

    /** Validates the command and converts its fields, naming every bad field at once. */
    private LeadInput input(Actor actor, Object command, String first, String last, String company, String email,
                            String phone, MoneyData value, String notes) {
        return support.validate(actor, command, checks -> {
            PersonName name = checks.attempt(() -> new PersonName(first, last));
            EmailAddress address = email == null || email.isBlank() ? null
                    : checks.attempt(() -> EmailAddress.of(email));
            PhoneNumber number = phone == null || phone.isBlank() ? null
                    : checks.attempt(() -> PhoneNumber.parse(phone));
            // the company is checked even when the name was refused (the stand-in name is never used then)
            LeadContact contact = checks.attempt(() -> new LeadContact(name == null ? new PersonName("-", "-") : name,
                    company, address, number));
            Money money = value == null ? null : checks.attempt(() -> Money.of("estimatedValue.amount",
                    value.amount(), Money.currency("estimatedValue.currency", value.currency())));
            String text = checks.attempt(() -> Lead.checkText("notes", notes));
            return new LeadInput(contact, money, text);
        });
    }

    /** Validates a bare id argument like a command. */
    record IdQuery(@jakarta.validation.constraints.NotNull LeadId leadId) {
    }
}
