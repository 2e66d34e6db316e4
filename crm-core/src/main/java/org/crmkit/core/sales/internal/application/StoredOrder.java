package org.crmkit.core.sales.internal.application;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.shared.DomainEvent;

/** What one order of an import stored: what the participants hear, what is audited, and the events to publish. */
final class StoredOrder {
    private final List<PurchaseParticipant.Posting> postings = new ArrayList<>();
    private final List<PurchaseId> audited = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private String action;

    /** @return this, with one purchase or return added */
    StoredOrder record(PurchaseParticipant.Posting posting, String action, PurchaseId target,
                       List<? extends DomainEvent> events) {
        this.postings.add(posting);
        this.action = action;
        this.audited.add(target);
        this.events.addAll(events);
        return this;
    }

    List<PurchaseParticipant.Posting> postings() {
        return postings;
    }

    /** @return the purchases to audit, each under {@link #action()} */
    List<PurchaseId> audited() {
        return audited;
    }

    String action() {
        return action;
    }

    List<DomainEvent> events() {
        return events;
    }
}
