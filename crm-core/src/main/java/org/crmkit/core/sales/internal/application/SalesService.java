package org.crmkit.core.sales.internal.application;

import org.crmkit.core.product.ProductError;
import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Purchases and returns. The customer and the products a purchase names are checked through their areas' use cases,
 * as the system; access follows the customer (their account manager owns their purchases). Recording a purchase
 * lives here; returns, queries and the bulk import are {@link PurchaseReturns}, {@link PurchaseQueries} and
 * {@link SalesImport}.
 */
final class SalesService implements Sales, PurchaseRecorder {
    static final String TYPE = "purchase";
    /** How far ahead of the clock a sale may be dated (clocks of tills and servers drift apart). */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final UseCaseSupport support;
    private final PurchaseStore purchases;
    private final CustomerDirectory customers;
    private final ProductCatalog catalog;
    private final List<PurchaseParticipant> participants;
    private final PurchaseAccess access;
    private final PurchaseReturns returns;
    private final PurchaseQueries queries;
    private final SalesImport imports;
    private final PurchaseReads reads;

    SalesService(UseCaseSupport support, PurchaseStore purchases, Customers customers, Products products,
                 CustomerDirectory directory, ProductCatalog catalog, List<PurchaseParticipant> participants) {
        this.support = support;
        this.purchases = purchases;
        this.customers = directory;
        this.catalog = catalog;
        this.participants = List.copyOf(participants);
        this.access = new PurchaseAccess(directory);
        this.reads = new PurchaseReads(support, purchases);
        this.returns = new PurchaseReturns(support, purchases, access, this.participants);
        this.queries = new PurchaseQueries(support, purchases, reads, access);
        this.imports = new SalesImport(support, purchases, customers, products, directory, catalog, this, returns);
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
        // the constraints and every value rule together, and the whole purchase built and checked, before any
        // storage is read or any access decided
        Purchase candidate = support.validate(actor, command, checks -> candidate(command, checks));
        try {
            return record(actor, command.customerId(), candidate, checkAccess);
        } catch (Raced raced) {
            // a concurrent recording of the same reference won the unique index: now that it is committed, answer
            // as if it had come first (in a new transaction, which sees it)
            return support.transaction(() -> existing(candidate, checkAccess ? support.authorize(actor,
                    SalesPermission.SALES_RECORD, access.targetOf(command.customerId()), "purchase.record", TYPE,
                    null) : null).orElseThrow(() -> raced.conflict));
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
            Actor caller = checkAccess ? support.authorize(actor, SalesPermission.SALES_RECORD,
                    access.targetOf(customer), "purchase.record", TYPE, null) : null;
            Optional<PurchaseView> earlier = existing(candidate, caller);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            requireCustomer(customer);
            requireOnSale(candidate);
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
            return PurchaseViews.of(candidate);
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
                    && support.scopeOf(caller, SalesPermission.SALES_VIEW) == AccessScope.ANY;
            throw ConflictException.duplicate(TYPE, "externalReference", nameHolder ? found.get().id() : null);
        }
        return Optional.of(PurchaseViews.of(found.get()));
    }

    @Override
    public PurchaseView recordReturn(Actor actor, RecordReturnCommand command) {
        return returns.recordReturn(actor, command);
    }

    @Override
    public Optional<PurchaseView> findById(Actor actor, PurchaseId purchaseId) {
        return queries.findById(actor, purchaseId);
    }

    /** @return the purchase reads other areas make, without an access check */
    PurchaseDirectory directory() {
        return reads;
    }

    @Override
    public Page<PurchaseView> history(Actor actor, PurchaseHistoryQuery query) {
        return queries.history(actor, query);
    }

    @Override
    public PurchaseTotals totals(Actor actor, CustomerId customerId) {
        return queries.totals(actor, customerId);
    }

    @Override
    public List<TopCustomer> topCustomers(Actor actor, TopCustomersQuery query) {
        return queries.topCustomers(actor, query);
    }

    static PurchaseParticipant.RecordedPurchase recorded(Purchase purchase) {
        PurchaseSnapshot s = purchase.snapshot();
        return new PurchaseParticipant.RecordedPurchase(s.id(), s.customer(), s.occurredAt(), s.currency(),
                s.lines().stream().map(l -> new PurchaseParticipant.Line(l.number(), l.product(), l.quantity(),
                        l.total())).toList());
    }

