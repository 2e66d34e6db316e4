package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.LeadError;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lead.LeadEvents;
import org.crmkit.core.lead.LeadPermission;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a lead that never became a customer: it leaves the open pipeline, the {@link LeadEraser}s blank what other
 * areas hold of it, and the lead keeps no personal data. A converted lead is erased with its customer instead.
 */
final class LeadErasure {
    private static final Logger LOG = LoggerFactory.getLogger(LeadErasure.class);
    private static final String TYPE = LeadAccess.TYPE;

    private final UseCaseSupport support;
    private final LeadStore leads;
    private final LeadScoring scoring;
    private final List<LeadEraser> erasers;
    private final LeadAccess access;

    LeadErasure(UseCaseSupport support, LeadStore leads, LeadScoring scoring, List<LeadEraser> erasers,
                LeadAccess access) {
        this.support = support;
        this.leads = leads;
        this.scoring = scoring;
        this.erasers = List.copyOf(erasers);
        this.access = access;
    }

    LeadView erase(Actor actor, LeadCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            // locked: a conversion waits for the erasure, and then finds the lead erased
            Lead lead = access.lock(actor, LeadPermission.LEAD_ERASE, "lead.erase", command.leadId());
            if (lead.isErased()) {
                return LeadView.of(lead.snapshot());
            }
            if (command.expectedVersion() != null) {
                lead.requireVersion(command.expectedVersion());
            }
            requireNotConverted(lead);
            Instant now = support.now();
            leaveOpenPipeline(actor, lead, now);
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

    private static void requireNotConverted(Lead lead) {
        if (lead.convertedTo() != null) {
            throw new BusinessRuleViolationException(LeadError.LEAD_CONVERTED, "lead " + lead.id()
                    + " was converted into customer " + lead.convertedTo() + "; erase the customer, which "
                    + "erases the lead", Map.of("customerId", lead.convertedTo().toString()));
        }
    }

    /** An erased lead leaves the open pipeline: lost, for a reason that says nothing about the person. */
    private void leaveOpenPipeline(Actor actor, Lead lead, Instant now) {
        if (!lead.stage().isClosed()) {
            lead.moveTo(LeadStage.LOST, LeadSnapshot.ERASED, scoring, actor, now);
            leads.update(lead);
        }
    }
}
