package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.Test;

/**
 * The append-only audit trail cannot be flooded by a visitor: refusals of anonymous callers are audited up to 30 per
 * action and minute, the rest refused all the same without an entry; refusals of a known caller are always audited.
 */
class AnonymousDenialsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
    private final AreaPorts store = new AreaPorts(InMemoryCrmPersistence.create());
    private final Crm crm = Crm.builder().persistence(store).clock(clock).build();
    private final CustomerId someone = CustomerId.next(clock);

    @Test
    void aVisitorsRefusalsAreAuditedUpToThirtyAMinutePerAction() {
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> crm.customers().findById(Actor.anonymous(), someone))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(denied("customer.view")).hasSize(30);

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> crm.customers().findById(Actor.anonymous(), someone))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(denied("customer.view")).as("a new minute audits again").hasSize(31);
    }

    @Test
    void aKnownCallersRefusalsAreAllAudited() {
        Actor productManager = Actor.staff(new StaffId(UUID.randomUUID()), Set.of(Role.PRODUCT_MANAGER));
        TestStaff.enrol(crm, productManager);
        for (int i = 0; i < 40; i++) {
            assertThatThrownBy(() -> crm.customers().findById(productManager, someone))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(denied("customer.view")).hasSize(40);
    }

    private List<AuditEntry> denied(String action) {
        return store.unitOfWork().inTransaction(() -> store.auditLog().search(
                new AuditCriteria(null, null, action, null, null, null, null, null, null), 200)).stream()
                .filter(e -> e.outcome() == AuditOutcome.DENIED).toList();
    }
}
