package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.lead.internal.store.LeadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crmkit.core.lead.internal.domain.Lead;
import org.crmkit.core.lead.LeadScoring;
import org.crmkit.core.lead.LeadSnapshot;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.out.LeadRepository;
import org.crmkit.core.lead.port.out.LeadSearchCriteria;
import org.crmkit.core.lead.port.out.LeadSearchCriteria.SeekPosition;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.StaffId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LeadRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class LeadRepositoryContract extends PortContract {
    private static final Instant T0 = LeadFixtures.T0;
    private StaffId ann;
    private StaffId bob;

    @BeforeEach
    void givenStoredStaff() {
        ann = StaffFixtures.storedStaffUser(persistence).id();
        bob = StaffFixtures.storedStaffUser(persistence).id();
    }

    private LeadStore repo() {
        return new LeadStore(persistence.leads());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Lead stored(String first, String company, LeadSource source, StaffId owner, Instant createdAt) {
        return LeadFixtures.stored(persistence, LeadFixtures.lead(LeadFixtures.leadId(), first, company, source,
                owner, createdAt));
    }

    private Lead load(LeadId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private List<LeadId> search(LeadSearchCriteria criteria, int limit) {
        return tx(() -> repo().search(criteria, limit)).stream().map(Lead::id).toList();
    }

    private static LeadSearchCriteria all(LeadSort sort) {
        return new LeadSearchCriteria(null, null, null, null, null, null, null, null, sort, null);
    }

    @Test
    void returnsEveryFieldOfANewLeadWithItsHistoryAndScore() {
        Lead lead = stored("Zoë \uD83D\uDE80", "Ächme GmbH", LeadSource.REFERRAL, ann, T0);
        LeadSnapshot loaded = load(lead.id()).snapshot();
        assertThat(loaded).isEqualTo(lead.snapshot());
        assertThat(loaded.score().reasons()).isNotEmpty();
        assertThat(loaded.history()).hasSize(1);
        assertThat(tx(() -> repo().findById(LeadFixtures.leadId()))).isEmpty();
    }

    @Test
    void anUnassignedLeadWithoutOptionalFieldsRoundTrips() {
        Lead lead = Lead.create(LeadFixtures.leadId(), new org.crmkit.core.lead.LeadContact(
                new org.crmkit.core.shared.PersonName("Min", "Imal"), null, null, null), LeadSource.OTHER, null, null,
                null, LeadScoring.standard(), LeadFixtures.BY, T0);
        LeadFixtures.stored(persistence, lead);
        assertThat(load(lead.id()).snapshot()).isEqualTo(lead.snapshot());
    }

    @Test
    void anUpdateStoresTheChangesAppendsTheHistoryAndMovesTheVersionOn() {
        Lead lead = stored("Ada", null, LeadSource.REFERRAL, ann, T0);
        CustomerId customer = StaffFixtures.storedCustomer(persistence).id();
        Lead loaded = load(lead.id());
        loaded.moveTo(LeadStage.QUALIFIED, null, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(60));
        loaded.recordInteraction(T0.plusSeconds(90), LeadScoring.standard(), T0.plusSeconds(90));
        loaded.assignTo(bob, T0.plusSeconds(100));
        loaded.convert(customer, true, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(120));
        tx(() -> {
            repo().update(loaded);
            return null;
        });
        assertThat(loaded.version()).isEqualTo(1);
        LeadSnapshot again = load(lead.id()).snapshot();
        assertThat(again).isEqualTo(loaded.snapshot());
        assertThat(again.history()).extracting(h -> h.to()).containsExactly(LeadStage.NEW, LeadStage.QUALIFIED,
                LeadStage.WON);
        assertThat(again.convertedTo()).isEqualTo(customer);
    }

    @Test
    void aStaleUpdateIsAConflictAndWritesNothing() {
        Lead lead = stored("Ada", null, LeadSource.WEB_FORM, ann, T0);
        Lead first = load(lead.id());
        Lead second = load(lead.id());
        first.moveTo(LeadStage.CONTACTED, null, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(5));
        tx(() -> {
            repo().update(first);
            return null;
        });
        second.moveTo(LeadStage.LOST, "gone", LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(6));
        assertThatThrownBy(() -> tx(() -> {
            repo().update(second);
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(load(lead.id()).snapshot()).isEqualTo(first.snapshot());
    }

    @Test
    void addingAnIdTwiceIsADuplicate() {
        Lead lead = stored("Ada", null, LeadSource.WEB_FORM, ann, T0);
        Lead twin = LeadFixtures.lead(lead.id(), "Twin", null, LeadSource.WEB_FORM, ann, T0);
        assertThatThrownBy(() -> tx(() -> {
            repo().add(twin);
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("duplicate"));
    }

    @Test
    void lockReadsTheLead() {
        Lead lead = stored("Ada", null, LeadSource.WEB_FORM, ann, T0);
        assertThat(tx(() -> repo().lock(lead.id())).map(Lead::snapshot)).contains(lead.snapshot());
        assertThat(tx(() -> repo().lock(LeadFixtures.leadId()))).isEmpty();
    }

    @Test
    void searchFiltersByEveryCriterion() {
        Lead a = stored("Élodie", "Acme", LeadSource.REFERRAL, ann, T0);
        Lead b = stored("Bruno", "Beta", LeadSource.WEB_FORM, bob, T0.plusSeconds(10));
        Lead c = stored("Carla", null, LeadSource.IMPORT, null, T0.plusSeconds(20));
        Lead moved = load(b.id());
        moved.moveTo(LeadStage.CONTACTED, null, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(30));
        tx(() -> {
            repo().update(moved);
            return null;
        });
        LeadSort sort = LeadSort.CREATED_ASC;
        assertThat(search(new LeadSearchCriteria("elo", null, null, null, null, null, null, null, sort, null), 10))
                .as("first name, folded").containsExactly(a.id());
        assertThat(search(new LeadSearchCriteria("acm", null, null, null, null, null, null, null, sort, null), 10))
                .as("company").containsExactly(a.id());
        String email = c.snapshot().contact().email().value().substring(0, 8);
        assertThat(search(new LeadSearchCriteria(email, null, null, null, null, null, null, null, sort, null), 10))
                .as("email").contains(c.id());
        assertThat(search(new LeadSearchCriteria(null, LeadStage.CONTACTED, null, null, null, null, null, null, sort,
                null), 10)).containsExactly(b.id());
        assertThat(search(new LeadSearchCriteria(null, null, ann, null, null, null, null, null, sort, null), 10))
                .containsExactly(a.id());
        assertThat(search(new LeadSearchCriteria(null, null, null, LeadSource.IMPORT, null, null, null, null, sort,
                null), 10)).containsExactly(c.id());
        int scoreOfA = a.snapshot().score().points();
        assertThat(search(new LeadSearchCriteria(null, null, null, null, scoreOfA, scoreOfA, null, null, sort,
                null), 10)).contains(a.id()).allSatisfy(id -> assertThat(load(id).snapshot().score().points())
                .isEqualTo(scoreOfA));
        assertThat(search(new LeadSearchCriteria(null, null, null, null, null, null, T0.plusSeconds(10),
                T0.plusSeconds(20), sort, null), 10)).containsExactly(b.id());
    }

    @Test
    void searchOrdersAndSeeksWithTiesBrokenById() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // the same creation time: the order is decided by id, compared as unsigned bytes
            LeadId id = i == 1 ? new LeadId(StaffFixtures.withHighBit(LeadFixtures.leadId().value()))
                    : LeadFixtures.leadId();
            leads.add(LeadFixtures.stored(persistence, LeadFixtures.lead(id, "Tie" + i, null, LeadSource.WEB_FORM,
                    ann, T0)));
        }
        leads.add(stored("Late", null, LeadSource.REFERRAL, ann, T0.plusSeconds(1)));
        List<LeadId> ascending = search(all(LeadSort.CREATED_ASC), 10);
        assertThat(ascending).hasSize(4);
        assertThat(ascending.get(3)).isEqualTo(leads.get(3).id());
        assertThat(ascending.subList(0, 3)).containsExactly(leads.get(0).id(), leads.get(2).id(), leads.get(1).id());
        assertThat(search(all(LeadSort.CREATED_DESC), 10)).containsExactlyElementsOf(reversed(ascending));

        Lead second = load(ascending.get(1));
        assertThat(search(new LeadSearchCriteria(null, null, null, null, null, null, null, null,
                LeadSort.CREATED_ASC, new SeekPosition(second.snapshot().createdAt(), null, second.id())), 10))
                .containsExactlyElementsOf(ascending.subList(2, 4));
        assertThat(search(new LeadSearchCriteria(null, null, null, null, null, null, null, null,
                LeadSort.CREATED_DESC, new SeekPosition(second.snapshot().createdAt(), null, second.id())), 10))
                .containsExactly(ascending.get(0));

        List<LeadId> byScore = search(all(LeadSort.SCORE_DESC), 10);
        assertThat(byScore.get(0)).as("the referral scores highest").isEqualTo(leads.get(3).id());
        Lead top = load(byScore.get(1));
        assertThat(search(new LeadSearchCriteria(null, null, null, null, null, null, null, null,
                LeadSort.SCORE_DESC, new SeekPosition(null, top.snapshot().score().points(), top.id())), 10))
                .containsExactlyElementsOf(byScore.subList(2, 4));
        assertThat(search(all(LeadSort.SCORE_DESC), 2)).hasSize(2);
    }

    @Test
    void latestAssignmentsGivesEachOwnersLatestTime() {
        stored("A", null, LeadSource.WEB_FORM, ann, T0);
        stored("B", null, LeadSource.WEB_FORM, ann, T0.plusSeconds(50));
        stored("C", null, LeadSource.WEB_FORM, null, T0.plusSeconds(90));
        StaffId nobody = StaffFixtures.storedStaffUser(persistence).id();
        Map<StaffId, Instant> latest = tx(() -> repo().latestAssignments(List.of(ann, bob, nobody)));
        assertThat(latest).containsExactly(Map.entry(ann, T0.plusSeconds(50)));
        assertThat(tx(() -> repo().latestAssignments(List.of()))).isEmpty();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void erasingTheCustomerALeadBecameBlanksItsPersonalDataAndKeepsThePipelineFacts() {
        CustomerId customer = StaffFixtures.storedCustomer(persistence).id();
        CustomerId otherCustomer = StaffFixtures.storedCustomer(persistence).id();
        Lead lead = stored("Ada", "Ada Ltd", LeadSource.REFERRAL, ann, T0);
        Lead other = stored("Bo", "Bo Ltd", LeadSource.REFERRAL, ann, T0);
        Lead open = stored("Cy", "Cy Ltd", LeadSource.REFERRAL, ann, T0);
        lostReopenedAndConverted(lead, customer);
        lostReopenedAndConverted(other, otherCustomer);
        LeadSnapshot before = load(lead.id()).snapshot();
        LeadSnapshot otherBefore = load(other.id()).snapshot();

        assertThat(tx(() -> repo().eraseConvertedInto(customer))).isEqualTo(1);

        LeadSnapshot after = load(lead.id()).snapshot();
        assertThat(after).isEqualTo(before.erased(before.version() + 1));
        assertThat(after.contact().name().last()).isEqualTo(LeadSnapshot.ERASED);
        assertThat(after.contact().company()).isNull();
        assertThat(after.contact().email()).isNull();
        assertThat(after.notes()).isNull();
        assertThat(after.history()).extracting(h -> h.reason()).containsExactly(null, LeadSnapshot.ERASED, null, null,
                null);
        assertThat(after.stage()).isEqualTo(LeadStage.WON);
        assertThat(after.score()).isEqualTo(before.score());
        assertThat(load(other.id()).snapshot()).isEqualTo(otherBefore);
        assertThat(load(open.id()).snapshot()).isEqualTo(open.snapshot());
        assertThat(tx(() -> repo().eraseConvertedInto(customer))).as("nothing left to erase").isZero();
    }

    @Test
    void theLeadsConvertedIntoACustomerAreFoundByIdAndNoOthers() {
        CustomerId customer = StaffFixtures.storedCustomer(persistence).id();
        CustomerId otherCustomer = StaffFixtures.storedCustomer(persistence).id();
        Lead first = stored("Ada", "Ada Ltd", LeadSource.REFERRAL, ann, T0);
        Lead second = stored("Ada", "Ada GmbH", LeadSource.REFERRAL, ann, T0);
        Lead other = stored("Bo", "Bo Ltd", LeadSource.REFERRAL, ann, T0);
        stored("Cy", "Cy Ltd", LeadSource.REFERRAL, ann, T0);
        lostReopenedAndConverted(first, customer);
        lostReopenedAndConverted(second, customer);
        lostReopenedAndConverted(other, otherCustomer);

        List<LeadId> expected = new java.util.ArrayList<>(List.of(first.id(), second.id()));
        expected.sort(java.util.Comparator.comparing(LeadId::value));
        assertThat(tx(() -> repo().convertedInto(customer))).containsExactlyElementsOf(expected);
        assertThat(tx(() -> repo().convertedInto(StaffFixtures.storedCustomer(persistence).id()))).isEmpty();
        tx(() -> repo().eraseConvertedInto(customer));
        assertThat(tx(() -> repo().convertedInto(customer))).as("still found once erased: their links stay")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void erasingOneLeadBlanksItsPersonalDataAndHistoryReasonsOnly() {
        Lead lead = stored("Ada", "Ada Ltd", LeadSource.REFERRAL, ann, T0);
        Lead other = stored("Bo", "Bo Ltd", LeadSource.REFERRAL, ann, T0);
        Lead l = load(lead.id());
        l.moveTo(LeadStage.LOST, "Ada said no", LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(10));
        tx(() -> {
            repo().update(l);
            return null;
        });
        LeadSnapshot before = load(lead.id()).snapshot();
        LeadSnapshot otherBefore = load(other.id()).snapshot();

        assertThat(tx(() -> repo().erase(lead.id()))).isEqualTo(1);

        LeadSnapshot after = load(lead.id()).snapshot();
        assertThat(after).isEqualTo(before.erased(before.version() + 1));
        assertThat(after.isErased()).isTrue();
        assertThat(after.lostReason()).isEqualTo(LeadSnapshot.ERASED);
        assertThat(after.history()).extracting(h -> h.reason()).containsExactly(null, LeadSnapshot.ERASED);
        assertThat(load(other.id()).snapshot()).isEqualTo(otherBefore);
        assertThat(tx(() -> repo().erase(lead.id()))).as("nothing left to erase").isZero();
        assertThat(tx(() -> repo().erase(LeadFixtures.leadId()))).as("no such lead").isZero();
    }

    private void lostReopenedAndConverted(Lead stored, CustomerId customer) {
        Lead l = load(stored.id());
        l.moveTo(LeadStage.LOST, "Ada said no", LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(10));
        l.reopen(LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(20));
        l.moveTo(LeadStage.QUALIFIED, null, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(30));
        l.convert(customer, false, LeadScoring.standard(), LeadFixtures.BY, T0.plusSeconds(40));
        tx(() -> {
            repo().update(l);
            return null;
        });
    }
}
