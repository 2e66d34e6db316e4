package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.LeadError;
import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.lead.LeadPermission;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a qualified lead into a customer: registers or links the customer through {@link Customers} as the
 * caller, and lets the {@link LeadConversionParticipant}s move what belonged to the lead, all in one transaction.
 */
final class LeadConversion {
    private static final Logger LOG = LoggerFactory.getLogger(LeadConversion.class);
    private static final String TYPE = LeadAccess.TYPE;

    private final UseCaseSupport support;
    private final LeadStore leads;
    private final Customers customers;
    private final CustomerDirectory directory;
    private final LeadScoring scoring;
    private final List<LeadConversionParticipant> participants;
    private final LeadAccess access;

    LeadConversion(UseCaseSupport support, LeadStore leads, Customers customers, CustomerDirectory directory,
                   LeadScoring scoring, List<LeadConversionParticipant> participants, LeadAccess access) {
        this.support = support;
        this.leads = leads;
        this.customers = customers;
        this.directory = directory;
        this.scoring = scoring;
        this.participants = List.copyOf(participants);
        this.access = access;
    }

    LeadConversionView convert(Actor actor, LeadCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            // locked: a second conversion of the lead waits here and then finds it won
            Lead lead = access.lock(actor, LeadPermission.LEAD_CONVERT, "lead.convert", command.leadId());
            if (command.expectedVersion() != null) {
                lead.requireVersion(command.expectedVersion());
            }
            lead.requireQualified();
            Instant now = support.now();
            CustomerLink link = lead.convertedTo() != null ? storedLink(lead) : findOrRegister(actor, lead);
            keepInOwnersSight(actor, lead, link);
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

    /** A manager converts a rep's lead: the rep keeps sight of the new customer, and of what moved to it. */
    private void keepInOwnersSight(Actor actor, Lead lead, CustomerLink link) {
        if (!link.existing() && lead.owner() != null
                && !(actor instanceof Actor.Staff s && s.id().equals(lead.owner()))) {
            customers.assignAccountManager(actor, new AssignAccountManagerCommand(link.customer(), lead.owner(),
                    null));
        }
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
     * phone, who is then linked; nothing is registered twice. A duplicate that names nobody (the holder is a customer
     * the caller may not view) refuses the conversion as {@code lead_matches_other_customer}; a refusal for another
     * reason stands.
     */
    private CustomerLink findOrRegister(Actor actor, Lead lead) {
        LeadContact contact = lead.contact();
        if (contact.email() == null) {
            throw new BusinessRuleViolationException(LeadError.LEAD_EMAIL_MISSING, "lead " + lead.id()
                    + " has no email address; a customer needs one", Map.of("field", "email"));
        }
        RegisterCustomerCommand register = RegisterCustomerCommand.fromLead(contact.name().first(),
                contact.name().last(), contact.email().value(),
                contact.phone() == null ? null : contact.phone().value(), lead.snapshot().source().name());
        try {
            CustomerView registered = customers.register(actor, register);
            return new CustomerLink(registered.id(), false);
        } catch (ConflictException duplicate) {
            if ("duplicate".equals(duplicate.code())
                    && ("email".equals(duplicate.field()) || "phone".equals(duplicate.field()))) {
                if (duplicate.existingId().isEmpty()) {
                    // the customers area names a holder only to a caller who may view it
                    throw matchesOtherCustomer();
                }
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
            throw matchesOtherCustomer();
        }
        return new CustomerLink(holder, true);
    }

    private static BusinessRuleViolationException matchesOtherCustomer() {
        return new BusinessRuleViolationException(LeadError.LEAD_MATCHES_OTHER_CUSTOMER, "the lead's email or phone "
                + "belongs to a customer the caller may not see; a sales manager can convert it",
                Map.of("field", "email"));
    }

    /** The customer a lead converts into, and whether they existed before the conversion. */
    private record CustomerLink(CustomerId customer, boolean existing) {
    }
}
