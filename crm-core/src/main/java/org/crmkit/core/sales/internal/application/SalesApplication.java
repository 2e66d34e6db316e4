package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the sales use cases; the one public entry of this package. */
public final class SalesApplication {
    private SalesApplication() {
    }

    /**
     * @param support   shared use-case mechanics
     * @param purchases the purchase repository
     * @param customers the customer use cases (the import registers unknown customers through them, as its caller)
     * @param products  the catalog use cases (the import creates unknown products through them, as its caller)
     * @param directory the customers as other areas read them (a purchase's customer is checked there)
     * @param catalog   the catalog as other areas read it (a purchase's products are checked there)
     * @param participants other areas' parts in recording purchases and returns (loyalty earning), called in the
     *                     same transaction
     * @return the sales use cases, and the ports other areas use inside their own use cases
     */
    public static SalesArea sales(UseCaseSupport support, PurchaseRepository purchases, Customers customers,
                                  Products products, CustomerDirectory directory, ProductCatalog catalog,
                                  List<org.crmkit.core.sales.internal.port.PurchaseParticipant> participants) {
        SalesService service = new SalesService(support, new PurchaseStore(purchases), customers, products, directory, catalog,
                participants);
        return new SalesArea(service, service, service.directory());
    }

    /**
     * What the sales area hands the composition root.
     *
     * @param sales     the use cases hosts call
     * @param recorder  how other areas record a purchase inside their own use cases, without a second access check
     * @param directory the purchase reads other areas make inside their own use cases, without an access check
     */
    public record SalesArea(Sales sales, PurchaseRecorder recorder, PurchaseDirectory directory) {
    }

    /**
     * @param purchases the purchase repository
     * @return the sales area's part in a GDPR export: section {@code purchases}, every purchase of the customer with
     *         its lines and returns, newest first
     */
    public static PersonalDataExporter customerExporter(PurchaseRepository purchases) {
        return customer -> List.of(new PersonalDataSection(PersonalDataSection.PURCHASES, PersonalDataExporter.readAll(
                (after, limit) -> new PurchaseStore(purchases).findByCustomer(customer, after, limit),
                purchase -> new EntryPosition(purchase.snapshot().occurredAt(), purchase.id().value())).stream()
                .map(PurchaseViews::of).toList()));
    }
}
