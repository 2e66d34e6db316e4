package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.Test;

/**
 * Opening a loyalty account as the audit trail and the event listeners see it: the opening is audited and announced
 * once, after its transaction committed, and opening an open account again leaves no trace (found by mutation
 * testing: the audit and the announcement could be dropped or repeated unnoticed).
 */
class LoyaltyAccountOpeningTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anOpeningIsAuditedAndAnnouncedOnceAfterCommitAndAnOpeningAgainLeavesNoTrace() {
        LoyaltyWorld world = new LoyaltyWorld(InMemoryCrmPersistence.create(), LoyaltyProgram.standard(), START, "o");
        CustomerView alice = world.customer("Alice");
        world.publisher().clear();

        world.crm().loyalty().openAccount(world.manager(), new OpenLoyaltyAccountCommand(alice.id()));
        world.clock().advance(Duration.ofHours(1));
        world.crm().loyalty().openAccount(world.manager(), new OpenLoyaltyAccountCommand(alice.id()));

        List<DomainEvent> events = world.publisher().events();
        assertThat(events).singleElement().isEqualTo(new LoyaltyEvents.AccountOpened(alice.id(), START));
        assertThat(world.publisher().insideTransaction()).as("published after the commit").containsExactly(false);
        List<AuditEntry> audited = world.persistence().unitOfWork().inTransaction(
                () -> world.persistence().auditLog().findByTarget("loyalty_account", alice.id().value()));
        assertThat(audited).extracting(AuditEntry::action, AuditEntry::actorRef)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loyalty.open", world.manager().reference()));
    }
}
