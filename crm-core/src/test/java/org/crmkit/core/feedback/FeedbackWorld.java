package org.crmkit.core.feedback;

import org.crmkit.core.internal.AreaPorts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;

/**
 * A small shop for the feedback tests, made through the use cases: a shirt and a mug, customers who bought them, and
 * staff of every role that works with feedback.
 */
final class FeedbackWorld {
    static final Actor SYSTEM = Actor.system("feedback-test");
    static final Instant BOUGHT = Instant.parse("2026-03-01T15:30:00Z");

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final RecordingPublisher publisher = new RecordingPublisher();
    final Crm crm;
    final AreaPorts store = new AreaPorts(Crm.inMemoryPersistence());
    final Actor agent;
    final Actor supportManager;
    final Actor crmManager;
    final Actor productManager;
    final Actor salesRep;
    final ProductView shirt;
    final ProductView mug;
    private int orders;

    FeedbackWorld() {
        crm = Crm.builder().persistence(store).clock(clock).eventPublisher(publisher).build();
        publisher.watch(store.unitOfWork());
        agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        supportManager = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_MANAGER);
        crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        productManager = TestStaff.enrol(crm, StaffId.next(clock), Role.PRODUCT_MANAGER);
        salesRep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        shirt = crm.products().create(SYSTEM, new CreateProductCommand("SHIRT-1", "Shirt", null, null,
                new BigDecimal("19.90"), "EUR"));
        mug = crm.products().create(SYSTEM, new CreateProductCommand("MUG-1", "Mug", null, null,
                new BigDecimal("7.50"), "EUR"));
    }

    /** @param first a first name @return a new customer, registered by the system */
    CustomerView customer(String first) {
        return crm.customers().register(SYSTEM, new RegisterCustomerCommand(first, "Buyer",
                first.toLowerCase(java.util.Locale.ROOT) + "-" + (++orders) + "@example.org", null, null, null, null,
                CustomerSource.WEB, null, false));
    }

    /** @param customer the buyer @param products one of each @return their purchase, recorded by the system */
    PurchaseView purchase(CustomerView customer, ProductView... products) {
        List<RecordPurchaseCommand.Line> lines = new java.util.ArrayList<>();
        Arrays.stream(products).forEach(p -> lines.add(new RecordPurchaseCommand.Line(lines.size() + 1, p.id(), 1,
                p.listPrice().amount())));
        return crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer == null ? null : customer.id(),
                BOUGHT, SalesChannel.WEB, "webshop", "ORDER-" + (++orders), "EUR", lines));
    }

    /** @param customer a customer @return the customer acting for themself */
    static Actor as(CustomerView customer) {
        return Actor.customer(customer.id());
    }
}
