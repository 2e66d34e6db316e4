package org.crmkit.core.lead.internal.port;

import java.util.Optional;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.LeadId;

/**
 * How other areas read leads: inside their own use case's transaction, after that use case has checked its own
 * caller, so without an actor, without the host's {@code AccessPolicy} and without an audit entry. Never a host's.
 */
public interface LeadDirectory {

    /** @param id a lead's id @return the lead */
    Optional<LeadView> find(LeadId id);
}