    /**
     * Converts and checks every field of a purchase, each refusal kept in the checks, and builds the purchase when
     * every field passed (the purchase's own rules then: line numbers unique, a storable total).
     *
     * @return the purchase, or {@code null} when a field was refused (here or by the constraints)
     */
    private Purchase candidate(RecordPurchaseCommand command, FieldChecks checks) {
        Currency currency = command.currency() == null ? null
                : checks.attempt(() -> Money.currency("currency", command.currency()));
        Instant occurredAt = command.occurredAt() == null ? null
                : checks.attempt(() -> occurredAt(command.occurredAt()));
        String source = checks.attempt(() -> Purchase.checkSource(command.source()));
        String reference = checks.attempt(() -> Purchase.checkExternalReference(command.externalReference()));
        List<PurchaseLine> lines = lines(command, currency, checks);
        if (currency == null || occurredAt == null || source == null || reference == null || lines == null
                || command.channel() == null) {
            return null;
        }
        return checks.attempt(() -> Purchase.record(PurchaseId.next(support.clock()), command.customerId(),
                occurredAt, command.channel(), source, reference, currency, lines, support.now()));
    }

    /** @return a purchase time as stored, refused outside the storable years or more than a day ahead */
    private Instant occurredAt(Instant at) {
        Instant stored = storable(at);
        if (at.isAfter(support.now().plus(MAX_AHEAD))) {
            // a sale dated years ahead would earn points that never expire and never count for a tier
            throw new InvalidValueException("occurredAt", "must not be more than a day in the future");
        }
        return stored;
    }

    /**
     * @return the command's lines, each refusal kept in the checks under {@code lines[i].<field>}; {@code null} when a
     *         line was refused (here or by the constraints)
     */
    private static List<PurchaseLine> lines(RecordPurchaseCommand command, Currency currency, FieldChecks checks) {
        if (command.lines() == null) {
            return null;
        }
        // an amount's digits do not depend on its currency: they are checked even when the code is unknown
        Currency amounts = currency == null ? Currency.getInstance("XXX") : currency;
        List<PurchaseLine> lines = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < command.lines().size(); i++) {
            RecordPurchaseCommand.Line line = command.lines().get(i);
            if (line == null || line.productId() == null || line.unitPrice() == null) {
                complete = false;
                continue;
            }
            String at = "lines[" + i + "].";
            Money price = checks.attempt(() -> Money.of(at + "unitPrice", line.unitPrice(), amounts));
            // a refused price stands in as zero, so that the line's number and quantity are checked all the same
            PurchaseLine checked = checks.attempt(() -> lineNamed(at, line, price == null
                    ? new Money(java.math.BigDecimal.ZERO, amounts) : price));
            complete &= price != null && checked != null;
            if (checked != null) {
                lines.add(checked);
            }
        }
        return complete ? lines : null;
    }

    /** @return the line, a refusal naming {@code <at><field>} (the line's index in the command) */
    private static PurchaseLine lineNamed(String at, RecordPurchaseCommand.Line line, Money price) {
        try {
            return new PurchaseLine(line.lineNumber(), line.productId(), line.quantity(), price, 0);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.field().replace("lines.", at), e.reason());
        }
    }

    /** A purchase time as stored: within the storable years, truncated to the microsecond. */
    static Instant storable(Instant occurredAt) {
        StoredTime.bound("occurredAt", occurredAt);
        return occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Refuses a purchase of a product that does not exist or is retired. */
    private void requireOnSale(Purchase candidate) {
        for (PurchaseLine line : candidate.snapshot().lines()) {
            if (catalog.find(line.product())
                    .orElseThrow(() -> new NotFoundException("product", line.product())).isRetired()) {
                throw new BusinessRuleViolationException(ProductError.PRODUCT_RETIRED,
                        "product " + line.product() + " is retired and no longer sold");
            }
        }
    }

    /** Refuses a purchase for a customer who does not exist or was erased. */
    private void requireCustomer(CustomerId customer) {
        if (customer != null) {
            customers.find(customer).orElseThrow(() -> new NotFoundException("customer", customer))
                    .requireNotErased();
        }
    }
}
