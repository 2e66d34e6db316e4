package org.crmkit.core.product;

import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.ProductEvents.CategoryChanged;
import org.crmkit.core.product.ProductEvents.ProductChanged;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.MoveCategoryCommand;
import org.crmkit.core.product.port.in.MoveProductCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.product.port.in.RenameCategoryCommand;
import org.crmkit.core.product.port.in.RepriceProductCommand;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.product.port.in.UpdateProductCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalog use cases ({@code crm.products()}) as a host uses them, on the in-memory adapter with a hand-moved
 * clock: the category tree, products and their life cycle, the search, who may read and who may change, and what
 * every change leaves behind (a new version, an event after commit, an audit entry).
 */
class ProductUseCasesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor SYSTEM = Actor.system("product-use-case-test");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency CHF = Currency.getInstance("CHF");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Products products;
    private Actor manager;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        publisher.watch(store.unitOfWork());
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.PRODUCT_MANAGER);
        products = crm.products();
    }

    // ---- the category tree ---------------------------------------------------------------------------------------

    @Test
    void theTreeListsParentsBeforeChildrenAndSiblingsByNameIgnoringCaseAndAccents() {
        CategoryView shoes = category("Shoes", null);
        CategoryView apparel = category("Apparel", null);
        CategoryView equipment = category("Équipement", null);
        CategoryView shirts = category("T-Shirts", apparel);
        CategoryView jackets = category("jackets", apparel);
        CategoryView rain = category("Rain", jackets);
        CategoryView sneakers = category("Sneakers", shoes);
        CategoryView boots = category("Boots", shoes);

        assertThat(products.categories(manager)).extracting(CategoryView::name, CategoryView::parent)
                .containsExactly(
                        tuple("Apparel", null),
                        tuple("jackets", apparel.id()),
                        tuple("Rain", jackets.id()),
                        tuple("T-Shirts", apparel.id()),
                        tuple("Équipement", null),
                        tuple("Shoes", null),
                        tuple("Boots", shoes.id()),
                        tuple("Sneakers", shoes.id()));
        assertThat(products.categories(manager)).extracting(CategoryView::id).containsExactly(apparel.id(),
                jackets.id(), rain.id(), shirts.id(), equipment.id(), shoes.id(), boots.id(), sneakers.id());
    }

    @Test
    void aNewCategoryHasVersionZeroTheTimeOfTheClockAnEventAndAnAuditEntry() {
        CategoryView apparel = products.createCategory(manager, new CreateCategoryCommand("  Apparel  ", null));
        clock.advance(Duration.ofMinutes(1));
        CategoryView jackets = products.createCategory(manager, new CreateCategoryCommand("Jackets", apparel.id()));

        assertThat(apparel.name()).as("trimmed").isEqualTo("Apparel");
        assertThat(apparel.parent()).isNull();
        assertThat(apparel.version()).isZero();
        assertThat(apparel.createdAt()).isEqualTo(START);
        assertThat(apparel.updatedAt()).isEqualTo(START);
        assertThat(jackets.parent()).isEqualTo(apparel.id());
        assertThat(jackets.createdAt()).isEqualTo(START.plusSeconds(60));
        assertThat(products.categories(SYSTEM)).containsExactly(apparel, jackets);
        assertThat(publisher.events()).containsExactly(
                new CategoryChanged(apparel.id(), "created", START),
                new CategoryChanged(jackets.id(), "created", START.plusSeconds(60)));
        assertThat(publisher.insideTransaction()).as("published after commit").containsOnly(false);
        assertThat(auditOf("category", apparel.id().value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("category.create");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.actorType()).isEqualTo(ActorType.STAFF);
            assertThat(e.actorRef()).isEqualTo(manager.reference());
            assertThat(e.at()).isEqualTo(START);
        });
    }

    @Test
    void namesAreUniqueAmongSiblingsIgnoringCaseAndAccentsButReusableUnderAnotherParent() {
        CategoryView apparel = category("Apparel", null);
        CategoryView shoes = category("Shoes", null);
        CategoryView rainApparel = category("Rain", apparel);
        CategoryView rainShoes = category("rain", shoes);
        CategoryView topRain = category("Rain", null);

        assertThat(List.of(rainApparel, rainShoes, topRain)).extracting(CategoryView::parent)
                .containsExactly(apparel.id(), shoes.id(), null);
        ConflictException sibling = (ConflictException) catchThrowable(() -> products.createCategory(manager,
                new CreateCategoryCommand(" RÁIN ", apparel.id())));
        assertThat(sibling.code()).isEqualTo("duplicate");
        assertThat(sibling.field()).isEqualTo("name");
        assertThat(products.categories(manager)).hasSize(5);
    }

    @Test
    void renamingBumpsTheVersionPublishesAndAuditsAndTheSameNameChangesNothing() {
        CategoryView shoes = category("Shoes", null);
        clock.advance(Duration.ofMinutes(5));
        publisher.clear();

        CategoryView renamed = products.renameCategory(manager, new RenameCategoryCommand(shoes.id(), " Footwear ",
                0L));
        assertThat(renamed.name()).isEqualTo("Footwear");
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(renamed.createdAt()).isEqualTo(shoes.createdAt());
        assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
        assertThat(publisher.events()).containsExactly(new CategoryChanged(shoes.id(), "renamed", clock.instant()));

        CategoryView recased = products.renameCategory(manager, new RenameCategoryCommand(shoes.id(), "FOOTWEAR",
                1L));
        assertThat(recased.name()).as("its own name in another case is no conflict").isEqualTo("FOOTWEAR");
        assertThat(recased.version()).isEqualTo(2);

        publisher.clear();
        long audited = auditCount();
        CategoryView same = products.renameCategory(manager, new RenameCategoryCommand(shoes.id(), " FOOTWEAR ",
                2L));
        assertThat(same.version()).as("nothing changed").isEqualTo(2);
        assertThat(publisher.events()).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(auditOf("category", shoes.id().value())).extracting(AuditEntry::action)
                .containsExactly("category.create", "category.rename", "category.rename");
    }

    @Test
    void movingACategoryTakesItsSubtreeAlongAndACycleIsRefused() {
        CategoryView apparel = category("Apparel", null);
        CategoryView jackets = category("Jackets", apparel);
        CategoryView rain = category("Rain", jackets);
        ProductView coat = product("COAT-1", "Rain coat", rain, "99.00");

        for (CategoryId underneath : List.of(apparel.id(), jackets.id(), rain.id())) {
            BusinessRuleViolationException cycle = (BusinessRuleViolationException) catchThrowable(() -> products
                    .moveCategory(manager, new MoveCategoryCommand(apparel.id(), underneath, null)));
            assertThat(cycle.code()).as("under %s", underneath).isEqualTo("category_cycle");
        }

        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
        CategoryView moved = products.moveCategory(manager, new MoveCategoryCommand(jackets.id(), null, 0L));
        assertThat(moved.parent()).isNull();
        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.updatedAt()).isEqualTo(clock.instant());
        assertThat(publisher.events()).containsExactly(new CategoryChanged(jackets.id(), "moved", clock.instant()));
        assertThat(products.categories(manager)).extracting(CategoryView::name)
                .containsExactly("Apparel", "Jackets", "Rain");
        assertThat(names(new ProductSearchQuery(null, apparel.id(), null, PageRequest.first(10))))
                .as("the coat left Apparel with its category's parent").isEmpty();
        assertThat(names(new ProductSearchQuery(null, jackets.id(), null, PageRequest.first(10))))
                .containsExactly(coat.name());

        CategoryView apparelUnderRain = products.moveCategory(manager, new MoveCategoryCommand(apparel.id(),
                rain.id(), 0L));
        assertThat(apparelUnderRain.parent()).as("no longer a cycle: Rain left Apparel").isEqualTo(rain.id());
        assertThat(products.categories(manager)).extracting(CategoryView::name)
                .containsExactly("Jackets", "Rain", "Apparel");
        assertThat(auditOf("category", jackets.id().value())).extracting(AuditEntry::action)
                .containsExactly("category.create", "category.move");

        long audited = auditCount();
        publisher.clear();
        assertThat(products.moveCategory(manager, new MoveCategoryCommand(jackets.id(), null, 1L)).version())
                .as("moving to where it is changes nothing").isEqualTo(1);
        assertThat(publisher.events()).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
    }

    // ---- products ------------------------------------------------------------------------------------------------

    @Test
    void aProductIsCreatedWithItsSkuTrimmedAndUpperCasedAndIsFoundByIdAndSkuInAnyCase() {
        CategoryView shoes = category("Shoes", null);
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
        ProductView runner = products.create(manager, new CreateProductCommand("  ab-12/x.y_z ", "  Trail Runner ",
                "  Light.\n\tFast.  ", shoes.id(), new BigDecimal("129.9"), "EUR"));

        assertThat(runner.sku()).isEqualTo("AB-12/X.Y_Z");
        assertThat(runner.name()).isEqualTo("Trail Runner");
        assertThat(runner.description()).isEqualTo("Light.\n\tFast.");
        assertThat(runner.category()).isEqualTo(shoes.id());
        assertThat(runner.listPrice()).isEqualTo(new Money(new BigDecimal("129.90"), EUR));
        assertThat(runner.listPrice().amount()).isEqualByComparingTo("129.9").hasScaleOf(2);
        assertThat(runner.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(runner.version()).isZero();
        assertThat(runner.createdAt()).isEqualTo(clock.instant());
        assertThat(runner.updatedAt()).isEqualTo(clock.instant());

        assertThat(products.findById(manager, runner.id())).contains(runner);
        assertThat(products.findBySku(manager, " ab-12/x.y_z")).contains(runner);
        assertThat(products.findBySku(manager, "AB-12/X.Y_Z")).contains(runner);
        assertThat(products.findBySku(manager, "AB-12")).isEmpty();
        assertThat(products.findBySkus(manager, List.of(" ab-12/x.y_z", "AB-12/X.Y_Z", "AB-12")))
                .as("each SKU as asked, the unknown left out")
                .isEqualTo(java.util.Map.of(" ab-12/x.y_z", runner, "AB-12/X.Y_Z", runner));
        assertThat(products.findById(manager, ProductId.next(clock))).as("unknown id: empty, no error").isEmpty();
        assertThat(publisher.events()).containsExactly(new ProductChanged(runner.id(), "created", clock.instant()));
        assertThat(auditOf("product", runner.id().value())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("product.create");
            assertThat(e.actorRef()).isEqualTo(manager.reference());
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
    }

    @Test
    void aProductNeedsNeitherCategoryNorDescriptionAndABlankDescriptionIsNone() {
        ProductView gift = products.create(manager, new CreateProductCommand("GIFT-CARD", "Gift card", "   ", null,
                BigDecimal.ZERO, "chf"));
        assertThat(gift.category()).isNull();
        assertThat(gift.description()).isNull();
        assertThat(gift.listPrice()).as("a lower-case currency code is accepted").isEqualTo(
                new Money(new BigDecimal("0.00"), CHF));
        ProductView fine = products.create(manager, new CreateProductCommand("GRAM-1", "Saffron per gram", null, null,
                new BigDecimal("12.3456"), "EUR"));
        assertThat(fine.listPrice().amount()).as("four decimal places kept").isEqualByComparingTo("12.3456")
                .hasScaleOf(4);
    }

    @Test
    void updateMoveRepriceAndRetireEachNeedTheVersionReadAndPublishAndAuditTheirChange() {
        CategoryView shoes = category("Shoes", null);
        CategoryView sale = category("Sale", null);
        ProductView runner = product("RUN-1", "Runner", shoes, "100.00");
        List<Instant> at = new ArrayList<>();
        publisher.clear();

        at.add(clock.advance(Duration.ofMinutes(1)));
        ProductView updated = products.update(manager, new UpdateProductCommand(runner.id(), " Trail Runner ",
                " Grippy. ", 0L));
        assertThat(updated.name()).isEqualTo("Trail Runner");
        assertThat(updated.description()).isEqualTo("Grippy.");
        assertThat(updated.version()).isEqualTo(1);

        at.add(clock.advance(Duration.ofMinutes(1)));
        ProductView moved = products.moveToCategory(manager, new MoveProductCommand(runner.id(), sale.id(), 1L));
        assertThat(moved.category()).isEqualTo(sale.id());
        assertThat(moved.version()).isEqualTo(2);

        at.add(clock.advance(Duration.ofMinutes(1)));
        ProductView repriced = products.reprice(manager, new RepriceProductCommand(runner.id(),
                new BigDecimal("79.5"), "chf", 2L));
        assertThat(repriced.listPrice()).isEqualTo(new Money(new BigDecimal("79.50"), CHF));
        assertThat(repriced.version()).isEqualTo(3);

        at.add(clock.advance(Duration.ofMinutes(1)));
        ProductView uncategorized = products.moveToCategory(manager, new MoveProductCommand(runner.id(), null, 3L));
        assertThat(uncategorized.category()).isNull();

        at.add(clock.advance(Duration.ofMinutes(1)));
        ProductView retired = products.retire(manager, new RetireProductCommand(runner.id(), 4L));
        assertThat(retired.status()).isEqualTo(ProductStatus.RETIRED);
        assertThat(retired.version()).isEqualTo(5);
        assertThat(retired.createdAt()).isEqualTo(runner.createdAt());
        assertThat(retired.updatedAt()).isEqualTo(at.get(4));
        assertThat(retired.sku()).isEqualTo("RUN-1");
        assertThat(retired.name()).isEqualTo("Trail Runner");
        assertThat(retired.listPrice()).isEqualTo(repriced.listPrice());
        assertThat(products.findById(manager, runner.id())).contains(retired);

        assertThat(publisher.events()).containsExactly(
                new ProductChanged(runner.id(), "updated", at.get(0)),
                new ProductChanged(runner.id(), "moved", at.get(1)),
                new ProductChanged(runner.id(), "repriced", at.get(2)),
                new ProductChanged(runner.id(), "moved", at.get(3)),
                new ProductChanged(runner.id(), "retired", at.get(4)));
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(auditOf("product", runner.id().value()))
                .extracting(AuditEntry::action, AuditEntry::at, AuditEntry::outcome, AuditEntry::actorRef)
                .containsExactly(
                        tuple("product.create", runner.createdAt(), AuditOutcome.SUCCESS, manager.reference()),
                        tuple("product.update", at.get(0), AuditOutcome.SUCCESS, manager.reference()),
                        tuple("product.move", at.get(1), AuditOutcome.SUCCESS, manager.reference()),
                        tuple("product.reprice", at.get(2), AuditOutcome.SUCCESS, manager.reference()),
                        tuple("product.move", at.get(3), AuditOutcome.SUCCESS, manager.reference()),
                        tuple("product.retire", at.get(4), AuditOutcome.SUCCESS, manager.reference()));
    }

    @Test
    void changesWithoutExpectedVersionApplyToTheCurrentOneAndAStaleOneIsAConflict() {
        ProductView runner = product("RUN-1", "Runner", null, "100.00");
        Actor colleague = TestStaff.enrol(crm, StaffId.next(clock), Role.PRODUCT_MANAGER);
        products.reprice(colleague, new RepriceProductCommand(runner.id(), new BigDecimal("90"), "EUR", null));

        ConflictException stale = (ConflictException) catchThrowable(() -> products.update(manager,
                new UpdateProductCommand(runner.id(), "Runner II", null, runner.version())));
        assertThat(stale.code()).isEqualTo("stale_version");
        assertThat(stale.field()).isEqualTo("version");
        ProductView current = products.findById(manager, runner.id()).orElseThrow();
        assertThat(current.name()).isEqualTo("Runner");
        assertThat(products.update(manager, new UpdateProductCommand(runner.id(), "Runner II", null,
                current.version())).version()).isEqualTo(2);
        assertThat(products.update(manager, new UpdateProductCommand(runner.id(), "Runner III", null, null))
                .version()).isEqualTo(3);
    }

    @Test
    void aChangeThatChangesNothingKeepsTheVersionAndWritesNothing() {
        CategoryView shoes = category("Shoes", null);
        ProductView runner = products.create(manager, new CreateProductCommand("RUN-1", "Runner", "Fast", shoes.id(),
                new BigDecimal("10"), "EUR"));
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
        long audited = auditCount();

        assertThat(products.update(manager, new UpdateProductCommand(runner.id(), " Runner ", "Fast ", 0L)))
                .isEqualTo(runner);
        assertThat(products.moveToCategory(manager, new MoveProductCommand(runner.id(), shoes.id(), 0L)))
                .isEqualTo(runner);
        assertThat(products.reprice(manager, new RepriceProductCommand(runner.id(), new BigDecimal("10.0000"), "eur",
                0L))).as("10.0000 EUR is 10.00 EUR").isEqualTo(runner);
        assertThat(publisher.events()).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(products.findById(manager, runner.id())).contains(runner);
    }

    @Test
    void aRetiredProductStaysReadableButRefusesEveryChange() {
        CategoryView shoes = category("Shoes", null);
        ProductView old = product("OLD-1", "Old boot", shoes, "50.00");
        ProductView retired = products.retire(manager, new RetireProductCommand(old.id(), null));
        publisher.clear();
        long audited = auditCount();

        List<ThrowingCallable> changes = List.of(
                () -> products.update(manager, new UpdateProductCommand(old.id(), "Old boot", null, null)),
                () -> products.update(manager, new UpdateProductCommand(old.id(), "Vintage boot", null, 1L)),
                () -> products.moveToCategory(manager, new MoveProductCommand(old.id(), null, null)),
                () -> products.reprice(manager, new RepriceProductCommand(old.id(), new BigDecimal("1"), "EUR", null)),
                () -> products.retire(manager, new RetireProductCommand(old.id(), null)));
        for (ThrowingCallable change : changes) {
            assertThat(catchThrowable(change)).isInstanceOfSatisfying(BusinessRuleViolationException.class,
                    e -> assertThat(e.code()).isEqualTo("product_retired"));
        }
        assertThat(products.findById(manager, old.id())).contains(retired);
        assertThat(products.findBySku(manager, "old-1")).contains(retired);
        assertThat(publisher.events()).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
    }

    // ---- search --------------------------------------------------------------------------------------------------

    @Test
    void textMatchesANamePrefixIgnoringCaseAndAccentsOrASkuPrefix() {
        product("PAS-1", "Éclair Deluxe", null, "3.50");
        product("LMP-7", "eclairage lamp", null, "40.00");
        product("ECL-9", "Croissant", null, "2.00");
        product("PAS-2", "Deluxe Croissant", null, "4.00");
        product("BRD-1", "Baguette", null, "1.50");

        assertThat(names(text("ÉCL"))).as("names by folded prefix, and the SKU prefix ECL")
                .containsExactly("Croissant", "Éclair Deluxe", "eclairage lamp");
        assertThat(names(text("eclair "))).as("surrounding spaces are ignored")
                .containsExactly("Éclair Deluxe", "eclairage lamp");
        assertThat(names(text("deluxe"))).as("a prefix of the name, not of any word")
                .containsExactly("Deluxe Croissant");
        assertThat(names(text("pas-"))).as("SKU prefix in any case").containsExactly("Deluxe Croissant",
                "Éclair Deluxe");
        assertThat(names(text("AS-"))).as("not a SKU infix").isEmpty();
        assertThat(names(text("   "))).as("blank text filters nothing").containsExactly("Baguette", "Croissant",
                "Deluxe Croissant", "Éclair Deluxe", "eclairage lamp");
    }

    @Test
    void aCategoryFilterTakesInItsDescendantsAndLeavesOutUncategorizedProducts() {
        CategoryView apparel = category("Apparel", null);
        CategoryView jackets = category("Jackets", apparel);
        CategoryView rain = category("Rain", jackets);
        CategoryView shoes = category("Shoes", null);
        product("SHIRT-1", "Shirt", apparel, "20.00");
        product("JKT-1", "Jacket", jackets, "120.00");
        product("RAIN-1", "Rain coat", rain, "90.00");
        product("BOOT-1", "Boot", shoes, "80.00");
        product("GIFT-1", "Gift card", null, "25.00");

        assertThat(names(inCategory(apparel.id()))).containsExactly("Jacket", "Rain coat", "Shirt");
        assertThat(names(inCategory(jackets.id()))).containsExactly("Jacket", "Rain coat");
        assertThat(names(inCategory(rain.id()))).containsExactly("Rain coat");
        assertThat(names(inCategory(shoes.id()))).containsExactly("Boot");
        assertThat(names(inCategory(CategoryId.next(clock)))).as("an unknown category holds nothing").isEmpty();
        assertThat(names(ProductSearchQuery.all(50))).containsExactly("Boot", "Gift card", "Jacket", "Rain coat",
                "Shirt");
    }

    @Test
    void theStatusFilterAndTheOtherFiltersCombine() {
        CategoryView shoes = category("Shoes", null);
        product("BOOT-1", "Boot", shoes, "80.00");
        ProductView oldBoot = product("BOOT-0", "Boot classic", shoes, "60.00");
        product("BAG-1", "Bag", null, "30.00");
        products.retire(manager, new RetireProductCommand(oldBoot.id(), null));

        assertThat(names(new ProductSearchQuery(null, null, ProductStatus.ACTIVE, PageRequest.first(10))))
                .containsExactly("Bag", "Boot");
        assertThat(names(new ProductSearchQuery(null, null, ProductStatus.RETIRED, PageRequest.first(10))))
                .containsExactly("Boot classic");
        assertThat(names(new ProductSearchQuery("b", shoes.id(), ProductStatus.ACTIVE, PageRequest.first(10))))
                .containsExactly("Boot");
        assertThat(names(new ProductSearchQuery("boot-0", shoes.id(), null, PageRequest.first(10))))
                .containsExactly("Boot classic");
        assertThat(names(new ProductSearchQuery("boot-0", shoes.id(), ProductStatus.ACTIVE, PageRequest.first(10))))
                .isEmpty();
    }

    @Test
    void keysetPagingReturnsEveryProductOnceByNameThenIdWhileOthersAreCreatedBetweenPages() {
        List<ProductView> made = new ArrayList<>();
        for (String name : List.of("Delta", "alpha", "Charlie", "Widget", "bravo", "Widget", "Echo")) {
            made.add(product("P-" + made.size(), name, null, "1.00"));
        }
        ProductSearchQuery query = ProductSearchQuery.all(2);
        Page<ProductView> page = products.search(manager, query);
        List<ProductView> seen = new ArrayList<>(page.items());
        assertThat(page.items()).extracting(ProductView::name).containsExactly("alpha", "bravo");
        product("Z-LATE", "Zulu", null, "1.00");
        product("A-LATE", "Aardvark", null, "1.00");
        int pages = 1;
        while (page.hasNext()) {
            query = query.next(page);
            page = products.search(manager, query);
            seen.addAll(page.items());
            pages++;
            assertThat(page.items()).hasSizeBetween(1, 2);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).extracting(ProductView::name).containsExactly("alpha", "bravo", "Charlie", "Delta", "Echo",
                "Widget", "Widget", "Zulu");
        List<ProductView> widgets = seen.stream().filter(p -> p.name().equals("Widget")).toList();
        assertThat(widgets).extracting(ProductView::id).as("a tie is broken by id: the older first")
                .containsExactly(made.get(3).id(), made.get(5).id());
        assertThat(new HashSet<>(seen)).containsAll(made);
    }

    @Test
    void aCursorStaysValidForTheSameFiltersWithAnotherPageSize() {
        for (int i = 0; i < 5; i++) {
            product("S-" + i, "Sock " + i, null, "5.00");
        }
        ProductSearchQuery byTwo = new ProductSearchQuery("sock", null, ProductStatus.ACTIVE, PageRequest.first(2));
        Page<ProductView> first = products.search(manager, byTwo);
        String cursor = first.nextCursor().orElseThrow();
        ProductSearchQuery byTen = new ProductSearchQuery(" SOCK ", null, ProductStatus.ACTIVE,
                new PageRequest(10, cursor));
        assertThat(names(byTen)).as("the same filters, folded").containsExactly("Sock 2", "Sock 3", "Sock 4");
    }

    /**
     * A host runs several nodes, and restarts: a cursor one JVM issued must page on in another. This once failed for a
     * status filter: the cursor's scope is {@code Objects.hash(text, categoryId, status)}, and an enum's hash code
     * is its identity hash, which differs from JVM to JVM, so the other JVM refuses the cursor as belonging to
     * "another query". (The customer and staff searches fingerprint their enum filters the same way.)
     */
    @Test
    void aCursorIssuedByOneJvmPagesOnInAnother() throws Exception {
        for (int i = 0; i < 3; i++) {
            product("S-" + i, "Sock " + i, null, "5.00");
        }
        String unfiltered = products.search(manager, ProductSearchQuery.all(1)).nextCursor().orElseThrow();
        String byStatus = products.search(manager, new ProductSearchQuery(null, null, ProductStatus.ACTIVE,
                PageRequest.first(1))).nextCursor().orElseThrow();
        assertThat(inAnotherJvm(unfiltered, "-")).as("the control: a cursor without enum filter").isEqualTo("accepted");
        assertThat(inAnotherJvm(byStatus, "ACTIVE")).as("a cursor of a status filter").isEqualTo("accepted");
    }

    /** Runs {@link OtherJvm} in a fresh JVM on this test's class path and returns what it printed. */
    private static String inAnotherJvm(String cursor, String status) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the tests run on the module path (crm-core is a module), so the other JVM takes both paths as its class path
        String classPath = String.join(File.pathSeparator, System.getProperty("java.class.path"),
                System.getProperty("jdk.module.path", ""));
        Process process = new ProcessBuilder(java.toString(), "-cp", classPath, OtherJvm.class.getName(), cursor, status)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the other JVM finished").isTrue();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    /** The other JVM: an empty catalog, asked for the page after the cursor (the position need not exist). */
    public static final class OtherJvm {
        private OtherJvm() {
        }

        public static void main(String[] args) {
            for (int i = 0; i < 97; i++) {
                new Object().hashCode(); // whatever ran before: a host does other work than this test did
            }
            Crm other = Crm.builder().build();
            ProductStatus status = "-".equals(args[1]) ? null : ProductStatus.valueOf(args[1]);
            try {
                other.products().search(Actor.system("other-jvm"), new ProductSearchQuery(null, null, status,
                        new PageRequest(1, args[0])));
                System.out.println("accepted");
            } catch (RuntimeException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    // ---- who may read and who may change ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void everyStaffRoleReadsTheCatalog(Role role) {
        Fixture f = fixture();
        Actor reader = TestStaff.enrol(crm, StaffId.next(clock), role);
        assertReads(reader, f);
    }

    @Test
    void aStaffUserWithoutAnyRoleAndTheSystemReadTheCatalog() {
        Fixture f = fixture();
        assertReads(TestStaff.enrol(crm, StaffId.next(clock)), f);
        assertReads(SYSTEM, f);
    }

    @Test
    void anActiveCustomerReadsTheWholeCatalogButAnInactiveOneDoesNot() {
        Fixture f = fixture();
        CustomerId cora = crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Cora", "Customer",
                "cora@example.org", null, false)).id();
        assertReads(Actor.customer(cora), f);

        crm.customers().deactivate(SYSTEM, new CustomerStatusCommand(cora, null));
        long denied = auditCount(AuditOutcome.DENIED);
        AccessDeniedException e = (AccessDeniedException) catchThrowable(
                () -> products.search(Actor.customer(cora), ProductSearchQuery.all(10)));
        assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_VIEW);
        assertThat(auditCount(AuditOutcome.DENIED)).isEqualTo(denied + 1);
    }

    @Test
    void anAnonymousVisitorReadsNothingAndEachRefusalIsAudited() {
        Fixture f = fixture();
        Actor anonymous = Actor.anonymous();
        long denied = auditCount(AuditOutcome.DENIED);
        List<ThrowingCallable> reads = List.of(
                () -> products.categories(anonymous),
                () -> products.findById(anonymous, f.product.id()),
                () -> products.findBySku(anonymous, f.product.sku()),
                () -> products.search(anonymous, ProductSearchQuery.all(10)));
        for (ThrowingCallable read : reads) {
            assertThat(catchThrowable(read)).isInstanceOfSatisfying(AccessDeniedException.class,
                    e -> assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_VIEW));
        }
        assertThat(auditCount(AuditOutcome.DENIED)).isEqualTo(denied + 4);
        assertThat(deniedActions()).contains("category.list", "product.view", "product.search");
    }

    @Test
    void readingTheCatalogWritesNothing() {
        Fixture f = fixture();
        publisher.clear();
        long audited = auditCount();
        assertReads(manager, f);
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void anAdministratorAndTheSystemChangeTheCatalogLikeAProductManager() {
        Actor admin = TestStaff.enrol(crm, StaffId.next(clock), Role.ADMIN);
        CategoryView byAdmin = products.createCategory(admin, new CreateCategoryCommand("Admin's", null));
        ProductView bySystem = products.create(SYSTEM, new CreateProductCommand("SYS-1", "Imported", null,
                byAdmin.id(), BigDecimal.ONE, "EUR"));
        products.retire(admin, new RetireProductCommand(bySystem.id(), null));
        assertThat(auditOf("product", bySystem.id().value())).extracting(AuditEntry::actorType, AuditEntry::action)
                .containsExactly(tuple(ActorType.SYSTEM, "product.create"), tuple(ActorType.STAFF, "product.retire"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Role.class, mode = EnumSource.Mode.EXCLUDE, names = {"ADMIN", "PRODUCT_MANAGER"})
    void everyOtherRoleIsRefusedEveryChangeAndOnlyTheRefusalsAreAudited(Role role) {
        Fixture f = fixture();
        Actor other = TestStaff.enrol(crm, StaffId.next(clock), role);
        assertRefusedEveryChange(other, f);
    }

    @Test
    void aCustomerIsRefusedEveryChange() {
        Fixture f = fixture();
        CustomerId cora = crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Cora", "Customer",
                "cora@example.org", null, false)).id();
        assertRefusedEveryChange(Actor.customer(cora), f);
    }

    @Test
    void aStaffUserCrmkitDoesNotKnowIsRefusedWhateverRolesTheHostClaims() {
        Fixture f = fixture();
        Actor stranger = Actor.staff(StaffId.next(clock), Set.of(Role.PRODUCT_MANAGER, Role.ADMIN));
        assertRefusedEveryChange(stranger, f);
        assertThat(catchThrowable(() -> products.categories(stranger))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRevokedRoleTakesEffectOnTheNextCall() {
        StaffId id = StaffId.next(clock);
        Actor claimed = TestStaff.enrol(crm, id, Role.PRODUCT_MANAGER);
        products.createCategory(claimed, new CreateCategoryCommand("Before", null));
        store.unitOfWork().inTransaction(() -> {
            StaffUser user = new StaffStore(store.staff()).findById(id).orElseThrow();
            user.revoke(Role.PRODUCT_MANAGER, clock.instant());
            new StaffStore(store.staff()).update(user);
        });
        assertThat(catchThrowable(() -> products.createCategory(claimed, new CreateCategoryCommand("After", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(products.categories(claimed)).as("still a staff user: may read").extracting(CategoryView::name)
                .containsExactly("Before");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A small catalog: a category and a product in it. */
    private record Fixture(CategoryView category, ProductView product) {
    }

    private Fixture fixture() {
        CategoryView shoes = category("Shoes", null);
        return new Fixture(shoes, product("BOOT-1", "Boot", shoes, "80.00"));
    }

    /** Every read of the catalog, as the actor: each gives the fixture. */
    private void assertReads(Actor reader, Fixture f) {
        assertThat(products.categories(reader)).extracting(CategoryView::id).contains(f.category.id());
        assertThat(products.findById(reader, f.product.id())).isPresent();
        assertThat(products.findBySku(reader, f.product.sku().toLowerCase(Locale.ROOT))).isPresent();
        assertThat(products.search(reader, ProductSearchQuery.all(10)).items()).extracting(ProductView::id)
                .contains(f.product.id());
        assertThat(products.search(reader, new ProductSearchQuery(null, f.category.id(), null,
                PageRequest.first(10))).items()).extracting(ProductView::id).containsExactly(f.product.id());
    }

    /** Every change of the catalog as the actor: each refused, audited as DENIED, and nothing else happens. */
    private void assertRefusedEveryChange(Actor actor, Fixture f) {
        CategoryId c = f.category.id();
        ProductId p = f.product.id();
        List<ThrowingCallable> changes = List.of(
                () -> products.createCategory(actor, new CreateCategoryCommand("New", null)),
                () -> products.renameCategory(actor, new RenameCategoryCommand(c, "Renamed", null)),
                () -> products.moveCategory(actor, new MoveCategoryCommand(c, null, null)),
                () -> products.create(actor, new CreateProductCommand("NEW-1", "New", null, null, BigDecimal.ONE,
                        "EUR")),
                () -> products.update(actor, new UpdateProductCommand(p, "Renamed", null, null)),
                () -> products.moveToCategory(actor, new MoveProductCommand(p, null, null)),
                () -> products.reprice(actor, new RepriceProductCommand(p, BigDecimal.TEN, "EUR", null)),
                () -> products.retire(actor, new RetireProductCommand(p, null)));
        List<CategoryView> categoriesBefore = products.categories(SYSTEM);
        List<ProductView> productsBefore = products.search(SYSTEM, ProductSearchQuery.all(200)).items();
        long successes = auditCount(AuditOutcome.SUCCESS);
        long denied = auditCount(AuditOutcome.DENIED);
        publisher.clear();
        for (ThrowingCallable change : changes) {
            assertThat(catchThrowable(change)).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE);
                assertThat(e.code()).isEqualTo("access_denied");
            });
        }
        assertThat(products.categories(SYSTEM)).isEqualTo(categoriesBefore);
        assertThat(products.search(SYSTEM, ProductSearchQuery.all(200)).items()).isEqualTo(productsBefore);
        assertThat(auditCount(AuditOutcome.SUCCESS)).isEqualTo(successes);
        assertThat(auditCount(AuditOutcome.DENIED)).isEqualTo(denied + changes.size());
        assertThat(publisher.events()).isEmpty();
        List<AuditEntry> refusals = store.auditLog().search(new AuditCriteria(null, null, null, null,
                null, null, null, null, AuditOutcome.DENIED), changes.size());
        assertThat(refusals).extracting(AuditEntry::actorType).containsOnly(actor.type());
        assertThat(refusals).extracting(AuditEntry::action).containsExactlyInAnyOrder("category.create",
                "category.rename", "category.move", "product.create", "product.update", "product.move",
                "product.reprice", "product.retire");
        assertThat(refusals).filteredOn(e -> e.action().startsWith("product.") && !e.action().endsWith("create"))
                .extracting(AuditEntry::targetId).containsOnly(p.value());
    }

    private CategoryView category(String name, CategoryView parent) {
        clock.advance(Duration.ofSeconds(1));
        return products.createCategory(manager, new CreateCategoryCommand(name, parent == null ? null : parent.id()));
    }

    private ProductView product(String sku, String name, CategoryView category, String price) {
        clock.advance(Duration.ofSeconds(1));
        return products.create(manager, new CreateProductCommand(sku, name, null,
                category == null ? null : category.id(), new BigDecimal(price), "EUR"));
    }

    private List<String> names(ProductSearchQuery query) {
        return products.search(manager, query).items().stream().map(ProductView::name).toList();
    }

    private static ProductSearchQuery text(String text) {
        return new ProductSearchQuery(text, null, null, PageRequest.first(50));
    }

    private static ProductSearchQuery inCategory(CategoryId category) {
        return new ProductSearchQuery(null, category, null, PageRequest.first(50));
    }

    private List<AuditEntry> auditOf(String type, UUID id) {
        return store.unitOfWork()
                .inTransaction(() -> store.auditLog().findByTarget(type, id));
    }

    private long auditCount() {
        return store.auditLog().count();
    }

    private long auditCount(AuditOutcome outcome) {
        return store.auditLog().search(new AuditCriteria(null, null, null, null, null, null, null, null,
                outcome), Integer.MAX_VALUE).size();
    }

    private Set<String> deniedActions() {
        Set<String> actions = new HashSet<>();
        store.auditLog().search(new AuditCriteria(null, null, null, null, null, null, null, null,
                AuditOutcome.DENIED), Integer.MAX_VALUE).forEach(e -> actions.add(e.action()));
        return actions;
    }
}
