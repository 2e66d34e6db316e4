package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.domain.Purchase;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.domain.PurchaseSnapshot;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.sales.SalesPermission;

/**
 * Purchases and returns. The customer and the products a purchase names are checked through their areas' use cases,
 * as the system; access follows the customer (their account manager owns their purchases).
 */
final class SalesService implements Sales, PurchaseRecorder {
    static final String TYPE = "purchase";
    /** How far ahead of the clock a sale may be dated (clocks of tills and servers drift apart). */
    static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(1);

    private final UseCaseSupport support;
    private final PurchaseRepository purchases;
    private final CustomerDirectory customers;
    private final ProductCatalog catalog;
    private final List<PurchaseParticipant> participants;
    private final SalesImport imports;
    private final PurchaseReads reads;

    SalesService(UseCaseSupport support, PurchaseRepository purchases, Customers customers, Products products,
                 CustomerDirectory directory, ProductCatalog catalog, List<PurchaseParticipant> participants) {
        this.support = support;
        this.purchases = purchases;
        this.customers = directory;
        this.catalog = catalog;
        this.participants = List.copyOf(participants);
        this.reads = new PurchaseReads(support, purchases);
        this.imports = new SalesImport(support, purchases, customers, products, directory, catalog, this);
    }

    @Override
    public ImportSummary importSales(Actor actor, SalesImportOptions options, Iterable<? extends ImportRow> rows,
                                     ImportProgress progress) {
        return imports.run(actor, options, rows, progress);
    }

    /** Lets the participants (loyalty) act on a purchase just added, in the caller's transaction. */
    void participate(Purchase purchase) {
        PurchaseParticipant.RecordedPurchase recorded = recorded(purchase);
        participants.forEach(p -> p.purchaseRecorded(recorded));
    }

    /**
     * Lets the participants act on a batch's new purchases and returns together, in the order they were made (the
     * file's), in the caller's transaction (a bulk import).
     */
    void participate(List<PurchaseParticipant.Posting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        participants.forEach(p -> p.batchRecorded(postings));
    }

    /**
     * Records a return against a loaded purchase for a bulk import, which stores the purchase, audits, publishes the
     * purchase's events and lets the participants act later, together with the rest of its batch.
     *
     * @return what the participants are told of the return
     */
    PurchaseParticipant.ReturnedPurchase takeBack(Purchase purchase, Map<Integer, Integer> quantities,
                                                  java.time.Instant at, String reference) {
        List<PurchaseLine> before = purchase.snapshot().lines();
        PurchaseReturn made = UseCaseSupport.commandField(() -> purchase.returnLines(UuidV7.next(support.clock()),
                quantities, at, reference));
        return returned(purchase, before, made);
    }

    @Override
    public PurchaseView recordPurchase(Actor actor, RecordPurchaseCommand command) {
        return recordPurchase(actor, command, true);
    }

    @Override
    public PurchaseView record(Actor caller, RecordPurchaseCommand command) {
        return recordPurchase(caller, command, false);
    }

    /**
     * @param actor       the caller: of this use case, or of another area's that has checked it ({@code checkAccess}
     *                    false), whom the audit entry names either way
     * @param checkAccess whether to ask the access policy for {@code SALES_RECORD}
     */
    private PurchaseView recordPurchase(Actor actor, RecordPurchaseCommand command, boolean checkAccess) {
        support.validate(actor, command);
        Currency currency = UseCaseSupport.commandField(() -> Money.currency("currency", command.currency()));
        if (command.occurredAt().isAfter(support.now().plus(MAX_AHEAD))) {
            // a sale dated years ahead would earn points that never expire and never count for a tier
            throw new InvalidCommandException(List.of(new FieldError("occurredAt",
                    "must not be more than a day in the future")));
        }
        List<PurchaseLine> lines = lines(command, currency);
        // the whole purchase is built and checked before any storage is read or any access decided
        Purchase candidate = UseCaseSupport.commandField(() -> Purchase.record(PurchaseId.next(support.clock()),
                command.customerId(), storable(command.occurredAt()), command.channel(),
                command.source(), command.externalReference(), currency, lines, support.now()));
        try {
            return record(actor, command.customerId(), candidate, checkAccess);
        } catch (Raced raced) {
            // a concurrent recording of the same reference won the unique index: now that it is committed, answer
            // as if it had come first (in a new transaction, which sees it)
            return support.transaction(() -> existing(candidate, checkAccess ? support.authorize(actor,
                    SalesPermission.SALES_RECORD, targetOf(command.customerId()), "purchase.record", TYPE, null) : null)
                    .orElseThrow(() -> raced.conflict));
        }
    }

    /** The unique index refused the insert: another transaction recorded the same reference meanwhile. */
    private static final class Raced extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConflictException conflict;

