package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Tickets under real concurrency on the MySQL-compatible server: two agents picking up one ticket (one wins, the
 * other waits for its transaction and gets a conflict), and two host instances (two {@link Crm}s on one database)
 * running {@code checkSla} at the same time (every breach is notified exactly once). Each race holds the first call's
 * transaction open until the server shows the second call waiting for its lock ({@link HeldTransaction}).
 */
class TicketConcurrencyIT {

    @Test
    void twoAgentsPickingUpOneTicketOneWinsTheOtherWaitsAndGetsAConflict() throws Exception {
        TicketWorld w = new TicketWorld(TestDatabase.get().emptyPersistence(), TicketWorld.MONDAY_9,
                (t, target, due) -> { });
        UnitOfWork transactions = CrmTestAccess.persistence(w.crm).unitOfWork();
        for (int round = 0; round < 2; round++) {
            TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
            Actor first = round == 0 ? w.agentA : w.agentB;
            Actor second = round == 0 ? w.agentB : w.agentA;

            HeldTransaction.Result<TicketView, TicketView> race = HeldTransaction.run(transactions,
                    () -> w.tickets.pickUp(first, new PickUpTicketCommand(id, null)),
                    () -> w.tickets.pickUp(second, new PickUpTicketCommand(id, null)));

            assertThat(race.secondWaited()).as("round %d: the second pick-up waits for the first", round).isTrue();
            assertThat(race.first().code()).as("round %d", round).isEqualTo("ok");
            assertThat(race.second().failed()).as("round %d", round).isInstanceOf(ConflictException.class);
            assertThat(race.second().code()).isIn("already_taken", "stale_version");
            TicketView stored = w.tickets.findById(w.manager, id).orElseThrow();
            assertThat(stored.assignee()).isEqualTo(race.first().value().assignee());
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.history()).filteredOn(h -> h.kind() == HistoryKind.ASSIGNMENT).hasSize(1);
        }
    }

    @Test
    void twoHostInstancesCheckingSlaAtOnceNotifyEachBreachOnce() throws Exception {
        Queue<String> notified = new ConcurrentLinkedQueue<>();
        TicketWorld w = new TicketWorld(TestDatabase.get().emptyPersistence(), TicketWorld.MONDAY_9,
                (t, target, due) -> notified.add(t + " " + target));
        int tickets = 60;
        List<TicketId> ids = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            ids.add(w.submit(i % 2 == 0 ? w.aliceActor : w.bobActor, i % 2 == 0 ? w.alice.id() : w.bob.id()).id());
        }
        Crm second = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).clock(w.clock).persistence(TestDatabase.get().persistence())
                .slaBreachNotifier((t, target, due) -> notified.add(t + " " + target)).build();
        Instant thursday = w.clock.advance(Duration.ofDays(3)); // both targets of every ticket are missed
        List<Crm> hosts = List.of(w.crm, second);

        // the first host's claims are held uncommitted while the second claims the same breaches
        HeldTransaction.Result<SlaCheckResult, SlaCheckResult> race = HeldTransaction.run(
                CrmTestAccess.persistence(w.crm).unitOfWork(),
                () -> hosts.get(0).tickets().checkSla(TicketWorld.SYSTEM, thursday),
                () -> hosts.get(1).tickets().checkSla(TicketWorld.SYSTEM, thursday));
        List<ParallelCalls.Outcome<SlaCheckResult>> runs = List.of(race.first(), race.second());

        assertThat(race.secondWaited()).as("the second host's claim waits for the first host's").isTrue();
        assertThat(runs).allMatch(ParallelCalls.Outcome::succeeded);
        assertThat(runs.stream().mapToInt(r -> r.value().notified()).sum()).isEqualTo(2 * tickets);
        assertThat(runs).allSatisfy(r -> assertThat(r.value().failed()).isZero());
        assertThat(notified).hasSize(2 * tickets).doesNotHaveDuplicates();
        assertThat(notified).contains(ids.get(0) + " FIRST_RESPONSE", ids.get(tickets - 1) + " RESOLUTION");
        assertThat(second.tickets().checkSla(TicketWorld.SYSTEM, thursday)).isEqualTo(new SlaCheckResult(0, 0));
    }
}
