package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.interaction.internal.store.InteractionStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.interaction.internal.domain.Interaction;
import org.crmkit.core.interaction.InteractionSnapshot;
import org.crmkit.core.interaction.port.out.InteractionRepository;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InteractionRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class InteractionRepositoryContract extends PortContract {
    private static final Instant T0 = LeadFixtures.T0;
    private StaffId staff;
    private CustomerId customer;
    private LeadId lead;
    private LeadId otherLead;

    @BeforeEach
    void givenStoredCustomerLeadsAndStaff() {
        staff = StaffFixtures.storedStaffUser(persistence).id();
        customer = StaffFixtures.storedCustomer(persistence).id();
        lead = LeadFixtures.stored(persistence, LeadFixtures.lead(LeadFixtures.leadId(), "Ada", null,
                LeadSource.WEB_FORM, staff, T0)).id();
        otherLead = LeadFixtures.stored(persistence, LeadFixtures.lead(LeadFixtures.leadId(), "Bo", null,
                LeadSource.WEB_FORM, staff, T0)).id();
    }

    private InteractionStore repo() {
        return new InteractionStore(persistence.interactions());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Interaction stored(Interaction interaction) {
        persistence.unitOfWork().inTransaction(() -> repo().add(interaction));
        return interaction;
    }

    private static List<InteractionId> ids(List<Interaction> interactions) {
        return interactions.stream().map(Interaction::id).toList();
    }

    @Test
    void returnsEveryFieldOfAnInteraction() {
        Interaction call = stored(LeadFixtures.call(null, lead, staff, T0));
        Interaction note = stored(LeadFixtures.note(InteractionId.next(StaffFixtures.IDS), customer, null, staff,
                T0));
        assertThat(tx(() -> repo().findById(call.id())).map(Interaction::snapshot)).contains(call.snapshot());
        assertThat(tx(() -> repo().findById(note.id())).map(Interaction::snapshot)).contains(note.snapshot());
        assertThat(tx(() -> repo().findById(InteractionId.next(StaffFixtures.IDS)))).isEmpty();
    }

    @Test
    void addingAnIdTwiceIsADuplicate() {
        Interaction call = stored(LeadFixtures.call(customer, null, staff, T0));
        Interaction twin = LeadFixtures.note(call.id(), customer, null, staff, T0);
        assertThatThrownBy(() -> stored(twin)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("duplicate"));
    }

    @Test
    void timelinesAreNewestFirstWithTiesBrokenByIdAndSeekAfterAPosition() {
        Interaction old = stored(LeadFixtures.call(customer, null, staff, T0));
        InteractionId high = new InteractionId(StaffFixtures.withHighBit(InteractionId.next(StaffFixtures.IDS)
                .value()));
        Interaction tieHigh = stored(LeadFixtures.note(high, customer, null, staff, T0.plusSeconds(10)));
        Interaction tieLow = stored(LeadFixtures.note(InteractionId.next(StaffFixtures.IDS), customer, null, staff,
                T0.plusSeconds(10)));
        Interaction onLead = stored(LeadFixtures.call(null, lead, staff, T0.plusSeconds(20)));
        stored(LeadFixtures.call(null, otherLead, staff, T0.plusSeconds(30)));

        assertThat(ids(tx(() -> repo().timelineOfCustomer(customer, null, 10))))
                .containsExactly(tieHigh.id(), tieLow.id(), old.id());
        assertThat(ids(tx(() -> repo().timelineOfCustomer(customer, new EntryPosition(T0.plusSeconds(10),
                tieHigh.id().value()), 10)))).containsExactly(tieLow.id(), old.id());
        assertThat(ids(tx(() -> repo().timelineOfCustomer(customer, null, 1)))).containsExactly(tieHigh.id());
        assertThat(ids(tx(() -> repo().timelineOfLead(lead, null, 10)))).containsExactly(onLead.id());
    }

    @Test
    void movingALeadsInteractionsGivesThemTheCustomerAndKeepsTheLead() {
        Interaction first = stored(LeadFixtures.call(null, lead, staff, T0));
        Interaction second = stored(LeadFixtures.note(InteractionId.next(StaffFixtures.IDS), null, lead, staff,
                T0.plusSeconds(5)));
        Interaction other = stored(LeadFixtures.call(null, otherLead, staff, T0));

        assertThat(tx(() -> repo().moveLeadToCustomer(lead, customer))).isEqualTo(2);

        List<Interaction> timeline = tx(() -> repo().timelineOfCustomer(customer, null, 10));
        assertThat(ids(timeline)).containsExactly(second.id(), first.id());
        assertThat(timeline).allSatisfy(i -> {
            InteractionSnapshot s = i.snapshot();
            assertThat(s.lead()).isEqualTo(lead);
            assertThat(s.version()).isEqualTo(1);
        });
        assertThat(timeline.get(1).snapshot()).isEqualTo(first.snapshot().movedTo(customer, 1));
        assertThat(ids(tx(() -> repo().timelineOfLead(lead, null, 10)))).containsExactly(second.id(), first.id());
        assertThat(tx(() -> repo().findById(other.id())).orElseThrow().snapshot()).isEqualTo(other.snapshot());
        assertThat(tx(() -> repo().moveLeadToCustomer(lead, customer))).as("nothing left to move").isZero();
    }

    @Test
    void erasingACustomersTextBlanksTheWordsOfTheirInteractionsOnly() {
        Interaction call = stored(LeadFixtures.call(customer, null, staff, T0));
        Interaction onLead = stored(LeadFixtures.call(null, lead, staff, T0));
        CustomerId otherCustomer = StaffFixtures.storedCustomer(persistence).id();
        Interaction others = stored(LeadFixtures.call(otherCustomer, null, staff, T0));

        assertThat(tx(() -> repo().eraseTextOfCustomer(customer))).isEqualTo(1);

        InteractionSnapshot erased = tx(() -> repo().findById(call.id())).orElseThrow().snapshot();
        assertThat(erased).isEqualTo(call.snapshot().erased(1));
        assertThat(erased.subject()).isEqualTo(InteractionSnapshot.ERASED);
        assertThat(erased.summary()).isNull();
        assertThat(erased.outcome()).isNull();
        assertThat(tx(() -> repo().findById(onLead.id())).orElseThrow().snapshot()).isEqualTo(onLead.snapshot());
        assertThat(tx(() -> repo().findById(others.id())).orElseThrow().snapshot()).isEqualTo(others.snapshot());
        assertThat(tx(() -> repo().eraseTextOfCustomer(customer))).as("nothing left to erase").isZero();
    }

    @Test
    void erasingALeadsTextBlanksTheWordsOfTheInteractionsLoggedAgainstItOnly() {
        Interaction first = stored(LeadFixtures.call(null, lead, staff, T0));
        Interaction second = stored(LeadFixtures.call(null, lead, staff, T0.plusSeconds(60)));
        Interaction others = stored(LeadFixtures.call(null, otherLead, staff, T0));
        Interaction customers = stored(LeadFixtures.call(customer, null, staff, T0));

        assertThat(tx(() -> repo().eraseTextOfLead(lead))).isEqualTo(2);

        assertThat(tx(() -> repo().findById(first.id())).orElseThrow().snapshot())
                .isEqualTo(first.snapshot().erased(1));
        assertThat(tx(() -> repo().findById(second.id())).orElseThrow().snapshot())
                .isEqualTo(second.snapshot().erased(1));
        assertThat(tx(() -> repo().findById(others.id())).orElseThrow().snapshot()).isEqualTo(others.snapshot());
        assertThat(tx(() -> repo().findById(customers.id())).orElseThrow().snapshot())
                .isEqualTo(customers.snapshot());
        assertThat(tx(() -> repo().eraseTextOfLead(lead))).as("nothing left to erase").isZero();
    }
}
