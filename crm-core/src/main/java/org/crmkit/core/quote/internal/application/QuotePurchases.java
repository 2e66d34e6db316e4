package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.QuoteError;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the purchase an accepted quote leads to, in the acceptance's transaction. The caller was authorized for
 * the acceptance ({@code QUOTE_DECIDE}); the purchase is its consequence, which a customer could not record as
 * themself (they hold no {@code SALES_RECORD}), so it goes through the sales area's internal recorder.
 */
final class QuotePurchases {
    /** The source of the purchases acceptances record; the external reference is the quote's id. */
    static final String PURCHASE_SOURCE = "quote";
    private static final Logger LOG = LoggerFactory.getLogger(QuotePurchases.class);

    private final PurchaseRecorder sales;

    QuotePurchases(PurchaseRecorder sales) {
        this.sales = sales;
    }

    /**
     * Records the accepted quote's purchase in the current transaction, once per quote (its reference). A purchase
     * a host recorded under the quote's reference itself (source {@code "quote"}, which is the quote area's) blocks
     * the acceptance: the caller is told so without learning anything about that other purchase.
     */
    PurchaseId recordPurchase(Actor caller, QuoteSnapshot quote, Instant now) {
        List<RecordPurchaseCommand.Line> lines = quote.lines().stream()
                .map(l -> new RecordPurchaseCommand.Line(l.number(), l.product(), l.quantity(),
                        l.unitPrice().amount())).toList();
        try {
            return sales.record(caller, RecordPurchaseCommand.otherChannel(quote.customer(), now,
                    PURCHASE_SOURCE, quote.id().toString(), quote.currency().getCurrencyCode(), lines)).id();
        } catch (ConflictException e) {
            if (!"duplicate".equals(e.code())) {
                throw e;
            }
            LOG.warn("quote {} cannot be accepted: another purchase holds its purchase reference (source \"{}\")",
                    quote.id(), PURCHASE_SOURCE);
            throw ConflictException.referenceTaken(QuoteError.QUOTE_PURCHASE_REFERENCE_TAKEN, "quote " + quote.id()
                    + " cannot record its purchase: its reference is taken", "quoteId");
        }
    }
}
