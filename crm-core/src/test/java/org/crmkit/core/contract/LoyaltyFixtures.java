package org.crmkit.core.contract;

import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.internal.AreaPorts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.spi.CrmPersistence;

/**
 * Builds the loyalty area's objects for the contracts the way the loyalty service does: accounts opened with
 * {@link LoyaltyAccount#open}, changed through the aggregate's methods, stored with the repository. An account needs
 * its customer stored first, as a real schema's foreign key asks ({@link #storedCustomer}).
 */
public final class LoyaltyFixtures {
    /** Source of ids: real time, so ids are ordinary UUIDv7 values. */
    public static final Clock IDS = StaffFixtures.IDS;
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = Instant.parse("2026-05-04T10:20:30.456789Z");
    /** The tier accounts open in. */
    public static final Tier BRONZE = new Tier("BRONZE", 0, BigDecimal.ONE);

    private LoyaltyFixtures() {
    }

    /** @return a new entry or lot id */
    public static UUID id() {
        return UuidV7.next(IDS);
    }

    /** @param persistence where @return a stored customer's id */
    public static CustomerId storedCustomer(AreaPorts persistence) {
        return storedCustomer(persistence, CustomerId.next(IDS));
    }

    /** @param persistence where @param id the id to give the customer @return it, stored */
    public static CustomerId storedCustomer(AreaPorts persistence, CustomerId id) {
        Customer customer = CustomerFixtures.aCustomer().id(id).build();
        persistence.unitOfWork().inTransaction(() -> new CustomerStore(persistence.customers()).add(customer));
        return id;
    }

    /**
     * @param persistence where
     * @param customer    a stored customer without an account
     * @return the customer, with an account opened at {@link #T0} in {@link #BRONZE}
     */
    public static CustomerId opened(AreaPorts persistence, CustomerId customer) {
        persistence.unitOfWork().inTransaction(
                () -> new LoyaltyStore(persistence.loyalty()).addIfAbsent(LoyaltyAccount.open(customer, BRONZE, T0)));
        return customer;
    }

    /**
     * @param lineNumber  the purchase line
     * @param product     its product
     * @param quantity    how many
     * @param points      what it earned
     * @return an earned line with a short explanation
     */
    public static EarnedLine line(int lineNumber, ProductId product, int quantity, long points) {
        return new EarnedLine(lineNumber, product, quantity, points, quantity + " x; rounded down: " + points);
    }

    /**
     * Earns for a new purchase made at {@code at}, whose lot expires a year later.
     *
     * @param account the locked account
     * @param at      the purchase's time
     * @param lines   what its lines earned
     * @return the entry
     */
    public static LedgerEntry earn(LoyaltyAccount account, Instant at, List<EarnedLine> lines) {
        return earn(account, id(), PurchaseId.next(IDS), at, at.plusSeconds(365 * 86_400L), lines);
    }

    /**
     * @param account   the locked account
     * @param entryId   the entry's id (the lot's is new)
     * @param purchase  the purchase
     * @param at        its time
     * @param expiresAt when the lot expires
     * @param lines     what its lines earned
     * @return the entry
     */
    public static LedgerEntry earn(LoyaltyAccount account, UUID entryId, PurchaseId purchase, Instant at,
                                   Instant expiresAt, List<EarnedLine> lines) {
        return account.earn(entryId, id(), purchase, at, expiresAt, lines, at);
    }
}
