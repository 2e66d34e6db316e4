package org.crmkit.core.lead.internal.application;

import org.crmkit.core.lead.internal.store.LeadStore;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.internal.port.LeadDirectory;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.port.in.LeadActivity;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.StaffUsers;

/** Builds the lead use cases; the one public entry of this package. */
public final class LeadApplication {
    private LeadApplication() {
    }

    /**
     * @param support      shared use-case mechanics
     * @param leads        the lead repository
     * @param customers    the customer use cases (conversion registers or links a customer through them)
     * @param staff        the staff use cases (round-robin assignment lists a department's sales reps)
     * @param scoring      the scoring rules
     * @param participants other areas' parts in a conversion (moving interactions, open tasks), called in its
     *                     transaction in list order
     * @param erasers      other areas' parts in the erasure of a lead that never became a customer (blanking its
     *                     interactions and tasks), called in its transaction in list order
     * @return the lead use cases
     */
    public static Leads leads(UseCaseSupport support, LeadRepository leads, Customers customers, CustomerDirectory directory,
                              StaffDirectory staff,
                              LeadScoring scoring, List<LeadConversionParticipant> participants,
                              List<LeadEraser> erasers) {
        return new LeadService(support, new LeadStore(leads), customers, directory, staff, scoring, participants, erasers);
    }

    /**
     * @param leads   the lead repository
     * @param support shared use-case mechanics (its clock)
     * @param scoring the scoring rules
     * @return the narrow port the interaction area moves a lead's last activity through
     */
    public static LeadActivity activity(UseCaseSupport support, LeadRepository leads, LeadScoring scoring) {
        return new LeadActivityRecorder(support, new LeadStore(leads), scoring);
    }

    /**
     * The lead area's part in a customer's GDPR erasure, called inside the erasure's transaction (which the customer
     * area authorized and audits): a lead converted into the customer loses the person's data (names become
     * {@code [erased]}; company, email, phone and notes are cleared; a lost reason and the stage history's reasons
     * become {@code [erased]}) and keeps its stage, history stages, owner, value, score and times for the pipeline
     * reports; what the other areas hold about those leads (the tasks and interactions that stayed with a lead when it
     * converted, closed tasks among them) is blanked by the lead erasers, as for a lead erased on its own. A lead that
     * never converted names no customer and is not reached here: {@code Leads.erase} erases it.
     *
     * @param leads   the lead repository
     * @param erasers the other areas' parts in a lead's erasure
     * @return the eraser
     */
    public static PersonalDataEraser customerEraser(LeadRepository leads, List<LeadEraser> erasers) {
        List<LeadEraser> others = List.copyOf(erasers);
        return (customer, at) -> {
            // what other areas still hold about the leads (a converted lead's closed tasks stayed with the lead)
            for (LeadId lead : leads.convertedInto(customer)) {
                others.forEach(eraser -> eraser.eraseLead(lead, at));
            }
            leads.eraseConvertedInto(customer);
        };
    }

    /**
     * @param support shared use-case mechanics
     * @param leads   the lead repository
     * @return the actor-free reads other areas make of leads, inside their own use cases
     */
    public static LeadDirectory directory(UseCaseSupport support, LeadRepository leads) {
        return id -> support.transaction(() -> leads.findById(id).map(LeadView::of));
    }
}
