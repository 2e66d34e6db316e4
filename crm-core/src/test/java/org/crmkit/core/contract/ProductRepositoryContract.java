package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.product.internal.store.ProductStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.product.port.out.ProductSearchCriteria;
import org.crmkit.core.product.port.out.ProductSearchCriteria.Position;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.Test;

/** What every {@link ProductRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class ProductRepositoryContract extends PortContract {
    private static final Instant LATER = CatalogFixtures.T0.plusSeconds(86_400).plusNanos(7000);

    private ProductStore repo() {
        return new ProductStore(persistence.products());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(Product product) {
        persistence.unitOfWork().inTransaction(() -> repo().add(product));
    }

    private void update(Product product) {
        persistence.unitOfWork().inTransaction(() -> repo().update(product));
    }

    private Product load(ProductId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private Product stored(String sku, String name, Category category) {
        return CatalogFixtures.stored(persistence,
                CatalogFixtures.product(sku, name, category == null ? null : category.id()));
    }

    private Category category(String name, Category parent) {
        return CatalogFixtures.storedCategory(persistence, name, parent == null ? null : parent.id());
    }

    @Test
    void returnsEveryFieldOfANewProduct() {
        Category toys = category("Toys", null);
        Product product = CatalogFixtures.product(ProductId.next(CatalogFixtures.IDS), "TOY-FOX/01_a.b",
                "Plüschfuchs 🦊 «Renard» 가나", "Weich & flauschig.\nMaschinenwaschbar bei 30 °C.\tKein Spiel"
                        + "zeug 🧸 für Kinder unter 3 Jahren.", toys.id(), Money.of("19.99", "EUR"));
        add(product);
        assertThat(load(product.id()).snapshot()).isEqualTo(product.snapshot());
    }

    @Test
    void returnsARetiredProductWithoutDescriptionOrCategoryChangedLater() {
        ProductSnapshot state = new ProductSnapshot(ProductId.next(CatalogFixtures.IDS), 0,
                CatalogFixtures.uniqueSku(), "Закупки", null, null, Money.of("0", "JPY"), ProductStatus.RETIRED,
                CatalogFixtures.T0, LATER);
        add(Product.restore(state));
        ProductSnapshot stored = load(state.id()).snapshot();
        assertThat(stored).isEqualTo(state);
        assertThat(stored.description()).isNull();
        assertThat(stored.category()).isNull();
    }

    @Test
    void pricesComeBackAtTheScaleMoneyNormalizesTo() {
        List<Money> prices = List.of(Money.of("19.99", "EUR"), Money.of("100", "EUR"), Money.of("0.5", "EUR"),
                Money.of("1.2345", "EUR"), Money.of("0", "JPY"), Money.of("1500", "JPY"), Money.of("12.5", "JPY"),
                Money.of("1.234", "BHD"), Money.of("0.1", "BHD"), Money.of("1.2345", "BHD"),
                Money.of("999999999999999.9999", "USD"), Money.of("0.0001", "CHF"));
        for (Money price : prices) {
            Product product = CatalogFixtures.product(ProductId.next(CatalogFixtures.IDS), CatalogFixtures.uniqueSku(),
                    "Priced", null, null, price);
            add(product);
            Money stored = load(product.id()).snapshot().listPrice();
            assertThat(stored).as(price.toString()).isEqualTo(price);
            assertThat(stored.amount().toPlainString()).as(price.toString())
                    .isEqualTo(price.amount().toPlainString());
        }
    }

    @Test
    void aNameAndADescriptionOfTheLongestLengthRoundTripInAnyScript() {
        String name = "Ä🦊".repeat(100);
        String description = "a\n" + "🦊".repeat(998) + "é".repeat(998) + "\tz";
        assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
        assertThat(description.codePointCount(0, description.length())).isEqualTo(2000);
        Product product = CatalogFixtures.product(ProductId.next(CatalogFixtures.IDS), CatalogFixtures.uniqueSku(),
                name, description, null, CatalogFixtures.PRICE);
        add(product);
        assertThat(load(product.id()).snapshot()).isEqualTo(product.snapshot());
    }

    @Test
    void anUnknownIdOrSkuIsEmpty() {
        stored("AB-1", "Anything", null);
        assertThat(tx(() -> repo().findById(ProductId.next(CatalogFixtures.IDS)))).isEmpty();
        assertThat(tx(() -> repo().findBySku("AB-2"))).isEmpty();
        assertThat(tx(() -> repo().findBySku("AB"))).isEmpty();
        assertThat(tx(() -> repo().findBySku("ab-1"))).as("SKUs are looked up normalized, exactly").isEmpty();
        assertThat(tx(() -> repo().findBySku("ÄB-1"))).isEmpty();
    }

    @Test
    void findsAProductBySku() {
        Product one = stored("AB-1", "One", null);
        Product two = stored("AB-10", "Two", null);
        assertThat(tx(() -> repo().findBySku("AB-1"))).map(Product::snapshot).contains(one.snapshot());
        assertThat(tx(() -> repo().findBySku("AB-10"))).map(Product::id).contains(two.id());
    }

    @Test
    void aTakenSkuIsAConflictNamingTheField() {
        Product one = stored("AB-1", "One", null);
        Product two = CatalogFixtures.product(one.snapshot().sku(), "Two", null);
        assertThatThrownBy(() -> add(two)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("sku");
        });
        assertThat(tx(() -> repo().findById(two.id()))).isEmpty();
        assertThat(tx(() -> repo().findBySku("AB-1"))).map(Product::id).contains(one.id());
    }

    @Test
    void namesNeedNotBeUnique() {
        Product one = stored("AB-1", "Fox", null);
        Product two = stored("AB-2", "FOX", null);
        assertThat(load(one.id()).snapshot().nameKey()).isEqualTo(load(two.id()).snapshot().nameKey());
    }

    @Test
    void updateStoresEveryChangeAndAdvancesTheVersionEachTime() {
        Category toys = category("Toys", null);
        Category plush = category("Plush", toys);
        Product product = stored("TOY-1", "Fox", toys);

        Product loaded = load(product.id());
        loaded.update("Fuchs 🦊", "Neu.\nWeich.", LATER);
        loaded.moveTo(plush.id(), LATER);
        loaded.reprice(Money.of("24.5", "EUR"), LATER);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        ProductSnapshot stored = load(product.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.listPrice()).isEqualTo(Money.of("24.50", "EUR"));

        loaded.update("Fuchs", null, LATER.plusSeconds(1));
        loaded.moveTo(null, LATER.plusSeconds(1));
        loaded.reprice(Money.of("3000", "JPY"), LATER.plusSeconds(1));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        stored = load(product.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.description()).isNull();
        assertThat(stored.category()).isNull();

        loaded.retire(LATER.plusSeconds(2));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(3);
        stored = load(product.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.status()).isEqualTo(ProductStatus.RETIRED);
        assertThat(stored.sku()).isEqualTo("TOY-1");
        assertThat(stored.createdAt()).isEqualTo(CatalogFixtures.T0);
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Product product = stored("TOY-1", "Fox", null);
        Product first = load(product.id());
        Product second = load(product.id());
        first.reprice(Money.of("25", "EUR"), LATER);
        update(first);
        second.retire(LATER);
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        Product stored = load(product.id());
        assertThat(stored.snapshot()).isEqualTo(first.snapshot());
        assertThat(stored.snapshot().status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void searchFiltersByNamePrefixSkuPrefixCategoriesAndStatus() {
        Category toys = category("Toys", null);
        Category plush = category("Plush", toys);
        Category books = category("Books", null);
        Product fox = stored("TOY-1", "Fox plush", plush);
        Product zoe = stored("BK-1", "Zoë's Journey", books);
        Product ball = stored("TOY-2", "Ball", toys);
        Product loose = stored("MISC-1", "Fortune cookie", null);
        Product retired = CatalogFixtures.product("TOY-3", "Football", toys.id());
        retired.retire(CatalogFixtures.T0);
        add(retired);

        assertThat(ids(criteria(null, null, null))).containsExactly(ball.id(), retired.id(), loose.id(), fox.id(),
                zoe.id());
        assertThat(ids(criteria("fo", null, null))).as("folded name prefix")
                .containsExactly(retired.id(), loose.id(), fox.id());
        assertThat(ids(criteria("zoe", null, null))).as("accents folded").containsExactly(zoe.id());
        assertThat(ids(criteria("zoe's j", null, null))).containsExactly(zoe.id());
        assertThat(ids(criteria("plush", null, null))).as("a prefix, not a word").isEmpty();
        assertThat(ids(criteria("toy-", null, null))).as("SKU prefix, upper-cased")
                .containsExactly(ball.id(), retired.id(), fox.id());
        assertThat(ids(criteria("b", null, null))).as("name or SKU").containsExactly(ball.id(), zoe.id());
        assertThat(ids(criteria(null, Set.of(toys.id(), plush.id()), null)))
                .containsExactly(ball.id(), retired.id(), fox.id());
        assertThat(ids(criteria(null, Set.of(toys.id()), null))).as("only the categories listed")
                .containsExactly(ball.id(), retired.id());
        assertThat(ids(criteria(null, Set.of(), null))).as("no category: nothing").isEmpty();
        assertThat(ids(criteria("fo", Set.of(), null))).isEmpty();
        assertThat(ids(criteria(null, Set.of(CategoryId.next(CatalogFixtures.IDS)), null))).isEmpty();
        assertThat(ids(criteria(null, null, ProductStatus.ACTIVE)))
                .containsExactly(ball.id(), loose.id(), fox.id(), zoe.id());
        assertThat(ids(criteria(null, null, ProductStatus.RETIRED))).containsExactly(retired.id());
        assertThat(ids(criteria("fo", Set.of(toys.id(), plush.id()), ProductStatus.ACTIVE)))
                .containsExactly(fox.id());
        assertThat(ids(criteria("fo", Set.of(books.id()), null))).isEmpty();
    }

    @Test
    void searchTakesThePrefixLiterallyWildcardsAndEscapesIncluded() {
        Product percent = stored("PCT-1", "100% Cotton", null);
        Product plain = stored("PCT-2", "100 Cotton", null);
        Product underscore = stored("USC-1", "a_b", null);
        Product anyChar = stored("USC-2", "axb", null);
        Product backslash = stored("BSL-1", "back\\slash", null);
        Product backslashN = stored("BSL-2", "back\\nope", null);
        Product slash = stored("BSL-3", "back/slash", null);
        Product bang = stored("BNG-1", "bang!x", null);
        Product bangless = stored("BNG-2", "bangx", null);
        Product quote = stored("QTE-1", "it's 'quoted'", null);
        Product skuUnderscore = stored("K_9", "Dog", null);
        Product skuAny = stored("KX9", "Cat", null);

        assertThat(ids(criteria("100%", null, null))).containsExactly(percent.id());
        assertThat(ids(criteria("100", null, null))).containsExactly(plain.id(), percent.id());
        assertThat(ids(criteria("%", null, null))).isEmpty();
        assertThat(ids(criteria("a_", null, null))).containsExactly(underscore.id());
        assertThat(ids(criteria("_", null, null))).isEmpty();
        assertThat(ids(criteria("back\\", null, null))).containsExactly(backslashN.id(), backslash.id());
        assertThat(ids(criteria("back\\s", null, null))).containsExactly(backslash.id());
        assertThat(ids(criteria("back/", null, null))).containsExactly(slash.id());
        assertThat(ids(criteria("bang!", null, null))).containsExactly(bang.id());
        assertThat(ids(criteria("bang", null, null))).containsExactly(bang.id(), bangless.id());
        assertThat(ids(criteria("it's '", null, null))).containsExactly(quote.id());
        assertThat(ids(criteria("k_", null, null))).as("SKU prefix taken literally")
                .containsExactly(skuUnderscore.id());
        assertThat(ids(criteria("k", null, null))).containsExactly(skuAny.id(), skuUnderscore.id());
    }

    @Test
    void searchByAPrefixBeyondAsciiMatchesNamesAndUpperCasedSkus() {
        Product fox = stored("ANIMAL-1", "🦊 Fox plush", null);
        Product hangul = stored("ANIMAL-2", "가나 Doll", null);
        Product strudel = stored("SSX-1", "Apple pie", null);
        Product sushi = stored("FOOD-1", "ßushi", null);

        assertThat(ids(criteria("🦊", null, null))).containsExactly(fox.id());
        assertThat(ids(criteria("가", null, null))).containsExactly(hangul.id());
        assertThat(ids(criteria("é", null, null))).isEmpty();
        // "ß" upper-cases to "SS" (Locale.ROOT): it finds the name by its key and the SKU by its upper case
        assertThat(ids(criteria("ß", null, null))).containsExactly(strudel.id(), sushi.id());
    }

    @Test
    void searchOrdersByFoldedNameThenIdBytesAndPagesStrictlyAfterAPosition() {
        Product ada = stored("P-1", "Abacus", null);
        Product zoe = stored("P-2", "Ångström ruler", null);
        Product bob = stored("P-3", "Brush", null);
        Product yak = stored("P-4", "Zither", null);
        Product fullWidth = stored("P-5", "Ｚither", null);
        Product fox = stored("P-6", "🦊", null);
        // three spellings of one folded name ("emile"): ties, ordered by id as unsigned bytes
        Product tieA = stored("P-7", "Émile", null);
        Product tieB = stored("P-8", "EMILE", null);
        ProductId high = new ProductId(StaffFixtures.withHighBit(ProductId.next(CatalogFixtures.IDS).value()));
        Product tieHigh = CatalogFixtures.stored(persistence, CatalogFixtures.product(high, "P-9", "emile", null, null,
                CatalogFixtures.PRICE));

        List<Product> ordinaryTies = new ArrayList<>(List.of(tieA, tieB));
        ordinaryTies.sort((x, y) -> UuidV7.compareBytes(x.id().value(), y.id().value()));
        // U+FF5A before U+1F98A: code point order, which UTF-16 order (String.compareTo) would reverse
        List<ProductId> expected = List.of(ada.id(), zoe.id(), bob.id(), ordinaryTies.get(0).id(),
                ordinaryTies.get(1).id(), tieHigh.id(), yak.id(), fullWidth.id(), fox.id());
        assertThat(ids(criteria(null, null, null))).containsExactlyElementsOf(expected);

        List<ProductId> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Position after = null;
        for (int page = 0; page < 10; page++) {
            ProductSearchCriteria criteria = new ProductSearchCriteria(null, null, null, after);
            List<Product> products = tx(() -> repo().search(criteria, 2));
            sizes.add(products.size());
            if (products.isEmpty()) {
                break;
            }
            products.forEach(p -> paged.add(p.id()));
            ProductSnapshot last = products.get(products.size() - 1).snapshot();
            after = new Position(last.nameKey(), last.id());
        }
        assertThat(sizes).containsExactly(2, 2, 2, 2, 1, 0);
        assertThat(paged).containsExactlyElementsOf(expected);

        Position inTheTies = new Position("emile", ordinaryTies.get(0).id());
        assertThat(ids(new ProductSearchCriteria(null, null, null, inTheTies)))
                .containsExactly(ordinaryTies.get(1).id(), tieHigh.id(), yak.id(), fullWidth.id(), fox.id());
        Position betweenKeys = new Position("emil", high);
        assertThat(ids(new ProductSearchCriteria(null, null, null, betweenKeys)))
                .containsExactly(ordinaryTies.get(0).id(), ordinaryTies.get(1).id(), tieHigh.id(), yak.id(),
                        fullWidth.id(), fox.id());
        Position withFilter = new Position("emile", ordinaryTies.get(1).id());
        assertThat(ids(new ProductSearchCriteria("e", null, null, withFilter))).containsExactly(tieHigh.id());
    }

    @Test
    void searchHonoursTheLimit() {
        for (int i = 0; i < 5; i++) {
            stored("LIM-" + i, "Item " + i, null);
        }
        assertThat(tx(() -> repo().search(criteria(null, null, null), 3)))
                .extracting(p -> p.snapshot().name()).containsExactly("Item 0", "Item 1", "Item 2");
        assertThat(tx(() -> repo().search(criteria("item", null, null), 1))).hasSize(1);
    }

    @Test
    void searchOfAnEmptyStoreIsEmpty() {
        assertThat(ids(criteria(null, null, null))).isEmpty();
        assertThat(ids(criteria("a", null, ProductStatus.ACTIVE))).isEmpty();
    }

    @Test
    void aRolledBackAddLeavesNothingAndFreesTheSku() {
        Product product = CatalogFixtures.product("TOY-1", "Fox", null);
        IllegalStateException failure = new IllegalStateException("after add");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(product);
            throw failure;
        })).isSameAs(failure);
        assertThat(tx(() -> repo().findById(product.id()))).isEmpty();
        assertThat(tx(() -> repo().findBySku("TOY-1"))).isEmpty();
        assertThat(ids(criteria(null, null, null))).isEmpty();
        Product again = stored("TOY-1", "Fox again", null);
        assertThat(tx(() -> repo().findBySku("TOY-1"))).map(Product::id).contains(again.id());
    }

    @Test
    void aRolledBackUpdateLeavesTheStoredState() {
        Product product = stored("TOY-1", "Fox", null);
        Product loaded = load(product.id());
        loaded.retire(LATER);
        IllegalStateException failure = new IllegalStateException("after update");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().update(loaded);
            throw failure;
        })).isSameAs(failure);
        assertThat(load(product.id()).snapshot()).isEqualTo(product.snapshot());
    }

    private static ProductSearchCriteria criteria(String textPrefix, Set<CategoryId> categories,
                                                  ProductStatus status) {
        return new ProductSearchCriteria(textPrefix, categories, status, null);
    }

    private List<ProductId> ids(ProductSearchCriteria criteria) {
        return tx(() -> repo().search(criteria, 100)).stream().map(Product::id).toList();
    }

    @Test
    void findBySkusFindsTheProductsOfTheNormalizedSkusExactly() {
        Product one = stored("AB-1", "One", null);
        Product two = stored("CD-2", "Two", null);
        stored("EF-3", "Three", null);

        assertThat(tx(() -> repo().findBySkus(List.of("CD-2", "AB-1", "AB-1", "XX-9", "ab-1", "ÄB-1"))))
                .extracting(Product::snapshot).containsExactlyInAnyOrder(one.snapshot(), two.snapshot());
        assertThat(tx(() -> repo().findBySkus(List.of()))).isEmpty();
    }
}
