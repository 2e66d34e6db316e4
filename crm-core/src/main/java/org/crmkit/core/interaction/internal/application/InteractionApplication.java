package org.crmkit.core.interaction.internal.application;

import org.crmkit.core.interaction.internal.store.InteractionStore;
import org.crmkit.core.lead.internal.port.LeadDirectory;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.interaction.port.in.Interactions;
import org.crmkit.core.interaction.port.out.InteractionRepository;
import org.crmkit.core.lead.port.in.LeadActivity;
import org.crmkit.core.lead.port.in.Leads;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.lead.internal.port.LeadEraser;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the interaction use cases and the interaction area's part in lead conversions; the one public entry. */
public final class InteractionApplication {
    private InteractionApplication() {
    }

    /**
     * @param support      shared use-case mechanics
     * @param interactions the interaction repository
     * @param customers    the customer use cases (an interaction's customer is looked up through them)
     * @param leads        the lead use cases (an interaction's lead is looked up through them)
     * @param activity     moves a lead's last activity inside the logging's transaction
     * @return the interaction use cases
     */
    public static Interactions interactions(UseCaseSupport support, InteractionRepository interactions,
                                            CustomerDirectory customers, LeadDirectory leads, LeadActivity activity) {
        return new InteractionService(support, new InteractionStore(interactions), customers, leads, activity);
    }

    /**
     * @param interactions the interaction repository
     * @return the participant that moves a converted lead's interactions to its customer
     */
    public static LeadConversionParticipant conversionParticipant(InteractionRepository interactions) {
        return conversion -> interactions.moveLeadToCustomer(conversion.lead(), conversion.customer());
    }

    /**
     * The interaction area's part in a customer's GDPR erasure, called inside the erasure's transaction (which the
     * customer area authorized and audits): every interaction of the customer keeps its type, times, direction, staff
     * member and links, while its subject becomes {@code [erased]} and its summary and outcome, which staff may have
     * written the person's details into, are cleared.
     *
     * @param interactions the interaction repository
     * @return the eraser
     */
    public static PersonalDataEraser customerEraser(InteractionRepository interactions) {
        return (customer, at) -> interactions.eraseTextOfCustomer(customer);
    }

    /**
     * The interaction area's part in the GDPR erasure of a lead that never became a customer, called inside the
     * erasure's transaction (which the lead area authorized and audits): every interaction logged against the lead is
     * blanked as in {@link #customerEraser}.
     *
     * @param interactions the interaction repository
     * @return the eraser
     */
    public static LeadEraser leadEraser(InteractionRepository interactions) {
        return (lead, at) -> interactions.eraseTextOfLead(lead);
    }
}
