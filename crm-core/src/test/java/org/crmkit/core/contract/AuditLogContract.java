package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.junit.jupiter.api.Test;

/** What every {@link org.crmkit.core.shared.AuditLog} must do. */
public abstract class AuditLogContract extends PortContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00.000001Z"), ZoneOffset.UTC);
    @Test
    void keepsEveryFieldOfAnEntryAndListsATargetsEntriesOldestFirst() {
        UUID target = UUID.randomUUID();
        AuditEntry first = AuditEntry.of(CLOCK, Actor.staff(StaffId.next(CLOCK), java.util.Set.of(Role.ADMIN)),
                "customer.register", "customer", target, AuditOutcome.SUCCESS);
        AuditEntry second = AuditEntry.of(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)),
                Actor.customer(new CustomerId(target)), "customer.update_contact", "customer", target,
                AuditOutcome.DENIED);
        AuditEntry other = AuditEntry.of(CLOCK, Actor.system("import"), "customer.register", "customer",
                UUID.randomUUID(), AuditOutcome.SUCCESS);
        persistence.unitOfWork().inTransaction(() -> {
            persistence.auditLog().append(second);
            persistence.auditLog().append(first);
            persistence.auditLog().append(other);
        });
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().findByTarget("customer", target)))
                .containsExactly(first, second);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(3);
    }

    @Test
    void keepsAnEntryWithoutTargetAndOfAnAnonymousActor() {
        AuditEntry entry = AuditEntry.of(CLOCK, Actor.anonymous(), "customer.register", "customer", null,
                AuditOutcome.DENIED);
        persistence.unitOfWork().inTransaction(() -> persistence.auditLog().append(entry));
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(1);
    }
}
