package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.SlaTargets;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.internal.domain.TicketDraft;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.internal.domain.SlaStanding;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketRepository} must do. Tickets are made by the domain on a calendar that always works (so
 * due instants are plain additions): first response 1h, resolution 4h.
 */
public abstract class TicketRepositoryContract extends PortContract {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123456Z");
    private static final Actor BY = Actor.system("contract");
    private static final SupportSla SLA = sla();

    private CustomerId alice;
    private CustomerId bob;
    private DepartmentId support;
    private DepartmentId billing;
    private StaffId agent;

    private static SupportSla sla() {
        Map<TicketPriority, SlaTargets> targets = new EnumMap<>(TicketPriority.class);
        for (TicketPriority p : TicketPriority.values()) {
            targets.put(p, new SlaTargets(Duration.ofHours(1), Duration.ofHours(4)));
        }
        return SupportSla.of(BusinessCalendar.always(), targets, Duration.ofDays(7));
    }

    @BeforeEach
    void givenCustomersDepartmentsAndAnAgent() {
        alice = StaffFixtures.storedCustomer(persistence).id();
        bob = StaffFixtures.storedCustomer(persistence).id();
        support = StaffFixtures.storedDepartment(persistence, "Support " + System.nanoTime()).id();
        billing = StaffFixtures.storedDepartment(persistence, "Billing " + System.nanoTime()).id();
        agent = StaffFixtures.storedStaffUser(persistence).id();
    }

    private TicketStore repo() {
        return new TicketStore(persistence.tickets());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private Ticket submitted(CustomerId customer, String subject, Instant at, DepartmentId queue) {
        Ticket t = Ticket.submit(TicketId.next(StaffFixtures.IDS), new TicketDraft(customer, subject, "Details",
                "hardware", TicketPriority.NORMAL, TicketChannel.EMAIL, null, null, null), queue, SLA, BY, at);
        persistence.unitOfWork().inTransaction(() -> repo().add(t));
        return load(t.id());
    }

    private Ticket load(TicketId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private void update(Ticket t) {
        persistence.unitOfWork().inTransaction(() -> repo().update(t));
    }

    private static TicketCriteria criteria() {
        return TicketCriteria.any();
    }

    private List<TicketId> search(TicketCriteria c) {
        return tx(() -> repo().search(c, null, 100)).stream().map(Ticket::id).toList();
    }

    @Test
    void returnsEveryFieldOfANewTicket() {
        ProductId product = SalesFixtures.storedProduct(persistence).id();
        Purchase purchase = SalesFixtures.stored(persistence, SalesFixtures.purchase(alice, T0.minusSeconds(60),
                List.of(SalesFixtures.line(1, product, 1, Money.of("5.00", "EUR")))));
        Ticket t = Ticket.submit(TicketId.next(StaffFixtures.IDS), new TicketDraft(alice, "Mug \uD83D\uDE00 cracked",
                "It leaks.\nBadly.", "kitchen", TicketPriority.HIGH, TicketChannel.PHONE, purchase.id(), product,
                null), support, SLA, BY, T0);
        tx(() -> {
            repo().add(t);
            return null;
        });

        assertThat(load(t.id()).snapshot()).isEqualTo(t.snapshot());
        assertThat(tx(() -> repo().findById(TicketId.next(StaffFixtures.IDS)))).isEmpty();
    }

    @Test
    void anUpdateAppendsCommentsAndHistoryAndMovesTheVersion() {
        Ticket t = submitted(alice, "Broken", T0, support);
        t.assign(agent, support, "mine", BY, T0.plusSeconds(60));
        t.comment(true, "internal note", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(120));
        t.comment(false, "public answer", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(180));
        t.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, "need info", SLA, BY, T0.plusSeconds(240));
        update(t);
        Ticket reloaded = load(t.id());
        reloaded.comment(false, "here you go", SLA, Actor.customer(alice), T0.plusSeconds(300));
        update(reloaded);

        Ticket stored = load(t.id());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.snapshot()).isEqualTo(reloaded.snapshot());
        assertThat(stored.snapshot().comments()).extracting(c -> c.body())
                .containsExactly("internal note", "public answer", "here you go");
        assertThat(stored.snapshot().history()).extracting(h -> h.to())
                .containsExactly("OPEN", "staff:" + agent + " department:" + support, "WAITING_ON_CUSTOMER",
                        "IN_PROGRESS");
    }

