package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.Test;

/**
 * A customer's erasure and their loyalty ledger (issue 18, finding 3): the notes of their redemptions (what they spent
 * the points on, in their own words) are blanked; every entry stays with its points, balance, time and reference, so
 * the ledger still adds up and a retried redemption still finds its key. Another customer's notes stay.
 */
class LoyaltyErasureTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void erasingACustomerBlanksTheirRedemptionNotesAndKeepsTheirLedgerAddingUp() {
        LoyaltyWorld world = new LoyaltyWorld(InMemoryCrmPersistence.create(), LoyaltyProgram.standard(), START, "e");
        ProductView lamp = world.product("LAMP", "80.00", null);
        CustomerView jane = world.customer("Jane");
        CustomerView otto = world.customer("Otto");
        world.buy(jane.id(), START.minusSeconds(3600), lamp, 1);
        world.buy(otto.id(), START.minusSeconds(3600), lamp, 1);
        world.crm().loyalty().redeem(Actor.customer(jane.id()), new RedeemPointsCommand(jane.id(), 20, "web-1",
                "a gift for my sister Mary"));
        world.crm().loyalty().redeem(world.manager(), new RedeemPointsCommand(jane.id(), 5, "till-1",
                "at the till, for Jane's birthday"));
        world.crm().loyalty().adjust(world.manager(), new AdjustPointsCommand(jane.id(), 3, "goodwill"));
        world.crm().loyalty().redeem(Actor.customer(otto.id()), new RedeemPointsCommand(otto.id(), 10, "web-1",
                "a mug"));
        List<LedgerEntry> before = ledger(world, jane);
        LoyaltyRepository.LedgerSums sumsBefore = world.sums(jane.id());

        world.crm().customers().erase(world.manager(), jane.id());

        List<LedgerEntry> after = ledger(world, jane);
        assertThat(after).hasSameSizeAs(before);
        assertThat(after).filteredOn(e -> e.kind() == EntryKind.REDEEM).hasSize(2)
                .allSatisfy(e -> assertThat(e.description()).isNull());
        assertThat(after).filteredOn(e -> e.kind() != EntryKind.REDEEM)
                .containsExactlyElementsOf(before.stream().filter(e -> e.kind() != EntryKind.REDEEM).toList());
        assertThat(after).extracting(LedgerEntry::id, LedgerEntry::points, LedgerEntry::balanceAfter,
                LedgerEntry::occurredAt, LedgerEntry::reference).containsExactlyElementsOf(before.stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.id(), e.points(), e.balanceAfter(), e.occurredAt(),
                        e.reference())).toList());
        assertThat(world.sums(jane.id())).isEqualTo(sumsBefore);
        assertThat(world.sums(jane.id()).hold()).isTrue();
        assertThat(ledger(world, otto)).filteredOn(e -> e.kind() == EntryKind.REDEEM)
                .extracting(LedgerEntry::description).containsExactly("a mug");
    }

    private static List<LedgerEntry> ledger(LoyaltyWorld world, CustomerView customer) {
        return world.persistence().unitOfWork().inTransaction(() -> world.persistence().loyalty()
                .entries(customer.id(), null, 100));
    }
}
