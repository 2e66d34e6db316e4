package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLA configuration: the documented default, category overrides, and what it refuses. */
class SupportSlaTest {

    @Test
    void theStandardPolicyIsTheDocumentedOne() {
        SupportSla sla = SupportSla.standard();
        assertThat(sla.targetsFor(TicketPriority.URGENT, null)).isEqualTo(new SlaTargets(Duration.ofHours(1),
                Duration.ofHours(4)));
        assertThat(sla.targetsFor(TicketPriority.HIGH, null)).isEqualTo(new SlaTargets(Duration.ofHours(4),
                Duration.ofHours(8)));
        assertThat(sla.targetsFor(TicketPriority.NORMAL, "anything")).isEqualTo(new SlaTargets(Duration.ofHours(8),
                Duration.ofHours(24)));
        assertThat(sla.targetsFor(TicketPriority.LOW, null)).isEqualTo(new SlaTargets(Duration.ofHours(16),
                Duration.ofHours(40)));
        assertThat(sla.reopenWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(sla.calendar().week()).hasSize(5);
    }

    @Test
    void aCategoryOverrideAppliesToItsPriorityIgnoringCase() {
        SlaTargets fast = new SlaTargets(Duration.ofMinutes(15), Duration.ofHours(2));
        SupportSla sla = SupportSla.standard().withCategoryTargets("Outage", TicketPriority.HIGH, fast)
                .withReopenWindow(Duration.ofDays(3)).withCalendar(BusinessCalendar.always());

        assertThat(sla.targetsFor(TicketPriority.HIGH, "  outage ")).isEqualTo(fast);
        assertThat(sla.targetsFor(TicketPriority.URGENT, "outage")).isEqualTo(SupportSla.standard()
                .targetsFor(TicketPriority.URGENT, null));
        assertThat(sla.reopenWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(sla.calendar()).isEqualTo(BusinessCalendar.always());
    }

    @Test
    void everyPriorityNeedsTargetsAndTheWindowIsNotNegative() {
        SlaTargets t = new SlaTargets(Duration.ofHours(1), Duration.ofHours(2));
        assertThatThrownBy(() -> SupportSla.of(BusinessCalendar.always(), Map.of(TicketPriority.LOW, t),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupportSla.standard().withReopenWindow(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaTargets(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
