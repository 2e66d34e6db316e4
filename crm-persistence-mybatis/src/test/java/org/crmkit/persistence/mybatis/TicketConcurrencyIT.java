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
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Tickets under real concurrency on the MySQL-compatible server: two agents picking up one ticket (one wins, the
 * other gets a conflict), and two host instances (two {@link Crm}s on one database) running {@code checkSla} at the
 * same time (every breach is notified exactly once).
 */
class TicketConcurrencyIT {

    @Test
    void twoAgentsPickingUpOneTicketOneWinsTheOtherGetsAConflict() throws Exception {
        TicketWorld w = new TicketWorld(TestDatabase.get().emptyPersistence(), TicketWorld.MONDAY_9,
                (t, target, due) -> { });
        for (int round = 0; round < 8; round++) {
            TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
            List<Actor> agents = List.of(w.agentA, w.agentB);

            List<ParallelCalls.Outcome<TicketView>> outcomes = ParallelCalls.run(2, i -> () ->
                    w.tickets.pickUp(agents.get(i), new PickUpTicketCommand(id, null)));

            assertThat(outcomes).filteredOn(ParallelCalls.Outcome::succeeded).as("round %d", round).hasSize(1);
            ParallelCalls.Outcome<TicketView> lost = outcomes.stream().filter(o -> !o.succeeded()).findFirst()
                    .orElseThrow();
            assertThat(lost.failed()).isInstanceOf(ConflictException.class);
            assertThat(lost.code()).isIn("already_taken", "stale_version");
            TicketView winner = outcomes.stream().filter(ParallelCalls.Outcome::succeeded).findFirst().orElseThrow()
                    .value();
            TicketView stored = w.tickets.findById(w.manager, id).orElseThrow();
            assertThat(stored.assignee()).isEqualTo(winner.assignee());
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
        Crm second = Crm.builder().clock(w.clock).persistence(TestDatabase.get().persistence())
                .slaBreachNotifier((t, target, due) -> notified.add(t + " " + target)).build();
        Instant thursday = w.clock.advance(Duration.ofDays(3)); // both targets of every ticket are missed
        List<Crm> hosts = List.of(w.crm, second);

        List<ParallelCalls.Outcome<SlaCheckResult>> runs = ParallelCalls.run(2, i -> () ->
                hosts.get(i).tickets().checkSla(TicketWorld.SYSTEM, thursday));

        assertThat(runs).allMatch(ParallelCalls.Outcome::succeeded);
        assertThat(runs.stream().mapToInt(r -> r.value().notified()).sum()).isEqualTo(2 * tickets);
        assertThat(runs).allSatisfy(r -> assertThat(r.value().failed()).isZero());
        assertThat(notified).hasSize(2 * tickets).doesNotHaveDuplicates();
        assertThat(notified).contains(ids.get(0) + " FIRST_RESPONSE", ids.get(tickets - 1) + " RESOLUTION");
        assertThat(second.tickets().checkSla(TicketWorld.SYSTEM, thursday)).isEqualTo(new SlaCheckResult(0, 0));
    }
}
