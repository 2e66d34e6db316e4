package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Returns against recorded purchases: the use case, which checks its caller and records a referenced return once,
 * and the bulk import's, which leaves storing, auditing and the participants to the rest of its batch. The
 * participants (loyalty) take back what the returned lines earned.
 */
final class PurchaseReturns {
    private final UseCaseSupport support;
    private final PurchaseStore purchases;
    private final PurchaseAccess access;
    private final List<PurchaseParticipant> participants;

    PurchaseReturns(UseCaseSupport support, PurchaseStore purchases, PurchaseAccess access,
                    List<PurchaseParticipant> participants) {
        this.support = support;
        this.purchases = purchases;
        this.access = access;
        this.participants = participants;
    }

    PurchaseView recordReturn(Actor actor, RecordReturnCommand command) {
        // the constraints and the lines' own rules together; what the purchase holds is checked once it is loaded
        Map<Integer, Integer> quantities = support.validate(actor, command, checks -> quantities(command));
        return support.transaction(() -> {
            Optional<Purchase> found = purchases.findById(command.purchaseId());
            support.authorize(actor, SalesPermission.SALES_RETURN,
                    access.targetOf(found.map(p -> p.snapshot().customer()).orElse(null)), "purchase.return",
                    SalesService.TYPE, command.purchaseId().value());
            Purchase purchase = found.orElseThrow(() -> new NotFoundException(SalesService.TYPE,
                    command.purchaseId()));
            String reference = command.reference() == null ? null : command.reference().strip();
            if (reference != null && alreadyReturned(purchase, reference, quantities)) {
                return PurchaseViews.of(purchase);
            }
            returnLines(actor, purchase, command.expectedVersion(), quantities, support.now(), reference);
            return PurchaseViews.of(purchase);
        });
    }

    /**
     * @return the quantity returned of each line number, in the command's order (the lines the constraints refuse
     *         left out)
     * @throws InvalidCommandException naming {@code lines.lineNumber} for a line named twice and
     *                                 {@code lines.quantity} for a quantity below 1, together
     */
    private static Map<Integer, Integer> quantities(RecordReturnCommand command) {
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        FieldChecks checks = new FieldChecks();
        for (RecordReturnCommand.Line line : command.lines() == null ? List.<RecordReturnCommand.Line>of()
                : command.lines()) {
            if (line == null) {
                continue;
            }
            if (quantities.put(line.lineNumber(), line.quantity()) != null) {
                checks.refuse("lines.lineNumber", "must name each line once");
            }
            if (line.quantity() < 1) {
                checks.refuse("lines.quantity", "must be 1 or more");
            }
        }
        checks.throwIfAny();
        return quantities;
    }

    /**
     * Records a return against a loaded purchase and lets the participants (loyalty) take back what it earned, in
     * the caller's transaction.
     */
    private void returnLines(Actor actor, Purchase purchase, Long expectedVersion, Map<Integer, Integer> quantities,
                             Instant at, String reference) {
        List<PurchaseLine> before = purchase.snapshot().lines();
        PurchaseReturn[] made = new PurchaseReturn[1];
        support.applyChange(actor, "purchase.return", SalesService.TYPE, purchase.id().value(), purchase,
                expectedVersion, p -> made[0] = UseCaseSupport.commandField(() -> p.returnLines(
                        UuidV7.next(support.clock()), quantities, at, reference)), purchases::update);
        PurchaseParticipant.ReturnedPurchase returned = returned(purchase, before, made[0]);
        participants.forEach(p -> p.purchaseReturned(returned));
    }

    /**
     * @return whether a return with this reference was recorded against this purchase with the same lines; a
     *         conflict when the reference holds another return
     */
    private boolean alreadyReturned(Purchase purchase, String reference, Map<Integer, Integer> quantities) {
        Optional<PurchaseId> holder = purchases.findByReturnReference(reference);
        if (holder.isEmpty()) {
            return false;
        }
        Optional<PurchaseReturn> earlier = holder.get().equals(purchase.id())
                ? purchase.returnByReference(reference) : Optional.empty();
        Map<Integer, Integer> earlierQuantities = new TreeMap<>();
        earlier.ifPresent(r -> r.lines().forEach(l -> earlierQuantities.put(l.lineNumber(), l.quantity())));
        if (earlier.isEmpty() || !earlierQuantities.equals(new TreeMap<>(quantities))) {
            throw ConflictException.duplicate("purchase_return", "reference", null);
        }
        return true;
    }

    /**
     * Records a return against a loaded purchase for a bulk import, which stores the purchase, audits, publishes the
     * purchase's events and lets the participants act later, together with the rest of its batch.
     *
     * @return what the participants are told of the return
     */
    PurchaseParticipant.ReturnedPurchase takeBack(Purchase purchase, Map<Integer, Integer> quantities, Instant at,
                                                  String reference) {
        List<PurchaseLine> before = purchase.snapshot().lines();
        PurchaseReturn made = UseCaseSupport.commandField(() -> purchase.returnLines(UuidV7.next(support.clock()),
                quantities, at, reference));
        return returned(purchase, before, made);
    }

    private static PurchaseParticipant.ReturnedPurchase returned(Purchase purchase, List<PurchaseLine> before,
                                                                 PurchaseReturn made) {
        Map<Integer, PurchaseLine> lines = new HashMap<>();
        before.forEach(l -> lines.put(l.number(), l));
        return new PurchaseParticipant.ReturnedPurchase(purchase.id(), made.id(), purchase.snapshot().customer(),
                made.occurredAt(), made.lines().stream().map(r -> new PurchaseParticipant.ReturnedLine(r.lineNumber(),
                        r.quantity(), lines.get(r.lineNumber()).returned(), lines.get(r.lineNumber()).quantity()))
                .toList());
    }
}
