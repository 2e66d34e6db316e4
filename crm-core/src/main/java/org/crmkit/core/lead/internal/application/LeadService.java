package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.internal.store.LeadStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.LeadPermission;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadEraser;
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
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lead use cases: validate, authorize (a lead is owned by its owner: a sales rep reaches only their own), load,
 * one domain call, save, audit, publish. The conversion is in {@link LeadConversion}, the erasure in
 * {@link LeadErasure}; who may own a lead and whose turn it is in {@link LeadOwners}; access follows the lead
 * ({@link LeadAccess}).
 */
final class LeadService implements Leads {
    private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);
    static final String TYPE = LeadAccess.TYPE;

    private final UseCaseSupport support;
    private final LeadStore leads;
    private final LeadScoring scoring;
    private final LeadAccess access;
    private final LeadOwners owners;
    private final LeadSearch search;
    private final LeadConversion conversion;
    private final LeadErasure erasure;

    LeadService(UseCaseSupport support, LeadStore leads, Customers customers, CustomerDirectory directory,
                StaffDirectory staff, LeadScoring scoring, List<LeadConversionParticipant> participants,
                List<LeadEraser> erasers) {
        this.support = support;
        this.leads = leads;
        this.scoring = scoring;
        this.access = new LeadAccess(support, leads);
        this.owners = new LeadOwners(support, leads, staff);
        this.search = new LeadSearch(leads);
        this.conversion = new LeadConversion(support, leads, customers, directory, scoring, participants, access);
        this.erasure = new LeadErasure(support, leads, scoring, erasers, access);
    }

    @Override
    public LeadView create(Actor actor, CreateLeadCommand command) {
        // the constraints and the value objects together; the fields are read only once the command is known to exist
        LeadInput input = support.validate(actor, command, checks -> input(checks, command));
        return support.transaction(() -> {
            Actor caller = support.authorize(actor, LeadPermission.LEAD_CREATE, AccessTarget.none(), "lead.create",
                    TYPE, null);
            return support.once(actor, "lead.create", command.idempotencyKey(), command,
                    () -> create(actor, caller, command, input), v -> v.id().value(),
                    id -> LeadView.of(leads.findById(new LeadId(id)).orElseThrow().snapshot()));
        });
    }

    private LeadView create(Actor actor, Actor caller, CreateLeadCommand command, LeadInput input) {
        StaffId owner = command.owner();
        if (owner == null && caller instanceof Actor.Staff s) {
            owner = s.id();
        } else if (owner != null && !(caller instanceof Actor.Staff s && s.id().equals(owner))) {
            // giving a new lead to someone else is an assignment
            support.authorize(actor, LeadPermission.LEAD_ASSIGN, AccessTarget.none(), "lead.create", TYPE, null);
        }
        if (owner != null) {
            owners.requireSalesOwner(owner);
        }
        Lead lead = Lead.create(LeadId.next(support.clock()), input.contact(), command.source(), input.value(),
                input.notes(), owner, scoring, actor, support.now());
        leads.add(lead);
        support.audit(actor, "lead.create", TYPE, lead.id().value());
        support.publishAfterCommit(lead.pullEvents());
        LOG.debug("created lead {}", lead.id());
        return LeadView.of(lead.snapshot());
    }

    @Override
    public Optional<LeadView> findById(Actor actor, LeadId leadId) {
        support.validate(actor, new IdQuery(leadId));
        return support.transaction(() -> {
            Optional<Lead> found = leads.findById(leadId);
            support.authorize(actor, LeadPermission.LEAD_VIEW, LeadAccess.targetOf(found), "lead.view", TYPE,
                    leadId.value());
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
        support.validate(actor, command, checks -> {
            if (command.stage() == LeadStage.LOST && (command.reason() == null || command.reason().isBlank())) {
                checks.refuse("reason", "is required when a lead is lost");
            }
            return checks.attempt(() -> Lead.checkText("reason", command.reason()));
        });
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
                    owners.requireSalesOwner(command.owner());
                    lead.assignTo(command.owner(), support.now());
                });
    }

    @Override
    public LeadView assignRoundRobin(Actor actor, AssignRoundRobinCommand command) {
        support.validate(actor, command);
        return change(actor, LeadPermission.LEAD_ASSIGN, "lead.assign", command.leadId(), command.expectedVersion(),
                lead -> lead.assignTo(owners.nextInTurn(command.departmentId()), support.now()));
    }

    @Override
    public LeadConversionView convert(Actor actor, LeadCommand command) {
        return conversion.convert(actor, command);
    }

    @Override
    public LeadView erase(Actor actor, LeadCommand command) {
        return erasure.erase(actor, command);
    }

    /** Loads, authorizes, applies one domain call and stores it, in one transaction. */
    private LeadView change(Actor actor, Permission permission, String action, LeadId id, Long expectedVersion,
                            Consumer<Lead> domainCall) {
        return support.transaction(() -> {
            Lead lead = access.load(actor, permission, action, id);
            support.applyChange(actor, action, TYPE, id.value(), lead, expectedVersion, domainCall, leads::update);
            return LeadView.of(lead.snapshot());
        });
    }

    /** A create or update command's fields as domain values. */
    private record LeadInput(LeadContact contact, Money value, String notes) {
    }

    /** Converts a new lead's fields, each refusal kept in the checks. */
    private static LeadInput input(FieldChecks checks, CreateLeadCommand command) {
        PersonName name = checks.attempt(() -> new PersonName(command.firstName(), command.lastName()));
        String email = command.email();
        EmailAddress address = email == null || email.isBlank() ? null : checks.attempt(() -> EmailAddress.of(email));
        String phone = command.phone();
        PhoneNumber number = phone == null || phone.isBlank() ? null : checks.attempt(() -> PhoneNumber.parse(phone));
        // the company is checked even when the name was refused (the stand-in name is never used then)
        LeadContact contact = checks.attempt(() -> new LeadContact(name == null ? new PersonName("-", "-") : name,
                command.company(), address, number));
        MoneyData value = command.estimatedValue();
        Money money = value == null ? null : checks.attempt(() -> Money.of("estimatedValue.amount",
                value.amount(), Money.currency("estimatedValue.currency", value.currency())));
        String text = checks.attempt(() -> Lead.checkText("notes", command.notes()));
        return new LeadInput(contact, money, text);
    }

    /** Validates a bare id argument like a command. */
    record IdQuery(@jakarta.validation.constraints.NotNull LeadId leadId) {
    }
}
