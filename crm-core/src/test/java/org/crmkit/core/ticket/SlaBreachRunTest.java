package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.out.TicketRepository;
import org.junit.jupiter.api.Test;

/**
 * The breach run ({@code tickets.checkSla}) when runs overlap or the database fails at the claim: each breach is
 * notified once, by the run whose claim holds, and a claim that failed is reported, leaving the breach for the next
 * run. On the standard SLA a NORMAL ticket submitted on Monday at 09:00 misses its first response at 17:00.
 */
class SlaBreachRunTest {
    private final List<String> notified = new ArrayList<>();

    @Test
    void aRunStartedWhileAnotherIsNotifyingLeavesItTheBreachesItClaimedAndNotifiesEachOnce() {
        List<SlaCheckResult> overlapping = new ArrayList<>();
        boolean[] started = {false};
        TicketWorld[] world = new TicketWorld[1];
        world[0] = new TicketWorld(null, TicketWorld.MONDAY_9, (ticket, target, due) -> {
            notified.add(ticket + " " + target);
            if (!started[0]) {
                started[0] = true;
                // a second instance's run starts while this one is busy with its first notification
                overlapping.add(world[0].tickets.checkSla(TicketWorld.SYSTEM, world[0].clock.instant()));
            }
        });
        TicketWorld w = world[0];
        TicketId first = w.submit(w.aliceActor, w.alice.id()).id();
        TicketId second = w.submit(w.bobActor, w.bob.id()).id();
        w.clock.advance(Duration.ofDays(1)); // Tuesday 09:00: both first responses are late

        SlaCheckResult run = w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant());

        assertThat(notified).containsExactlyInAnyOrder(first + " FIRST_RESPONSE", second + " FIRST_RESPONSE");
        assertThat(run).as("the first run, whose second claim the other run had taken")
                .isEqualTo(new SlaCheckResult(1, 0));
        assertThat(overlapping).containsExactly(new SlaCheckResult(1, 0));
        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(0, 0));
    }

    @Test
    void aClaimWhoseCommitWasNotAcknowledgedIsNotifiedOnceByItsRun() {
        FlakyClaims store = new FlakyClaims();
        TicketWorld w = new TicketWorld(store.persistence(), TicketWorld.MONDAY_9,
                (ticket, target, due) -> notified.add(ticket + " " + target));
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofDays(1));
        store.loseNextClaimAcknowledgement = true;

        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(1, 0));
        assertThat(store.loseNextClaimAcknowledgement).as("the claim's acknowledgement was lost").isFalse();

        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(0, 0));
        assertThat(notified).containsExactly(id + " FIRST_RESPONSE");
    }

    @Test
    void aClaimThatFailsIsReportedToTheCallerAndTheBreachIsLeftForTheNextRun() {
        FlakyClaims store = new FlakyClaims();
        TicketWorld w = new TicketWorld(store.persistence(), TicketWorld.MONDAY_9,
                (ticket, target, due) -> notified.add(ticket + " " + target));
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofDays(1));
        store.failNextClaim = true;

        assertThatThrownBy(() -> w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant()))
                .isInstanceOfSatisfying(PersistenceFailureException.class,
                        e -> assertThat(e.code()).isEqualTo("persistence_failure"));
        assertThat(notified).isEmpty();

        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(1, 0));
        assertThat(notified).containsExactly(id + " FIRST_RESPONSE");
    }

    /**
     * The in-memory adapter with faults at the breach claim: a claim that fails before its commit, or one whose
     * commit succeeds but whose acknowledgement is lost (the transaction then ends in {@code outcome_unknown}).
     */
    private static final class FlakyClaims {
        private final CrmPersistence real = Crm.inMemoryPersistence();
        boolean failNextClaim;
        boolean loseNextClaimAcknowledgement;
        private boolean claimedInTransaction;
        private int depth;

        CrmPersistence persistence() {
            TicketRepository tickets = real.port(TicketRepository.class).orElseThrow();
            TicketRepository flakyTickets = delegate(TicketRepository.class, (method, args) -> {
                if (method.getName().equals("claimBreach")) {
                    if (failNextClaim) {
                        failNextClaim = false;
                        throw new PersistenceFailureException("the disk is full", null);
                    }
                    Object claimed = method.invoke(tickets, args);
                    claimedInTransaction |= (Boolean) claimed;
                    return claimed;
                }
                return method.invoke(tickets, args);
            });
            UnitOfWork unitOfWork = real.unitOfWork();
            UnitOfWork flakyUnitOfWork = delegate(UnitOfWork.class, (method, args) -> {
                if (!method.getName().equals("inTransaction") || !(args[0] instanceof Supplier)) {
                    return method.invoke(unitOfWork, args);
                }
                depth++;
                try {
                    Object result = method.invoke(unitOfWork, args);
                    if (depth == 1 && claimedInTransaction && loseNextClaimAcknowledgement) {
                        loseNextClaimAcknowledgement = false;
                        throw PersistenceFailureException.outcomeUnknown("the commit was not acknowledged", null);
                    }
                    return result;
                } finally {
                    if (--depth == 0) {
                        claimedInTransaction = false;
                    }
                }
            });
            return delegate(CrmPersistence.class, (method, args) -> switch (method.getName()) {
                case "unitOfWork" -> flakyUnitOfWork;
                case "port" -> args[0] == TicketRepository.class ? Optional.of(flakyTickets)
                        : method.invoke(real, args);
                default -> method.invoke(real, args);
            });
        }
    }

    /** A proxy's answer to every call of the interface. */
    private interface Call {
        Object answer(Method method, Object[] args) throws Exception;
    }

    private static <T> T delegate(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.answer(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
