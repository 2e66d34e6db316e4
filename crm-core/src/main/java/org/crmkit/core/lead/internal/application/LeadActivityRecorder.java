package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.port.in.LeadActivity;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Moves a lead's last activity inside the calling use case's transaction. The lead is locked first, so two
 * interactions logged at once both count instead of one failing on the version.
 */
final class LeadActivityRecorder implements LeadActivity {
    private final UseCaseSupport support;
    private final LeadStore leads;
    private final LeadScoring scoring;

    LeadActivityRecorder(UseCaseSupport support, LeadStore leads, LeadScoring scoring) {
        this.support = support;
        this.leads = leads;
        this.scoring = scoring;
    }

    @Override
    public void interactionLogged(LeadId id, Instant at) {
        Lead lead = leads.lock(id).orElseThrow(() -> new NotFoundException(LeadService.TYPE, id));
        lead.recordInteraction(at, scoring, support.now());
        leads.update(lead);
    }
}
