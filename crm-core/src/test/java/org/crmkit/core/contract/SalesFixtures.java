package org.crmkit.core.contract;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.spi.CrmPersistence;

/**
 * Builds the sales area's domain objects for the contracts: purchases and their lines, every purchase with an external
 * reference no other fixture call returns unless told otherwise. The products a line names must be stored first, as
 * a real schema's foreign keys ask ({@link #storedProduct}); the customer need not be (purchases outlive an erased
 * customer, so the schema does not tie them).
 */
public final class SalesFixtures {
    /** Source of ids: real time, so ids are ordinary UUIDv7 values. */
    public static final Clock IDS = StaffFixtures.IDS;
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = StaffFixtures.T0;
    /** When the fixtures' purchases were recorded: after they were made. */
    public static final Instant RECORDED = T0.plusSeconds(30 * 86_400L).plusNanos(123_000);
    /** The source of the fixtures' references. */
    public static final String SOURCE = "webshop";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SalesFixtures() {
    }

    /** @return an order reference no other fixture call returns */
    public static String uniqueReference() {
        return "ORD-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @param persistence where @return a stored active product */
    public static Product storedProduct(AreaPorts persistence) {
        return CatalogFixtures.stored(persistence, CatalogFixtures.product("Sold"));
    }

    /**
     * @param number    the line number
     * @param product   the product
     * @param quantity  how many
     * @param unitPrice the unit price with its currency, such as {@code Money.of("19.99", "EUR")}
     * @return a line as bought, nothing returned
     */
    public static PurchaseLine line(int number, ProductId product, int quantity, Money unitPrice) {
        return new PurchaseLine(number, product, quantity, unitPrice, 0);
    }

    /**
     * @param customer the customer, or {@code null} for an anonymous sale
     * @param at       when it was made
     * @param lines    the lines, all in one currency
     * @return a new web purchase under {@link #SOURCE} with a unique reference, in the lines' currency
     */
    public static Purchase purchase(CustomerId customer, Instant at, List<PurchaseLine> lines) {
        return purchase(PurchaseId.next(IDS), customer, at, SOURCE, uniqueReference(), lines);
    }

    /**
     * @param id        the id
     * @param customer  the customer, or {@code null}
     * @param at        when it was made
     * @param source    the source
     * @param reference the external reference
     * @param lines     the lines, all in one currency
     * @return a new web purchase in the lines' currency, recorded at {@link #RECORDED}
     */
    public static Purchase purchase(PurchaseId id, CustomerId customer, Instant at, String source, String reference,
                                    List<PurchaseLine> lines) {
        return purchase(id, customer, at, SalesChannel.WEB, source, reference, lines);
    }

    /**
     * @param id        the id
     * @param customer  the customer, or {@code null}
     * @param at        when it was made
     * @param channel   where
     * @param source    the source
     * @param reference the external reference
     * @param lines     the lines, all in one currency
     * @return a new purchase in the lines' currency, recorded at {@link #RECORDED}
     */
    public static Purchase purchase(PurchaseId id, CustomerId customer, Instant at, SalesChannel channel,
                                    String source, String reference, List<PurchaseLine> lines) {
        Currency currency = lines.get(0).unitPrice().currency();
        Purchase purchase = Purchase.record(id, customer, at, channel, source, reference, currency,
                new ArrayList<>(lines), RECORDED);
        purchase.pullEvents();
        return purchase;
    }

    /** @param persistence where @param purchase a new purchase whose products are stored @return it, stored */
    public static Purchase stored(AreaPorts persistence, Purchase purchase) {
        persistence.unitOfWork().inTransaction(() -> new PurchaseStore(persistence.purchases()).add(purchase));
        return purchase;
    }
}
