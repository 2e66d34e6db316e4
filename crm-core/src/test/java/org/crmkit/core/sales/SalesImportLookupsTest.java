package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sales import's lines name outside sales: products by SKU and customers by reference, looked up once per
 * run (together per batch), created as the options say with names and prices taken from the lines, and the reason a
 * line is rejected when none can be had (found by mutation testing: the created records' details, the reasons and
 * the number of look-ups were unguarded).
 */
class SalesImportLookupsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");

    /** Calls of the catalog's and the customer directory's look-ups, by method name. */
    private final Map<String, Integer> lookups = new ConcurrentHashMap<>();
    private LoyaltyWorld world;
    private Actor importer;

    @BeforeEach
    void setUp() {
        CrmPersistence memory = InMemoryCrmPersistence.create();
        ProductRepository products = counting(ProductRepository.class, memory);
        CustomerRepository customers = counting(CustomerRepository.class, memory);
        CrmPersistence counted = new CrmPersistence() {
            @Override
            public UnitOfWork unitOfWork() {
                return memory.unitOfWork();
            }

            @Override
            public <P> Optional<P> port(Class<P> type) {
                if (type == ProductRepository.class) {
                    return Optional.of(type.cast(products));
                }
                return type == CustomerRepository.class ? Optional.of(type.cast(customers)) : memory.port(type);
            }
        };
        world = new LoyaltyWorld(counted, LoyaltyProgram.standard(), NOW, "k");
        importer = TestStaff.enrol(world.crm(), StaffId.next(world.clock()), Role.SALES_MANAGER, Role.PRODUCT_MANAGER);
    }

    private <P> P counting(Class<P> port, CrmPersistence memory) {
        P real = memory.port(port).orElseThrow();
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().startsWith("findBySku") || method.getName().startsWith("findByExternalReference")) {
                lookups.merge(method.getName(), 1, Integer::sum);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static SaleLine.Builder line(long at, String order, int number, String sku, String customer) {
        return SaleLine.builder().sourceLine(at).orderReference(order).lineNumber(number).sku(sku).quantity(1)
                .unitPrice(new BigDecimal("4.75")).occurredAt(T1).customerReference(customer);
    }

    private ImportSummary importOf(SalesImportOptions options, List<SaleLine> rows) {
        return world.crm().sales().importSales(importer, options, rows, ImportProgress.none());
    }

    @Test
    void eachSkuAndReferenceIsLookedUpOncePerRunTogetherForTheFirstBatchThatNamesIt() {
        ProductView lamp = world.product("LAMP", "20.00", null);
        ProductView mug = world.product("MUG", "2.50", null);
        world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand.imported("Ada", "Byron",
                "ada@example.org", "17850"));
        lookups.clear();

        ImportSummary summary = importOf(SalesImportOptions.strict("shop", "EUR").withBatchSize(3), List.of(
                line(2, "1001", 1, lamp.sku(), "17850").build(),
                line(3, "1001", 2, mug.sku(), "17850").build(),
                line(4, "1002", 1, "GHOST", "17850").build(),              // first batch: 1001, 1002
                line(5, "1003", 1, lamp.sku(), "17850").build(),
                line(6, "1004", 1, "GHOST", null).build(),
                line(7, "1005", 1, " " + mug.sku() + " ", "17850").build())); // second batch: 1003 to 1005

        assertThat(summary.rejected()).containsExactly(new RejectedLine(4, "sku", "no product has this SKU"),
                new RejectedLine(6, "sku", "no product has this SKU"));
        assertThat(summary.purchases()).isEqualTo(3);
        assertThat(lookups).as("the known ones together, the unknown SKU once more on its own")
                .containsExactlyInAnyOrderEntriesOf(Map.of("findBySkus", 1, "findBySku", 1,
                        "findByExternalReferences", 1));
    }

    @Test
    void anUnknownProductIsCreatedOnceNamedAfterItsFirstLineAtThatLinesPrice() {
        String longName = "\uD83D\uDCA1".repeat(250);                 // 250 code points, 500 UTF-16 units

        ImportSummary summary = importOf(SalesImportOptions.strict("shop", "EUR").creatingUnknownProducts(), List.of(
                line(2, "1001", 1, "DESK-1", null).description("  Oak desk  ").build(),
                line(3, "1002", 1, "DESK-1", null).description("Pine desk").unitPrice(new BigDecimal("9.00"))
                        .build(),
                line(4, "1003", 1, "BARE-1", null).description("   ").build(),
                line(5, "1004", 1, "LONG-1", null).description(longName).build()));

        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::productsCreated,
                ImportSummary::linesRejected).containsExactly(4L, 3L, 0L);
        ProductView desk = world.crm().products().findBySku(importer, "DESK-1").orElseThrow();
        assertThat(desk.name()).isEqualTo("Oak desk");
        assertThat(desk.listPrice().amount()).isEqualByComparingTo("4.75");
        assertThat(desk.listPrice().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(world.crm().products().findBySku(importer, "BARE-1").orElseThrow().name())
                .as("no description: named after its SKU").isEqualTo("BARE-1");
        assertThat(world.crm().products().findBySku(importer, "LONG-1").orElseThrow().name())
                .as("cut to the catalog's 200 characters").isEqualTo("\uD83D\uDCA1".repeat(200));
    }

    @Test
    void unknownCustomersAreRegisteredOncePerReferenceWithAnAddressThatNeverReceivesMail() {
        ProductView mug = world.product("MUG", "2.50", null);

        ImportSummary summary = importOf(SalesImportOptions.strict("shop", "EUR").creatingUnknownCustomers(), List.of(
                line(2, "1001", 1, mug.sku(), "k-1").build(),
                line(3, "1002", 1, mug.sku(), "K-1").build(),
                line(4, "1003", 1, mug.sku(), " k-1").build()));

        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::customersCreated)
                .containsExactly(3L, 2L);
        CustomerView lower = world.crm().customers().findByExternalReference(importer, "k-1").orElseThrow();
        CustomerView upper = world.crm().customers().findByExternalReference(importer, "K-1").orElseThrow();
        assertThat(lower).extracting(CustomerView::firstName, CustomerView::lastName)
                .containsExactly("Imported", "Customer k-1");
        assertThat(lower.email()).matches("customer-[0-9a-f]{24}@import\\.invalid");
        assertThat(upper.email()).as("references that differ only in case").isNotEqualTo(lower.email())
                .endsWith("@import.invalid");
    }

    /**
     * A reference of up to 100 characters is a valid line, but "Customer " and 100 characters is past the 100
     * characters of a last name: the name is cut to fit, not the line rejected (a bug found by mutation testing).
     */
    @Test
    void aCustomerRegisteredForTheLongestReferenceGetsANameCutToFit() {
        ProductView mug = world.product("MUG", "2.50", null);
        String reference = "R".repeat(100);

        ImportSummary summary = importOf(SalesImportOptions.strict("shop", "EUR").creatingUnknownCustomers(), List.of(
                line(2, "1001", 1, mug.sku(), reference).build()));

        assertThat(summary.rejected()).isEmpty();
        assertThat(summary.customersCreated()).isEqualTo(1);
        CustomerView created = world.crm().customers().findByExternalReference(importer, reference).orElseThrow();
        assertThat(created.lastName()).hasSize(PersonName.MAX_LENGTH).startsWith("Customer RRR");
    }

    @Test
    void aSkuTheCatalogCouldNeverHoldIsRejectedWithTheCatalogsReasonAndNotCreated() {
        String why = "must be 1 to 64 ASCII letters, digits or . _ / -, starting with a letter or digit";

        ImportSummary rejecting = importOf(SalesImportOptions.strict("shop", "EUR"), List.of(
                line(2, "1001", 1, "BANK CHARGES", null).build()));
        ImportSummary creating = importOf(SalesImportOptions.strict("shop", "EUR").creatingUnknownProducts(), List.of(
                line(2, "1002", 1, "BANK CHARGES", null).build(),
                line(3, "1003", 1, "BANK CHARGES", null).build()));

        assertThat(rejecting.rejected()).containsExactly(new RejectedLine(2, "sku", why));
        assertThat(creating.rejected()).containsExactly(new RejectedLine(2, "sku", why),
                new RejectedLine(3, "sku", why));
        assertThat(creating.productsCreated()).isZero();
    }
}
