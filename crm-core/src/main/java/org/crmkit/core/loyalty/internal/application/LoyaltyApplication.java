package org.crmkit.core.loyalty.internal.application;

import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Builds the loyalty use cases, its purchase participant and its parts in a GDPR erasure and export; the one public
 * entry of this package.
 */
public final class LoyaltyApplication {
    private LoyaltyApplication() {
    }

    /**
     * @param support  shared use-case mechanics
     * @param accounts the loyalty repository
     * @param products the catalog (for the categories the earning rules name)
     * @param program  the earning rules, tiers and expiry
     * @return what the sales area calls when it records purchases and returns: earning and claw-back
     */
    public static PurchaseParticipant purchaseParticipant(UseCaseSupport support, LoyaltyRepository accounts,
                                                          ProductCatalog products, LoyaltyProgram program) {
        return new LoyaltyEarning(support, new LoyaltyStore(accounts), products, program);
    }

    /**
     * @param support   shared use-case mechanics
     * @param accounts  the loyalty repository
     * @param customers the customer use cases (an account's customer is checked through them)
     * @param sales     the sales use cases (rankings by purchases)
     * @param program   the earning rules, tiers and expiry
     * @return the loyalty use cases
     */
    public static Loyalty loyalty(UseCaseSupport support, LoyaltyRepository accounts, CustomerDirectory customers,
                                  PurchaseDirectory sales, LoyaltyProgram program) {
        return new LoyaltyService(support, new LoyaltyStore(accounts), customers, sales, program);
    }

    /**
     * @param accounts the loyalty repository
     * @return the loyalty area's part in a customer's erasure: the notes of their redemptions
     */
    public static PersonalDataEraser customerEraser(LoyaltyRepository accounts) {
        return new LoyaltyEraser(new LoyaltyStore(accounts));
    }

    /**
     * @param accounts the loyalty repository
     * @return the loyalty area's part in a GDPR export: sections {@code loyalty_account} (the account, when there is
     *         one) and {@code loyalty_ledger} (every entry with its lines, newest first in posting order, as the
     *         statement lists them)
     */
    public static PersonalDataExporter customerExporter(LoyaltyRepository accounts) {
        return customer -> List.of(
                new PersonalDataSection(PersonalDataSection.LOYALTY_ACCOUNT, accounts.find(customer).map(LoyaltyAccountView::of)
                        .stream().toList()),
                new PersonalDataSection(PersonalDataSection.LOYALTY_LEDGER, PersonalDataExporter.readAll(
                        (Long before, Integer limit) -> accounts.entries(customer, before, limit),
                        LedgerEntry::position, (before, next) -> before == null || next < before).stream()
                        .map(LedgerEntryView::of).toList()));
    }
}