    @Test
    void aStaleUpdateIsAConflictAndStoresNothing() {
        Ticket t = submitted(alice, "Broken", T0, support);
        Ticket first = load(t.id());
        Ticket second = load(t.id());
        first.changeStatus(TicketStatus.IN_PROGRESS, null, SLA, BY, T0.plusSeconds(1));
        update(first);
        second.comment(false, "late", SLA, BY, T0.plusSeconds(2));

        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(load(t.id()).snapshot()).isEqualTo(first.snapshot());
    }

    @Test
    void searchFiltersByEveryCriterionNewestFirst() {
        Ticket a = submitted(alice, "Printer 100% broken_now", T0, support);
        Ticket b = submitted(bob, "Invoice wrong", T0.plusSeconds(10), billing);
        Ticket c = submitted(alice, "printer again", T0.plusSeconds(20), null);
        Ticket bb = load(b.id());
        bb.escalate(TicketPriority.URGENT, "angry", SLA, BY, T0.plusSeconds(30));
        bb.assign(agent, billing, null, BY, T0.plusSeconds(30));
        bb.changeStatus(TicketStatus.IN_PROGRESS, null, SLA, BY, T0.plusSeconds(30));
        update(bb);

        assertThat(search(criteria())).containsExactly(c.id(), b.id(), a.id());
        assertThat(search(new TicketCriteria(Set.of(TicketStatus.OPEN), null, null, null, null, null, null, null,
                null, null, null, null, null))).containsExactly(c.id(), a.id());
        assertThat(search(new TicketCriteria(Set.of(), TicketPriority.URGENT, null, null, null, null, null, null,
                null, null, null, null, null))).containsExactly(b.id());
        assertThat(search(new TicketCriteria(Set.of(), null, agent, null, null, null, null, null, null, null, null,
                null, null))).containsExactly(b.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, support, null, null, null, null, null, null, null,
                null, null))).containsExactly(a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, alice, "hardware", null, null, null, null,
                null, null, null))).containsExactly(c.id(), a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, "HARDWARE", null, null, null, null,
                null, null, null))).as("the category matches exactly").isEmpty();
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, T0.plusSeconds(10),
                T0.plusSeconds(20), null, null, null, null))).containsExactly(b.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, "printer",
                null, null, null))).containsExactly(c.id(), a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, "100%",
                null, null, null))).as("% is no wildcard").containsExactly(a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, "n_w",
                null, null, null))).as("_ is no wildcard").isEmpty();
    }

    @Test
    void searchIsNarrowedToTheCallersScope() {
        Ticket a = submitted(alice, "A", T0, support);
        Ticket b = submitted(bob, "B", T0.plusSeconds(1), billing);
        Ticket c = submitted(bob, "C", T0.plusSeconds(2), null);
        Ticket cc = load(c.id());
        cc.assign(agent, null, null, BY, T0.plusSeconds(3));
        update(cc);

        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null, alice,
                null, null))).containsExactly(a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null, null,
                agent, support))).containsExactly(c.id(), a.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null, null,
                agent, null))).containsExactly(c.id());
        assertThat(b).isNotNull();
    }

    @Test
    void pagesResumeAfterThePosition() {
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, submitted(alice, "T" + i, T0.plusSeconds(i / 2), support).id());
        }
        List<TicketId> seen = new ArrayList<>();
        EntryPosition after = null;
        while (true) {
            EntryPosition from = after;
            List<Ticket> page = tx(() -> repo().search(criteria(), from, 2));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(t -> seen.add(t.id()));
            Ticket last = page.get(page.size() - 1);
            after = new EntryPosition(last.snapshot().createdAt(), last.id().value());
        }
        List<TicketId> newestFirst = tx(() -> repo().search(criteria(), null, 10)).stream().map(Ticket::id).toList();
        assertThat(seen).containsExactlyElementsOf(newestFirst).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void breachedAsOfReadsLikeTheDomain() {
        Ticket late = submitted(alice, "late", T0, support); // first response due T0+1h
        Ticket answered = submitted(alice, "answered in time", T0, support);
        answered.comment(false, "on it", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(600));
        update(answered);
        Ticket lateAnswer = submitted(alice, "answered late", T0, support);
        lateAnswer.comment(false, "sorry", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(7200));
        update(lateAnswer);
        Ticket waiting = submitted(alice, "waiting", T0, support);
        waiting.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, null, SLA, BY, T0.plusSeconds(60));
        update(waiting);

        Instant asOf = T0.plusSeconds(3 * 3600);
        List<TicketId> breached = search(new TicketCriteria(Set.of(), null, null, null, null, null, asOf, null, null,
                null, null, null, null));
        List<TicketId> expected = new ArrayList<>();
        for (Ticket t : tx(() -> repo().search(criteria(), null, 100))) {
            if (t.breached(SlaTarget.FIRST_RESPONSE, asOf) || t.breached(SlaTarget.RESOLUTION, asOf)) {
                expected.add(t.id());
            }
        }
        assertThat(breached).containsExactlyElementsOf(expected).containsExactlyInAnyOrder(late.id(),
                lateAnswer.id());
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, T0.plusSeconds(3599), null,
                null, null, null, null, null))).isEmpty();
    }

    @Test
    void aTargetMetLateIsBreachedAsOfAnyInstantAfterItWasDueEvenBeforeItWasMet() {
        Instant due = T0.plusSeconds(3600);
        Ticket lateAnswer = submitted(alice, "answered late", T0, support); // first response due T0+1h
        lateAnswer.comment(false, "sorry", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(7200));
        update(lateAnswer);
        Ticket onTheDot = submitted(alice, "answered at the due instant", T0, support);
        onTheDot.comment(false, "on it", SLA, Actor.staff(agent, Set.of()), due);
        update(onTheDot);

        Instant between = T0.plusSeconds(5400); // after the due instant, before the late answer
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, between, null, null, null,
                null, null, null))).containsExactly(lateAnswer.id());
        assertThat(load(lateAnswer.id()).breached(SlaTarget.FIRST_RESPONSE, between)).isTrue();
        assertThat(tx(() -> repo().findUnnotifiedBreaches(between, null, 10)))
                .containsExactly(new BreachCandidate(lateAnswer.id(), SlaTarget.FIRST_RESPONSE, due));
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, due, null, null, null, null,
                null, null))).as("a target due exactly at the instant asked about is not missed yet").isEmpty();
        assertThat(tx(() -> repo().findUnnotifiedBreaches(due, null, 10))).isEmpty();
        assertThat(load(onTheDot.id()).breached(SlaTarget.FIRST_RESPONSE, T0.plusSeconds(9000)))
                .as("a response exactly at the due instant is in time").isFalse();
    }

    @Test
    void pendingTicketsComeInIdOrderAsTheirSlaFigures() {
        Ticket a = submitted(alice, "a", T0, support);
        Ticket b = submitted(alice, "b", T0, support);
        Ticket c = submitted(alice, "c", T0, support);
        Ticket resolved = load(b.id());
        resolved.changeStatus(TicketStatus.RESOLVED, null, SLA, BY, T0.plusSeconds(5));
        update(resolved);
        Ticket waiting = load(c.id());
        waiting.comment(false, "which model?", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(60));
        waiting.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, "asked", SLA, BY, T0.plusSeconds(61));
        update(waiting);

        assertThat(pendingSla(criteria(), null, 10)).containsExactly(TicketSlaState.of(load(a.id()).snapshot()),
                TicketSlaState.of(load(c.id()).snapshot()));
        assertThat(pendingSla(criteria(), a.id(), 10)).extracting(TicketSlaState::id).containsExactly(c.id());
        assertThat(pendingSla(criteria(), null, 1)).extracting(TicketSlaState::id).containsExactly(a.id());
        assertThat(pendingSla(criteria(), c.id(), 10)).isEmpty();
    }

    @Test
    void thePendingScanIsNarrowedToTheCallersScopeAndFilters() {
        Ticket a = submitted(alice, "A", T0, support);
        Ticket b = submitted(bob, "B", T0.plusSeconds(1), billing);
        Ticket c = submitted(bob, "C", T0.plusSeconds(2), null);
        Ticket cc = load(c.id());
        cc.assign(agent, null, null, BY, T0.plusSeconds(3));
        update(cc);
        Ticket done = submitted(alice, "done", T0.plusSeconds(4), support);
        done.assign(agent, support, null, BY, T0.plusSeconds(5));
        done.changeStatus(TicketStatus.RESOLVED, null, SLA, BY, T0.plusSeconds(6));
        update(done);

        assertThat(pendingIds(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null,
                alice, null, null))).as("a customer's own").containsExactly(a.id());
        assertThat(pendingIds(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null,
                null, agent, support))).as("an agent's own and their department's queue")
                .containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(pendingIds(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null,
                null, agent, null))).as("an agent's own").containsExactly(c.id());
        assertThat(pendingIds(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null,
                null, agent, billing))).containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(pendingIds(new TicketCriteria(Set.of(TicketStatus.IN_PROGRESS), null, null, null, null, null,
                null, null, null, null, null, null, null))).as("a status filter narrows the pending ones").isEmpty();
        assertThat(pendingIds(new TicketCriteria(Set.of(), null, null, null, bob, null, null, null, null, null,
                null, null, null))).containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(pendingIds(criteria())).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    }

    @Test
    void thePendingScansFiguresAnswerAsTheTicketDoesWhileItWaitsAndRuns() {
        Ticket running = submitted(alice, "running", T0, support);
        Ticket waiting = submitted(alice, "waiting", T0, support);
        waiting.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, null, SLA, BY, T0.plusSeconds(600));
        update(waiting);
        Ticket resumed = submitted(alice, "resumed", T0, support);
        resumed.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, null, SLA, BY, T0.plusSeconds(600));
        resumed.comment(false, "here it is", SLA, Actor.customer(alice), T0.plusSeconds(1200));
        update(resumed);
        Ticket reopened = submitted(alice, "reopened", T0, support);
        reopened.changeStatus(TicketStatus.RESOLVED, null, SLA, BY, T0.plusSeconds(300));
        reopened.changeStatus(TicketStatus.IN_PROGRESS, "not fixed", SLA, BY, T0.plusSeconds(900));
        update(reopened);

        List<TicketSlaState> states = pendingSla(criteria(), null, 10);
        assertThat(states).hasSize(4);
        for (TicketSlaState state : states) {
            Ticket ticket = load(state.id());
            for (SlaTarget target : SlaTarget.values()) {
                for (Instant asOf : List.of(T0.plusSeconds(1800), T0.plusSeconds(3 * 3600), T0.plusSeconds(5 * 3600))) {
                    assertThat(SlaStanding.remaining(state, target, SLA.calendar(), asOf))
                            .as("%s %s as of %s", ticket.snapshot().subject(), target, asOf)
                            .isEqualTo(ticket.remaining(target, SLA.calendar(), asOf));
                }
            }
        }
    }

    private List<TicketSlaState> pendingSla(TicketCriteria c, TicketId after, int limit) {
        return tx(() -> repo().findPendingSla(c, after, limit));
    }

    private List<TicketId> pendingIds(TicketCriteria c) {
        return pendingSla(c, null, 100).stream().map(TicketSlaState::id).toList();
    }

    @Test
    void aBreachIsClaimedOnceReleasedForAnotherTryAndSurvivesUpdates() {
        Ticket t = submitted(alice, "late", T0, support);
        Instant asOf = T0.plusSeconds(5 * 3600); // both targets missed
        Instant claimAt = asOf.plusSeconds(1);

        List<BreachCandidate> found = tx(() -> repo().findUnnotifiedBreaches(asOf, null, 10));
        assertThat(found).containsExactly(
                new BreachCandidate(t.id(), SlaTarget.FIRST_RESPONSE, T0.plusSeconds(3600)),
                new BreachCandidate(t.id(), SlaTarget.RESOLUTION, T0.plusSeconds(4 * 3600)));
        assertThat(tx(() -> repo().findUnnotifiedBreaches(asOf, found.get(0), 10))).containsExactly(found.get(1));
        assertThat(tx(() -> repo().claimBreach(t.id(), SlaTarget.FIRST_RESPONSE, claimAt))).isTrue();
        assertThat(tx(() -> repo().claimBreach(t.id(), SlaTarget.FIRST_RESPONSE, claimAt))).isFalse();
        assertThat(tx(() -> repo().breachNotifiedAt(t.id(), SlaTarget.FIRST_RESPONSE))).contains(claimAt);
        assertThat(tx(() -> repo().findUnnotifiedBreaches(asOf, null, 10))).containsExactly(found.get(1));

        Ticket changed = load(t.id());
        changed.comment(false, "finally", SLA, Actor.staff(agent, Set.of()), asOf);
        update(changed);
        assertThat(tx(() -> repo().breachNotifiedAt(t.id(), SlaTarget.FIRST_RESPONSE)))
                .as("a versioned update keeps the claim").contains(claimAt);

        tx(() -> {
            repo().releaseBreach(t.id(), SlaTarget.FIRST_RESPONSE, claimAt.plusSeconds(9));
            return null;
        });
        assertThat(tx(() -> repo().breachNotifiedAt(t.id(), SlaTarget.FIRST_RESPONSE)))
                .as("only the claim's own instant releases it").contains(claimAt);
        tx(() -> {
            repo().releaseBreach(t.id(), SlaTarget.FIRST_RESPONSE, claimAt);
            return null;
        });
        assertThat(tx(() -> repo().breachNotifiedAt(t.id(), SlaTarget.FIRST_RESPONSE))).isEmpty();
        assertThat(tx(() -> repo().findUnnotifiedBreaches(asOf, null, 10))).hasSize(2);
        assertThat(tx(() -> repo().claimBreach(t.id(), SlaTarget.FIRST_RESPONSE, claimAt))).isTrue();
    }

    @Test
    void theReportReadsTicketsPendingOrChangedInThePeriod() {
        Ticket oldResolved = submitted(alice, "old", T0, support);
        oldResolved.changeStatus(TicketStatus.RESOLVED, null, SLA, BY, T0.plusSeconds(60));
        update(oldResolved);
        Ticket oldPending = submitted(alice, "pending", T0.plusSeconds(1), support);
        Ticket inPeriod = submitted(alice, "new", T0.plusSeconds(86_400), support);
        Ticket after = submitted(alice, "after", T0.plusSeconds(3 * 86_400), support);

        Instant from = T0.plusSeconds(3600);
        Instant to = T0.plusSeconds(2 * 86_400);
        assertThat(tx(() -> repo().findForReport(from, to, null, 10))).extracting(Ticket::id)
                .containsExactly(oldPending.id(), inPeriod.id());
        assertThat(tx(() -> repo().findForReport(from, to, oldPending.id(), 10))).extracting(Ticket::id)
                .containsExactly(inPeriod.id());
        assertThat(after).isNotNull();
    }

    @Test
    void anErasedTicketLosesItsTextsAndKeepsTheRest() {
        Ticket t = submitted(alice, "My address is 1 Main St", T0, support);
        t.comment(false, "I live at 1 Main St", SLA, Actor.customer(alice), T0.plusSeconds(60));
        t.comment(true, "She lives at 1 Main St", SLA, Actor.staff(agent, Set.of()), T0.plusSeconds(120));
        t.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, "asked whether 1 Main St is right", SLA, BY,
                T0.plusSeconds(130));
        update(t);
        Ticket erased = load(t.id());
        erased.erasePersonalData(T0.plusSeconds(180));
        persistence.unitOfWork().inTransaction(() -> repo().updateErased(erased));

        Ticket stored = load(t.id());
        assertThat(stored.snapshot()).isEqualTo(erased.snapshot());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.snapshot().subject()).isEqualTo(Ticket.ERASED);
        assertThat(stored.snapshot().description()).isEqualTo(Ticket.ERASED);
        assertThat(stored.snapshot().comments()).hasSize(2).allSatisfy(c -> assertThat(c.body())
                .isEqualTo(Ticket.ERASED));
        assertThat(stored.snapshot().history()).extracting(h -> h.reason()).as("a reason left empty stays empty")
                .containsExactly(null, Ticket.ERASED);
        assertThat(stored.snapshot().history()).extracting(h -> h.to()).containsExactly("OPEN",
                "WAITING_ON_CUSTOMER");
        assertThat(search(new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, "main st",
                null, null, null))).isEmpty();
    }
}
