package org.crmkit.core.product;

import org.crmkit.core.product.internal.store.ProductStore;
import org.crmkit.core.product.internal.store.CategoryStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.ProductSnapshot;
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
import org.crmkit.core.product.port.out.ProductSearchCriteria;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the catalog use cases: each call is refused with the documented exception naming the field or the
 * rule, and leaves the catalog (every category and product as stored), the audit trail and the event stream exactly
 * as they were. A refusal by the access policy writes one {@link AuditOutcome#DENIED} entry by design, and nothing
 * else.
 */
class ProductBadInputTest {
    private static final Actor SYSTEM = Actor.system("product-bad-input-test");
    private static final String SKU_64 = "A" + "B".repeat(63);

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Products products;
    private Actor manager;
    private CategoryView apparel;
    private CategoryView jackets;
    private CategoryView rain;
    private CategoryView shoes;
    private ProductView jacket;
    private ProductView boot;
    private ProductView retired;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.PRODUCT_MANAGER);
        products = crm.products();
        apparel = products.createCategory(manager, new CreateCategoryCommand("Apparel", null));
        jackets = products.createCategory(manager, new CreateCategoryCommand("Jackets", apparel.id()));
        rain = products.createCategory(manager, new CreateCategoryCommand("Rain", jackets.id()));
        shoes = products.createCategory(manager, new CreateCategoryCommand("Shoes", null));
        jacket = products.create(manager, new CreateProductCommand("JKT-1", "Jacket", "Warm", jackets.id(),
                new BigDecimal("120.00"), "EUR"));
        boot = products.create(manager, new CreateProductCommand("BOOT-1", "Boot", null, shoes.id(),
                new BigDecimal("80.00"), "EUR"));
        ProductView old = products.create(manager, new CreateProductCommand("OLD-1", "Old boot", null, shoes.id(),
                new BigDecimal("50.00"), "EUR"));
        retired = products.retire(manager, new RetireProductCommand(old.id(), null));
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
    }

    // ---- category names ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "   \t "})
    void aBlankCategoryNameIsRefusedNamingName(String name) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.createCategory(manager, new CreateCategoryCommand(name, null)));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly("name");
        assertThat(e.errors()).hasSize(1);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(shoes.id(), name, null))).fields()).containsExactly("name");
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @ValueSource(ints = {101, 201, 5000})
    void aCategoryNameOverAHundredCharactersIsRefusedNamingName(int length) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.createCategory(manager, new CreateCategoryCommand("c".repeat(length), null)));
        assertThat(e.fields()).containsExactly("name");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(shoes.id(), "c".repeat(length), null))).fields()).containsExactly("name");
    }

    @Test
    void aCategoryNameOfAHundredCharactersSurroundedBySpacesIsAccepted() {
        String name = "é".repeat(100);
        assertThat(products.createCategory(manager, new CreateCategoryCommand("  " + name + "  ", null)).name())
                .isEqualTo(name);
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9F})
    void aControlCharacterInACategoryNameIsRefusedNamingName(int control) {
        String name = "Rain" + Character.toString(control) + "wear";
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.createCategory(manager, new CreateCategoryCommand(name, null)));
        assertThat(e.fields()).containsExactly("name");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(shoes.id(), name, null))).fields()).containsExactly("name");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Apparel", " APPAREL ", "apparel", "Appárel", "ÀPPAREL"})
    void aSiblingsNameInAnotherCaseOrWithAccentsIsAConflictNamingName(String name) {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> products.createCategory(manager, new CreateCategoryCommand(name, null)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("name");
        ConflictException renamed = refusedWithoutEffect(ConflictException.class,
                () -> products.renameCategory(manager, new RenameCategoryCommand(shoes.id(), name, null)));
        assertThat(renamed.code()).isEqualTo("duplicate");
        assertThat(renamed.field()).isEqualTo("name");
    }

    @Test
    void movingACategoryNextToASiblingOfTheSameNameIsAConflict() {
        CategoryView topRain = products.createCategory(manager, new CreateCategoryCommand("RAIN", null));
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> products.moveCategory(manager, new MoveCategoryCommand(topRain.id(), jackets.id(), null)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("name");
    }

    // ---- the tree ------------------------------------------------------------------------------------------------

    @Test
    void anUnknownParentIsNotFoundOnCreateAndMove() {
        CategoryId unknown = CategoryId.next(clock);
        NotFoundException created = refusedWithoutEffect(NotFoundException.class,
                () -> products.createCategory(manager, new CreateCategoryCommand("Hats", unknown)));
        assertThat(created.code()).isEqualTo("not_found");
        assertThat(created.type()).isEqualTo("category");
        assertThat(created.id()).isEqualTo(unknown.toString());
        NotFoundException moved = refusedWithoutEffect(NotFoundException.class,
                () -> products.moveCategory(manager, new MoveCategoryCommand(shoes.id(), unknown, null)));
        assertThat(moved.type()).isEqualTo("category");
        assertThat(moved.id()).isEqualTo(unknown.toString());
    }

    @Test
    void renamingOrMovingAnUnknownCategoryIsNotFound() {
        CategoryId unknown = CategoryId.next(clock);
        assertThat(refusedWithoutEffect(NotFoundException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(unknown, "Hats", null))).id()).isEqualTo(unknown.toString());
        assertThat(refusedWithoutEffect(NotFoundException.class, () -> products.moveCategory(manager,
                new MoveCategoryCommand(unknown, null, null))).id()).isEqualTo(unknown.toString());
    }

    @Test
    void aCategoryUnderItselfOrUnderADescendantIsACycle() {
        for (CategoryView underneath : List.of(apparel, jackets, rain)) {
            BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                    () -> products.moveCategory(manager, new MoveCategoryCommand(apparel.id(), underneath.id(),
                            null)));
            assertThat(e.code()).as("Apparel under %s", underneath.name()).isEqualTo("category_cycle");
        }
        assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, () -> products.moveCategory(manager,
                new MoveCategoryCommand(jackets.id(), rain.id(), 0L))).code()).isEqualTo("category_cycle");
    }

    @Test
    void aStaleOrNegativeExpectedVersionOfACategoryIsRefused() {
        ConflictException stale = refusedWithoutEffect(ConflictException.class,
                () -> products.renameCategory(manager, new RenameCategoryCommand(shoes.id(), "Footwear", 1L)));
        assertThat(stale.code()).isEqualTo("stale_version");
        assertThat(stale.field()).isEqualTo("version");
        assertThat(refusedWithoutEffect(ConflictException.class, () -> products.moveCategory(manager,
                new MoveCategoryCommand(shoes.id(), apparel.id(), 3L))).code()).isEqualTo("stale_version");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(shoes.id(), "Footwear", -1L))).fields()).containsExactly("expectedVersion");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.moveCategory(manager,
                new MoveCategoryCommand(shoes.id(), null, -1L))).fields()).containsExactly("expectedVersion");
    }

    @Test
    void aMissingCategoryIdIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(manager,
                new RenameCategoryCommand(null, "Footwear", null))).fields()).containsExactly("categoryId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.moveCategory(manager,
                new MoveCategoryCommand(null, shoes.id(), null))).fields()).containsExactly("categoryId");
    }

    // ---- SKUs ----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "ab c", "-lead", ".lead", "_lead", "/lead", "a+b", "a,b", "a\u0000b", "é",
            "SKU-É", "ÄB-1", "sku\u00a0x",
            "ABBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
            + "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"})
    void aMalformedSkuIsRefusedNamingSku(String sku) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.create(manager, newProduct(sku)));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly("sku");
        assertThat(e.errors()).hasSize(1);
    }

    @Test
    void aProductWithBadFieldsOfBothKindsNamesThemAllInOneRefusal() {
        // "straße" breaks a value rule, the missing price and the two-letter currency break constraints
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.create(manager, CreateProductCommand.builder().sku("straße").name("Pen")
                        .currency("EU").build()));
        assertThat(e.fields()).containsExactly("currency", "listPrice", "sku");
    }

    @Test
    void aSkuOf64CharactersIsAcceptedAndFoundInLowerCase() {
        ProductView longest = products.create(manager, newProduct(SKU_64.toLowerCase(Locale.ROOT)));
        assertThat(longest.sku()).isEqualTo(SKU_64);
        assertThat(products.findBySku(manager, SKU_64.toLowerCase(Locale.ROOT))).contains(longest);
    }

    /**
     * Guards a fixed bug, where {@code Product.normalizeSku} upper-cases before it checks, and {@code toUpperCase} turns some
     * non-ASCII letters into ASCII ones ({@code ß} into {@code SS}, the dotless {@code ı} into {@code I}, the
     * ligature {@code ﬁ} into {@code FI}). So "straße" is accepted as "STRASSE" while "é" is refused, and "ıd-1"
     * is taken as a duplicate of "ID-1" although nobody typed that SKU.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"straße", "ıd-1", "ﬁle-1"})
    void aNonAsciiLetterIsRefusedEvenWhenItsUpperCaseIsAscii(String sku) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.create(manager, newProduct(sku)));
        assertThat(e.fields()).containsExactly("sku");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"JKT-1", "jkt-1", "  Jkt-1 ", "\tjKt-1\n"})
    void aTakenSkuInAnyCaseIsAConflictNamingSku(String sku) {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> products.create(manager, newProduct(sku)));
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("sku");
    }

    @Test
    void theSkuOfARetiredProductStaysTaken() {
        ConflictException e = refusedWithoutEffect(ConflictException.class,
                () -> products.create(manager, newProduct("old-1")));
        assertThat(e.field()).isEqualTo("sku");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {" ", "ab c", "-lead", "é"})
    void findBySkuWithAMalformedSkuIsRefusedNamingSku(String sku) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.findBySku(manager, sku));
        assertThat(e.fields()).containsExactly("sku");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.findBySku(manager, null))
                .fields()).containsExactly("sku");
    }

    @Test
    void findBySkusNeedsOneToAThousandSkusNoneOfThemNull() {
        java.util.List<String> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i <= org.crmkit.core.product.port.in.Products.MOST_SKUS; i++) {
            tooMany.add("SKU-" + i);
        }
        java.util.List<String> withNull = new java.util.ArrayList<>(java.util.Arrays.asList("JKT-1", null));
        for (java.util.List<String> skus : java.util.Arrays.asList(null, List.<String>of(), tooMany)) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.findBySkus(manager, skus))
                    .fields()).containsExactly("skus");
        }
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.findBySkus(manager,
                withNull)).fields()).singleElement().asString().startsWith("skus");
    }

    @Test
    void findBySkusLeavesOutSkusNoProductCouldHoldInsteadOfRefusingThem() {
        assertThat(products.findBySkus(manager, List.of(" ", "ab c", "é", "jkt-1")))
                .containsOnlyKeys("jkt-1");
    }

    // ---- product names and descriptions ------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "  ", "\t\n"})
    void aBlankProductNameIsRefusedNamingName(String name) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", name, null, null, BigDecimal.ONE, "EUR"))).fields())
                .containsExactly("name");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.update(manager,
                new UpdateProductCommand(jacket.id(), name, null, null))).fields()).containsExactly("name");
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @ValueSource(ints = {201, 401, 10_000})
    void aProductNameOverTwoHundredCharactersIsRefusedNamingName(int length) {
        String name = "n".repeat(length);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", name, null, null, BigDecimal.ONE, "EUR"))).fields())
                .containsExactly("name");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.update(manager,
                new UpdateProductCommand(jacket.id(), name, null, null))).fields()).containsExactly("name");
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x1B, 0x7F})
    void aControlCharacterInAProductNameIsRefusedNamingName(int control) {
        String name = "Rain" + Character.toString(control) + "coat";
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", name, null, null, BigDecimal.ONE, "EUR"))).fields())
                .containsExactly("name");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.update(manager,
                new UpdateProductCommand(jacket.id(), name, null, null))).fields()).containsExactly("name");
    }

    @Test
    void aDescriptionOver2000CharactersOrWithControlCharactersOtherThanLineBreaksIsRefused() {
        for (String description : List.of("d".repeat(2001), "d".repeat(4001), "Warm\u0000", "Warm\u001b[31m",
                "Warm\u007f and dry")) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                    new CreateProductCommand("NEW-1", "New", description, null, BigDecimal.ONE, "EUR"))).fields())
                    .as("%.20s", description).containsExactly("description");
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.update(manager,
                    new UpdateProductCommand(jacket.id(), "Jacket", description, null))).fields())
                    .containsExactly("description");
        }
        assertThat(products.update(manager, new UpdateProductCommand(jacket.id(), "Jacket",
                "Warm,\r\n\tand dry " + "d".repeat(1984), null)).description()).hasSize(2000);
    }

    // ---- prices --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-0.01", "-1", "-120.00"})
    void aNegativePriceIsRefusedNamingListPrice(String price) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.create(manager, new CreateProductCommand("NEW-1", "New", null, null,
                        new BigDecimal(price), "EUR")));
        assertThat(e.fields()).containsExactly("listPrice");
    }

    /**
     * Guards a fixed bug, where {@code reprice} calls {@code Product.reprice} without {@code UseCaseSupport.commandField}, so
     * the domain's refusal escapes as an {@link InvalidValueException} ({@code invalid_value}) while the same
     * negative price on {@code create}, and five decimals on {@code reprice} itself, surface as an
     * {@link InvalidCommandException} ({@code invalid_command}) naming {@code listPrice}.
     */
    @Test
    void aNegativeRepriceIsRefusedLikeANegativeCreateNamingListPrice() {
        Throwable thrown = catchThrowable(() -> products.reprice(manager, new RepriceProductCommand(jacket.id(),
                new BigDecimal("-1"), "EUR", null)));
        assertThat(thrown).as("refused").isInstanceOf(CrmException.class);
        assertThat(thrown).as("the same exception and code as every other bad field of a command")
                .isInstanceOf(InvalidCommandException.class);
        assertThat(((InvalidCommandException) thrown).fields()).containsExactly("listPrice");
    }

    @Test
    void aNegativeRepriceChangesNothing() {
        CrmException e = refusedWithoutEffect(CrmException.class, () -> products.reprice(manager,
                new RepriceProductCommand(jacket.id(), new BigDecimal("-0.01"), "EUR", 0L)));
        assertThat(e.getMessage()).contains("listPrice");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.23456", "0.00001", "1234567890123456", "1E+15"})
    void aPriceWithFiveDecimalsOrSixteenIntegerDigitsIsRefusedNamingListPrice(String price) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", "New", null, null, new BigDecimal(price), "EUR"))).fields())
                .containsExactly("listPrice");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.reprice(manager,
                new RepriceProductCommand(jacket.id(), new BigDecimal(price), "EUR", null))).fields())
                .containsExactly("listPrice");
    }

    @Test
    void trailingZerosBeyondFourDecimalsAreNoFifthDecimal() {
        assertThat(products.reprice(manager, new RepriceProductCommand(jacket.id(), new BigDecimal("99.500000"),
                "EUR", null)).listPrice().amount()).isEqualByComparingTo("99.5").hasScaleOf(2);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"XYZ", "EU1", "E R", "€€€", "   "})
    void anUnknownCurrencyOfThreeCharactersIsRefusedNamingCurrency(String currency) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", "New", null, null, BigDecimal.ONE, currency))).fields())
                .containsExactly("currency");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.reprice(manager,
                new RepriceProductCommand(jacket.id(), BigDecimal.ONE, currency, null))).fields())
                .containsExactly("currency");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "EU", "EURO", " EUR "})
    void aCurrencyThatIsNotThreeCharactersIsRefusedNamingCurrency(String currency) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", "New", null, null, BigDecimal.ONE, currency))).fields())
                .containsExactly("currency");
    }

    @Test
    void aLowerCaseCurrencyIsAccepted() {
        assertThat(products.create(manager, new CreateProductCommand("NEW-1", "New", null, null, BigDecimal.ONE,
                "chf")).listPrice().currency().getCurrencyCode()).isEqualTo("CHF");
        assertThat(products.reprice(manager, new RepriceProductCommand(jacket.id(), BigDecimal.TEN, "usd", null))
                .listPrice().currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void aMissingPriceOrCurrencyIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", "New", null, null, null, null))).fields())
                .containsExactly("currency", "listPrice");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.reprice(manager,
                new RepriceProductCommand(jacket.id(), null, "EUR", null))).fields()).containsExactly("listPrice");
    }

    // ---- every bad field at once ------------------------------------------------------------------------------

    @Test
    void everyBadFieldOfACreateIsListedAtOnce() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("ab c", "Bad\u0000name", "Bad\u0000description", null,
                        new BigDecimal("1.23456"), "XYZ")));
        assertThat(e.fields()).containsExactly("currency", "description", "name", "sku");
        InvalidCommandException decimals = refusedWithoutEffect(InvalidCommandException.class,
                () -> products.create(manager, new CreateProductCommand("ab c", "Fine", null, null,
                        new BigDecimal("1.23456"), "EUR")));
        assertThat(decimals.fields()).containsExactly("listPrice", "sku");
    }

    /**
     * Guards a fixed bug, where a category's name rules were applied inside the transaction, after the constraints had
     * passed: a rename with a negative version and a bad name was refused for the version first, for the name after.
     */
    @Test
    void aBadCategoryNameIsListedWithTheOtherBadFields() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> products.renameCategory(
                manager, new RenameCategoryCommand(shoes.id(), "Rain\u0007wear", -1L)));
        assertThat(e.fields()).containsExactly("expectedVersion", "name");
    }

    /**
     * Guards a fixed bug, where {@code create} collects the SKU, name, description and price (its decimals, its currency) before
     * the transaction, but the sign of the price only in {@code Product.create}, inside it; so a negative price is
     * reported only once every other field is right (and only if the category exists).
     */
    @Test
    void aNegativePriceIsListedWithTheOtherBadFields() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager,
                new CreateProductCommand("ab c", "Fine", null, null, new BigDecimal("-5"), "EUR")));
        assertThat(e.fields()).containsExactly("listPrice", "sku");
    }

    // ---- unknown records, versions, retired products -------------------------------------------------------------

    @Test
    void anUnknownCategoryOfAProductIsNotFound() {
        CategoryId unknown = CategoryId.next(clock);
        NotFoundException created = refusedWithoutEffect(NotFoundException.class, () -> products.create(manager,
                new CreateProductCommand("NEW-1", "New", null, unknown, BigDecimal.ONE, "EUR")));
        assertThat(created.type()).isEqualTo("category");
        assertThat(created.id()).isEqualTo(unknown.toString());
        NotFoundException moved = refusedWithoutEffect(NotFoundException.class, () -> products.moveToCategory(
                manager, new MoveProductCommand(jacket.id(), unknown, null)));
        assertThat(moved.type()).isEqualTo("category");
        assertThat(moved.id()).isEqualTo(unknown.toString());
    }

    @Test
    void everyChangeOfAnUnknownProductIsNotFound() {
        ProductId unknown = ProductId.next(clock);
        List<ThrowingCallable> changes = List.of(
                () -> products.update(manager, new UpdateProductCommand(unknown, "New", null, null)),
                () -> products.moveToCategory(manager, new MoveProductCommand(unknown, shoes.id(), null)),
                () -> products.reprice(manager, new RepriceProductCommand(unknown, BigDecimal.ONE, "EUR", null)),
                () -> products.retire(manager, new RetireProductCommand(unknown, null)));
        for (ThrowingCallable change : changes) {
            NotFoundException e = refusedWithoutEffect(NotFoundException.class, change);
            assertThat(e.code()).isEqualTo("not_found");
            assertThat(e.type()).isEqualTo("product");
            assertThat(e.id()).isEqualTo(unknown.toString());
        }
    }

    @Test
    void aStaleExpectedVersionOfAProductIsAConflictOnEveryChange() {
        List<ThrowingCallable> changes = List.of(
                () -> products.update(manager, new UpdateProductCommand(jacket.id(), "New", null, 1L)),
                () -> products.moveToCategory(manager, new MoveProductCommand(jacket.id(), shoes.id(), 1L)),
                () -> products.reprice(manager, new RepriceProductCommand(jacket.id(), BigDecimal.ONE, "EUR", 7L)),
                () -> products.retire(manager, new RetireProductCommand(jacket.id(), Long.MAX_VALUE)));
        for (ThrowingCallable change : changes) {
            ConflictException e = refusedWithoutEffect(ConflictException.class, change);
            assertThat(e.code()).isEqualTo("stale_version");
            assertThat(e.field()).isEqualTo("version");
        }
    }

    @Test
    void aNegativeExpectedVersionIsRefusedNamingItOnEveryChange() {
        List<ThrowingCallable> changes = List.of(
                () -> products.update(manager, new UpdateProductCommand(jacket.id(), "New", null, -1L)),
                () -> products.moveToCategory(manager, new MoveProductCommand(jacket.id(), shoes.id(), -1L)),
                () -> products.reprice(manager, new RepriceProductCommand(jacket.id(), BigDecimal.ONE, "EUR", -1L)),
                () -> products.retire(manager, new RetireProductCommand(jacket.id(), Long.MIN_VALUE)));
        for (ThrowingCallable change : changes) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, change).fields())
                    .containsExactly("expectedVersion");
        }
    }

    @Test
    void everyChangeOfARetiredProductBreaksARuleEvenWhenItWouldChangeNothing() {
        List<ThrowingCallable> changes = List.of(
                () -> products.update(manager, new UpdateProductCommand(retired.id(), "Vintage boot", null, null)),
                () -> products.update(manager, new UpdateProductCommand(retired.id(), "Old boot", null,
                        retired.version())),
                () -> products.moveToCategory(manager, new MoveProductCommand(retired.id(), null, null)),
                () -> products.moveToCategory(manager, new MoveProductCommand(retired.id(), shoes.id(), null)),
                () -> products.reprice(manager, new RepriceProductCommand(retired.id(), BigDecimal.ONE, "EUR", null)),
                () -> products.reprice(manager, new RepriceProductCommand(retired.id(), new BigDecimal("50"), "EUR",
                        null)),
                () -> products.retire(manager, new RetireProductCommand(retired.id(), null)));
        for (ThrowingCallable change : changes) {
            BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class, change);
            assertThat(e.code()).isEqualTo("product_retired");
        }
        assertThat(retired.status()).isEqualTo(ProductStatus.RETIRED);
    }

    @Test
    void aMissingProductIdOrCommandIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.update(manager,
                new UpdateProductCommand(null, "New", null, null))).fields()).containsExactly("productId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.retire(manager,
                new RetireProductCommand(null, null))).fields()).containsExactly("productId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.findById(manager, null))
                .fields()).containsExactly("productId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.create(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.search(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.moveCategory(manager, null))
                .fields()).containsExactly("command");
    }

    // ---- the actor -----------------------------------------------------------------------------------------------

    @Test
    void aNullActorIsRefusedNamingTheActorOnEveryUseCase() {
        Map<String, ThrowingCallable> calls = Map.ofEntries(
                Map.entry("createCategory", () -> products.createCategory(null,
                        new CreateCategoryCommand("Hats", null))),
                Map.entry("renameCategory", () -> products.renameCategory(null,
                        new RenameCategoryCommand(shoes.id(), "Footwear", null))),
                Map.entry("moveCategory", () -> products.moveCategory(null,
                        new MoveCategoryCommand(shoes.id(), apparel.id(), null))),
                Map.entry("categories", () -> products.categories(null)),
                Map.entry("create", () -> products.create(null, newProduct("NEW-1"))),
                Map.entry("update", () -> products.update(null,
                        new UpdateProductCommand(jacket.id(), "New", null, null))),
                Map.entry("moveToCategory", () -> products.moveToCategory(null,
                        new MoveProductCommand(jacket.id(), null, null))),
                Map.entry("reprice", () -> products.reprice(null,
                        new RepriceProductCommand(jacket.id(), BigDecimal.ONE, "EUR", null))),
                Map.entry("retire", () -> products.retire(null, new RetireProductCommand(jacket.id(), null))),
                Map.entry("findById", () -> products.findById(null, jacket.id())),
                Map.entry("findBySku", () -> products.findBySku(null, "JKT-1")),
                Map.entry("findBySkus", () -> products.findBySkus(null, List.of("JKT-1"))),
                Map.entry("search", () -> products.search(null, ProductSearchQuery.all(10))));
        assertThat(calls).hasSize(13);
        calls.forEach((name, call) -> {
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, call);
            assertThat(e.fields()).as(name).containsExactly("actor");
        });
    }

    // ---- search --------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, PageRequest.MAX_SIZE + 1, 10_000})
    void aPageSizeOutsideOneTo200IsRefusedNamingPageSize(int size) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> products.search(manager, ProductSearchQuery.all(size))).fields()).containsExactly("page.size");
    }

    @Test
    void aSearchWithoutPageOrWithTooLongATextIsRefusedNamingThem() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.search(manager,
                new ProductSearchQuery(null, null, null, null))).fields()).containsExactly("page");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.search(manager,
                new ProductSearchQuery("t".repeat(201), null, null, PageRequest.first(10)))).fields())
                .containsExactly("text");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> products.search(manager,
                new ProductSearchQuery("t".repeat(201), null, null, PageRequest.first(0)))).fields())
                .containsExactly("page.size", "text");
    }

    @Test
    void aCursorOfAQueryWithOtherFiltersIsRefusedNamingTheCursor() {
        ProductSearchQuery everything = ProductSearchQuery.all(1);
        String cursor = firstCursor(everything);
        assertThat(products.search(manager, new ProductSearchQuery(null, null, null, new PageRequest(1, cursor)))
                .items())
                .as("the cursor works in its own query").isNotEmpty();
        List<Function<PageRequest, ProductSearchQuery>> others = List.of(
                p -> new ProductSearchQuery(null, null, ProductStatus.ACTIVE, p),
                p -> new ProductSearchQuery("b", null, null, p),
                p -> new ProductSearchQuery(null, shoes.id(), null, p));
        for (Function<PageRequest, ProductSearchQuery> other : others) {
            InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                    () -> products.search(manager, other.apply(new PageRequest(1, cursor))));
            assertThat(e.code()).isEqualTo("invalid_value");
            assertThat(e.field()).isEqualTo("page.cursor");
        }
    }

    @Test
    void aCursorOfAnotherAreasSearchIsRefused() {
        for (int i = 0; i < 2; i++) {
            crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Cora", "Customer " + i,
                    "cora" + i + "@example.org", null, false));
        }
        String customerCursor = crm.customers().search(SYSTEM, CustomerSearchQuery.all(CustomerSort.NAME_ASC, 1))
                .nextCursor().orElseThrow();
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                () -> products.search(manager, new ProductSearchQuery(null, null, null,
                        new PageRequest(1, customerCursor))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void aTamperedOrMadeUpCursorIsRefused() {
        ProductSearchQuery everything = ProductSearchQuery.all(1);
        String cursor = firstCursor(everything);
        int middle = cursor.length() / 2;
        String tampered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                + cursor.substring(middle + 1);
        for (String bad : List.of(tampered, "not a cursor!", "", cursor + "x")) {
            InvalidValueException e = refusedWithoutEffect(InvalidValueException.class,
                    () -> products.search(manager, new ProductSearchQuery(null, null, null, new PageRequest(1, bad))));
            assertThat(e.field()).as("\"%s\"", bad).isEqualTo("page.cursor");
        }
    }

    @Test
    void anUnknownCategoryInASearchFindsNothingAndWritesNothing() {
        Snapshot before = snapshot();
        publisher.clear();
        assertThat(products.search(manager, new ProductSearchQuery(null, CategoryId.next(clock), null,
                PageRequest.first(10))).items()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(publisher.events()).isEmpty();
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void aCustomerCreatingAProductIsDeniedAndOnlyTheRefusalIsAudited() {
        CustomerId cora = crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Cora", "Customer",
                "cora@example.org", null, false)).id();
        AccessDeniedException e = deniedAndAuditedOnce(() -> products.create(Actor.customer(cora),
                newProduct("NEW-1")));
        assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE);
        assertThat(e.action()).isEqualTo("product.create");
    }

    @Test
    void aSalesRepRepricingIsDeniedEvenWithAValidVersion() {
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        AccessDeniedException e = deniedAndAuditedOnce(() -> products.reprice(rep,
                new RepriceProductCommand(jacket.id(), BigDecimal.ONE, "EUR", 0L)));
        assertThat(e.permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE);
        assertThat(e.targetId()).isEqualTo(jacket.id().value());
    }

    @Test
    void anUnenrolledProductManagerIsDenied() {
        Actor stranger = Actor.staff(StaffId.next(clock), Set.of(Role.PRODUCT_MANAGER));
        assertThat(deniedAndAuditedOnce(() -> products.createCategory(stranger,
                new CreateCategoryCommand("Hats", null))).permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE);
        assertThat(deniedAndAuditedOnce(() -> products.search(stranger, ProductSearchQuery.all(10))).permission())
                .isEqualTo(ProductPermission.PRODUCT_VIEW);
    }

    @Test
    void theAccessCheckComesBeforeTheLookUp() {
        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        ProductId unknown = ProductId.next(clock);
        AccessDeniedException e = deniedAndAuditedOnce(() -> products.retire(agent,
                new RetireProductCommand(unknown, null)));
        assertThat(e.targetId()).as("an unknown product is not revealed as such").isEqualTo(unknown.value());
        assertThat(deniedAndAuditedOnce(() -> products.retire(agent, new RetireProductCommand(retired.id(), null)))
                .permission()).isEqualTo(ProductPermission.PRODUCT_MANAGE);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The catalog as stored, the audit trail's counts and nothing else. */
    private record Snapshot(List<CategorySnapshot> categories, List<ProductSnapshot> products) {
    }

    private Snapshot snapshot() {
        return store.unitOfWork().inTransaction(() -> new Snapshot(
                new CategoryStore(store.categories()).findAll().stream().map(Category::snapshot).toList(),
                new ProductStore(store.products()).search(new ProductSearchCriteria(null, null, null, null),
                        Integer.MAX_VALUE).stream().map(Product::snapshot).toList()));
    }

    private static CreateProductCommand newProduct(String sku) {
        return new CreateProductCommand(sku, "New product", null, null, new BigDecimal("9.90"), "EUR");
    }

    private String firstCursor(ProductSearchQuery query) {
        Page<ProductView> first = products.search(manager, query);
        assertThat(first.nextCursor()).as("the first page has a successor").isPresent();
        return first.nextCursor().orElseThrow();
    }

    /** Runs a call that must fail with {@code type} and checks that it changed, audited and published nothing. */
    private <T extends CrmException> T refusedWithoutEffect(Class<T> type, ThrowingCallable call) {
        assertThat(snapshot().products()).as("the fixture's products").hasSizeGreaterThanOrEqualTo(3);
        return refusals().withoutEffect(type, call);
    }

    /** Runs a call the policy must refuse: exactly one DENIED audit entry more, and no other change. */
    private AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        return refusals().deniedAndAuditedOnce(call);
    }

    private Refusals refusals() {
        return new Refusals(crm, publisher, this::snapshot);
    }
}