        Raced(ConflictException conflict) {
            super(null, null, false, false);
            this.conflict = conflict;
        }
    }

    private PurchaseView record(Actor actor, CustomerId customer, Purchase candidate, boolean checkAccess) {
        return support.transaction(() -> {
            Actor caller = checkAccess ? support.authorize(actor, SalesPermission.SALES_RECORD, targetOf(customer),
                    "purchase.record", TYPE, null) : null;
            Optional<PurchaseView> earlier = existing(candidate, caller);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            requireCustomer(customer);
            for (PurchaseLine line : candidate.snapshot().lines()) {
                if (catalog.find(line.product())
                        .orElseThrow(() -> new NotFoundException("product", line.product())).isRetired()) {
                    throw new BusinessRuleViolationException("product_retired",
                            "product " + line.product() + " is retired and no longer sold");
                }
            }
            try {
                purchases.add(candidate);
            } catch (ConflictException e) {
                if ("duplicate".equals(e.code())) {
                    throw new Raced(e);
                }
                throw e;
            }
            support.audit(actor, "purchase.record", TYPE, candidate.id().value());
            // the purchase's own event goes out before what the participants publish about it (points it earned),
            // as a return's does; a participant that fails still rolls everything back
            support.publishAfterCommit(candidate.pullEvents());
            participate(candidate);
            return PurchaseView.of(candidate);
        });
    }

    /**
     * The purchase already recorded under the candidate's reference, if it is the same; a conflict if it is not,
     * naming the holder only to a caller who may view every purchase (a sales rep must not learn the id of a
     * purchase of a customer they do not manage).
     *
     * @param caller the resolved caller, or {@code null} to name no holder
     */
    private Optional<PurchaseView> existing(Purchase candidate, Actor caller) {
        Optional<Purchase> found = purchases.findByReference(candidate.snapshot().source(),
                candidate.snapshot().externalReference());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get().sameAs(candidate)) {
            boolean nameHolder = caller != null
                    && support.scopeOf(caller, SalesPermission.SALES_VIEW) == org.crmkit.core.shared.AccessScope.ANY;
            throw ConflictException.duplicate(TYPE, "externalReference", nameHolder ? found.get().id() : null);
        }
        return Optional.of(PurchaseView.of(found.get()));
    }

    @Override
    public PurchaseView recordReturn(Actor actor, RecordReturnCommand command) {
        support.validate(actor, command);
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        for (RecordReturnCommand.Line line : command.lines()) {
            if (quantities.put(line.lineNumber(), line.quantity()) != null) {
                throw new InvalidCommandException(List.of(new FieldError("lines.lineNumber",
                        "must name each line once")));
            }
        }
        return support.transaction(() -> {
            Optional<Purchase> found = purchases.findById(command.purchaseId());
            support.authorize(actor, SalesPermission.SALES_RETURN,
                    targetOf(found.map(p -> p.snapshot().customer()).orElse(null)), "purchase.return", TYPE,
                    command.purchaseId().value());
            Purchase purchase = found.orElseThrow(() -> new NotFoundException(TYPE, command.purchaseId()));
            String reference = command.reference() == null ? null : command.reference().strip();
            if (reference != null && alreadyReturned(purchase, reference, quantities)) {
                return PurchaseView.of(purchase);
            }
            returnLines(actor, purchase, command.expectedVersion(), quantities, support.now(), reference);
            return PurchaseView.of(purchase);
        });
    }

    /**
     * Records a return against a loaded purchase and lets the participants (loyalty) take back what it earned, in
     * the caller's transaction.
     */
    void returnLines(Actor actor, Purchase purchase, Long expectedVersion, Map<Integer, Integer> quantities,
                     java.time.Instant at, String reference) {
        List<PurchaseLine> before = purchase.snapshot().lines();
        PurchaseReturn[] made = new PurchaseReturn[1];
        support.applyChange(actor, "purchase.return", TYPE, purchase.id().value(), purchase, expectedVersion,
                p -> made[0] = UseCaseSupport.commandField(() -> p.returnLines(UuidV7.next(support.clock()),
                        quantities, at, reference)), purchases::update);
        PurchaseParticipant.ReturnedPurchase returned = returned(purchase, before, made[0]);
        participants.forEach(p -> p.purchaseReturned(returned));
    }

    /**
     * @return whether a return with this reference was recorded against this purchase with the same lines; a
     *         conflict when the reference holds another return
     */
    boolean alreadyReturned(Purchase purchase, String reference, Map<Integer, Integer> quantities) {
        Optional<PurchaseId> holder = purchases.findByReturnReference(reference);
        if (holder.isEmpty()) {
            return false;
        }
        Optional<PurchaseReturn> earlier = holder.get().equals(purchase.id())
                ? purchase.returnByReference(reference) : Optional.empty();
        Map<Integer, Integer> earlierQuantities = new java.util.TreeMap<>();
        earlier.ifPresent(r -> r.lines().forEach(l -> earlierQuantities.put(l.lineNumber(), l.quantity())));
        if (earlier.isEmpty() || !earlierQuantities.equals(new java.util.TreeMap<>(quantities))) {
            throw ConflictException.duplicate("purchase_return", "reference", null);
        }
        return true;
    }

    @Override
    public Optional<PurchaseView> findById(Actor actor, PurchaseId purchaseId) {
        support.validate(actor, new Arguments.PurchaseIdQuery(purchaseId));
        return support.transaction(() -> {
            Optional<Purchase> found = purchases.findById(purchaseId);
            support.authorize(actor, SalesPermission.SALES_VIEW,
                    targetOf(found.map(p -> p.snapshot().customer()).orElse(null)), "purchase.view", TYPE,
                    purchaseId.value());
            return found.map(PurchaseView::of);
        });
    }

    /** @return the purchase reads other areas make, without an access check */
    PurchaseDirectory directory() {
        return reads;
    }

    @Override
    public Page<PurchaseView> history(Actor actor, PurchaseHistoryQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("purchase.history", query.customerId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, SalesPermission.SALES_VIEW, targetOf(query.customerId()), "purchase.history", TYPE,
                    null);
            return Page.slice(purchases.findByCustomer(query.customerId(), after, size + 1), size, PurchaseView::of,
                    p -> new EntryPosition(p.snapshot().occurredAt(), p.id().value()).toCursor(scope));
        });
    }

    @Override
    public PurchaseTotals totals(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        return support.transaction(() -> {
            support.authorize(actor, SalesPermission.SALES_VIEW, targetOf(customerId), "purchase.totals", TYPE, null);
            return new PurchaseTotals(customerId, purchases.totals(customerId).stream()
                    .map(t -> new PurchaseTotals.InCurrency(t.currency(), t.count(), t.amount(), t.first(), t.last()))
                    .toList());
        });
    }

    @Override
    public List<TopCustomer> topCustomers(Actor actor, TopCustomersQuery query) {
        support.validate(actor, query);
        Currency currency = query.currency() == null ? null
                : UseCaseSupport.commandField(() -> Money.currency("currency", query.currency()));
        java.time.Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        java.time.Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        return support.transaction(() -> {
            support.authorize(actor, SalesPermission.SALES_REPORT, AccessTarget.none(), "purchase.top_customers", TYPE,
                    null);
            return reads.topCustomers(from, to, currency, query.byAmount(), query.limit());
        });
    }

    static PurchaseParticipant.RecordedPurchase recorded(Purchase purchase) {
        PurchaseSnapshot s = purchase.snapshot();
        return new PurchaseParticipant.RecordedPurchase(s.id(), s.customer(), s.occurredAt(), s.currency(),
                s.lines().stream().map(l -> new PurchaseParticipant.Line(l.number(), l.product(), l.quantity(),
                        l.total())).toList());
    }

    private static PurchaseParticipant.ReturnedPurchase returned(Purchase purchase, List<PurchaseLine> before,
                                                                 PurchaseReturn made) {
        Map<Integer, PurchaseLine> lines = new java.util.HashMap<>();
        before.forEach(l -> lines.put(l.number(), l));
        return new PurchaseParticipant.ReturnedPurchase(purchase.id(), made.id(), purchase.snapshot().customer(),
                made.occurredAt(), made.lines().stream().map(r -> new PurchaseParticipant.ReturnedLine(r.lineNumber(),
                        r.quantity(), lines.get(r.lineNumber()).returned(), lines.get(r.lineNumber()).quantity()))
                .toList());
    }

    /** Whose purchases these are: the customer's, owned by their account manager; an anonymous sale is nobody's. */
    private AccessTarget targetOf(CustomerId customer) {
        if (customer == null) {
            return AccessTarget.none();
        }
        Optional<CustomerView> view = customers.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    private List<PurchaseLine> lines(RecordPurchaseCommand command, Currency currency) {
        List<FieldError> errors = new ArrayList<>();
        List<PurchaseLine> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            RecordPurchaseCommand.Line line = command.lines().get(i);
            try {
                lines.add(new PurchaseLine(line.lineNumber(), line.productId(), line.quantity(),
                        price(line, currency), 0));
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field().replace("lines.", "lines[" + i + "]."), e.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return lines;
    }

    private static Money price(RecordPurchaseCommand.Line line, Currency currency) {
        return Money.of("lines.unitPrice", line.unitPrice(), currency);
    }

    /** A purchase time as stored: within the storable years, truncated to the microsecond. */
    static java.time.Instant storable(java.time.Instant occurredAt) {
        StoredTime.bound("occurredAt", occurredAt);
        return occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }


    /** Refuses a purchase for a customer who does not exist or was erased. */
    private void requireCustomer(CustomerId customer) {
        if (customer != null) {
            customers.find(customer).orElseThrow(() -> new NotFoundException("customer", customer))
                    .requireNotErased();
        }
    }
}
