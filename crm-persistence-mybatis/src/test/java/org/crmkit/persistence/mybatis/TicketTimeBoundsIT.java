package org.crmkit.persistence.mybatis;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Instants finer than the stored microsecond give the same answers on both adapters: the use cases round a
 * "breached as of" and a {@code checkSla} instant up to the microsecond before either adapter compares it.
 */
class TicketTimeBoundsIT {
    /** The first response of a ticket submitted on Monday 09:00 is due at 17:00. */
    private static final Instant DUE = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void aNanosecondAfterTheDueInstantIsABreachOnBothAdapters() {
        assertThat(breachedANanosecondAfterTheDueInstant(null)).isTrue();
        assertThat(breachedANanosecondAfterTheDueInstant(new AreaPorts(TestDatabase.get().emptyPersistence()))).isTrue();
    }

    private static boolean breachedANanosecondAfterTheDueInstant(AreaPorts persistence) {
        TicketWorld w = new TicketWorld(persistence, TicketWorld.MONDAY_9, SlaBreachNotifier.logging());
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        assertThat(w.tickets.findById(w.manager, id).orElseThrow().firstResponseDueAt()).isEqualTo(DUE);
        Instant asOf = DUE.plusNanos(1);
        // the breach run is a second later: checkSla refuses an instant after its clock's now
        w.clock.advance(Duration.between(w.clock.instant(), DUE.plusSeconds(1)));

        List<TicketId> breached = w.tickets.search(w.manager, TicketSearchQuery.breached(asOf, 10)).items().stream()
                .map(TicketView::id).toList();
        SlaCheckResult checked = w.tickets.checkSla(TicketWorld.SYSTEM, asOf);
        assertThat(checked.notified()).as("checkSla agrees with the search").isEqualTo(breached.size());
        return breached.contains(id);
    }
}
