package org.crmkit.core.contract;

import org.crmkit.core.lead.internal.store.LeadStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.internal.domain.Interaction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadContact;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;

/** Leads and interactions for the contracts of their repositories. */
public final class LeadFixtures {
    /** Who creates and changes the fixtures' leads. */
    public static final Actor BY = Actor.system("lead-contract");
    /** A creation time with microseconds, as stored. */
    public static final Instant T0 = StaffFixtures.T0;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private LeadFixtures() {
    }

    /** @return a new lead id */
    public static LeadId leadId() {
        return LeadId.next(StaffFixtures.IDS);
    }

    /**
     * @param id        the id
     * @param first     given name
     * @param company   company, or {@code null}
     * @param source    source
     * @param owner     owner, or {@code null}
     * @param createdAt creation time
     * @return a new lead with a unique email, an estimated value and notes
     */
    public static Lead lead(LeadId id, String first, String company, LeadSource source, StaffId owner,
                            Instant createdAt) {
        int n = SEQUENCE.incrementAndGet();
        return Lead.create(id, new LeadContact(new PersonName(first, "Lead" + n), company,
                EmailAddress.of("lead-" + n + "@example.org"), PhoneNumber.parse("+4144668" + String.format("%04d",
                        n % 10_000))), source, Money.of("12500.50", "EUR"), "notes " + n, owner,
                LeadScoring.standard(), BY, createdAt);
    }

    /**
     * @param persistence where
     * @param lead        a new lead
     * @return the lead, stored
     */
    public static Lead stored(AreaPorts persistence, Lead lead) {
        persistence.unitOfWork().inTransaction(() -> new LeadStore(persistence.leads()).add(lead));
        lead.pullEvents();
        return lead;
    }

    /**
     * @param customer   the customer, or {@code null}
     * @param lead       the lead, or {@code null}
     * @param staff      who had it
     * @param occurredAt when
     * @return a call of five minutes with every field set
     */
    public static Interaction call(CustomerId customer, LeadId lead, StaffId staff, Instant occurredAt) {
        return Interaction.log(InteractionId.next(StaffFixtures.IDS), InteractionType.CALL, customer, lead,
                occurredAt, Duration.ofMinutes(5), Direction.OUTBOUND, "Call \uD83D\uDCDE", "summary", staff,
                "outcome", occurredAt.plusSeconds(60));
    }

    /**
     * @param id         the id
     * @param customer   the customer, or {@code null}
     * @param lead       the lead, or {@code null}
     * @param staff      who had it
     * @param occurredAt when
     * @return a note without optional fields
     */
    public static Interaction note(InteractionId id, CustomerId customer, LeadId lead, StaffId staff,
                                   Instant occurredAt) {
        return Interaction.log(id, InteractionType.NOTE, customer, lead, occurredAt, null, null, "Note", null, staff,
                null, occurredAt);
    }
}
