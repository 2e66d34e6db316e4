package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.internal.store.LeadStore;
import java.util.Optional;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Whose a lead is, as the access policy sees it: its owner's (a sales rep reaches only their own); and the
 * load-and-authorize step of the use cases that work on one lead.
 */
final class LeadAccess {
    static final String TYPE = "lead";

    private final UseCaseSupport support;
    private final LeadStore leads;

    LeadAccess(UseCaseSupport support, LeadStore leads) {
        this.support = support;
        this.leads = leads;
    }

    /** @return the lead, after authorizing the caller on it (a lead not found is nobody's, then not found) */
    Lead load(Actor actor, Permission permission, String action, LeadId id) {
        Optional<Lead> found = leads.findById(id);
        support.authorize(actor, permission, targetOf(found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /** Like {@link #load}, with the lead's row locked for the transaction (a conversion, an erasure). */
    Lead lock(Actor actor, Permission permission, String action, LeadId id) {
        Optional<Lead> found = leads.lock(id);
        support.authorize(actor, permission, targetOf(found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /** Whose lead it is: its owner's. */
    static AccessTarget targetOf(Optional<Lead> lead) {
        return new AccessTarget(Optional.empty(), lead.map(Lead::owner), Optional.empty());
    }
}
