package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.product.internal.store.CategoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.Test;

/** What every {@link CategoryRepository} must do. Subclasses hand over an empty store before each test. */
public abstract class CategoryRepositoryContract extends PortContract {
    private static final Instant LATER = CatalogFixtures.T0.plusSeconds(3600).plusNanos(1000);

    private CategoryStore repo() {
        return new CategoryStore(persistence.categories());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void add(Category category) {
        persistence.unitOfWork().inTransaction(() -> repo().add(category));
    }

    private void update(Category category) {
        persistence.unitOfWork().inTransaction(() -> repo().update(category));
    }

    private Category load(CategoryId id) {
        return tx(() -> repo().findById(id)).orElseThrow();
    }

    private Category stored(String name, Category parent) {
        return CatalogFixtures.storedCategory(persistence, name, parent == null ? null : parent.id());
    }

    private static void assertDuplicateName(ConflictException e) {
        assertThat(e.code()).isEqualTo("duplicate");
        assertThat(e.field()).isEqualTo("name");
    }

    @Test
    void returnsEveryFieldOfATopLevelCategoryAndOfAChild() {
        Category media = CatalogFixtures.category("Bücher & Médias 📚", null);
        add(media);
        Category child = CatalogFixtures.category("Ｔｏｐ 🦊 가나다 — «Noël»", media.id());
        add(child);
        assertThat(load(media.id()).snapshot()).isEqualTo(media.snapshot());
        CategorySnapshot storedChild = load(child.id()).snapshot();
        assertThat(storedChild).isEqualTo(child.snapshot());
        assertThat(storedChild.parent()).isEqualTo(media.id());
        assertThat(load(media.id()).snapshot().parent()).isNull();
    }

    @Test
    void returnsEveryFieldOfAStoredStateChangedLaterWithANameOfTheLongestLength() {
        Category parent = stored("Parent", null);
        String longest = "Ä🦊".repeat(50);
        CategorySnapshot state = new CategorySnapshot(CategoryId.next(CatalogFixtures.IDS), 0, longest,
                parent.id(), CatalogFixtures.T0, LATER);
        add(Category.restore(state));
        assertThat(load(state.id()).snapshot()).isEqualTo(state);
    }

    @Test
    void anUnknownIdIsEmpty() {
        stored("Books", null);
        assertThat(tx(() -> repo().findById(CategoryId.next(CatalogFixtures.IDS)))).isEmpty();
    }

    @Test
    void aNameTakenAmongTopLevelCategoriesIgnoringCaseAndAccentsIsAConflict() {
        stored("Books", null);
        for (String taken : List.of(" BOOKS ", "books", "Böoks", "BÓÓKŠ")) {
            Category twin = CatalogFixtures.category(taken, null);
            assertThatThrownBy(() -> add(twin)).as(taken)
                    .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
            assertThat(tx(() -> repo().findById(twin.id()))).as(taken).isEmpty();
        }
        stored("Books & Comics", null);
        assertThat(tx(() -> repo().findAll())).hasSize(2);
    }

    @Test
    void aNameTakenAmongTheChildrenOfOneParentIsAConflict() {
        Category media = stored("Media", null);
        stored("Fiction", media);
        for (String taken : List.of("FICTION", "fíction")) {
            Category twin = CatalogFixtures.category(taken, media.id());
            assertThatThrownBy(() -> add(twin)).as(taken)
                    .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
            assertThat(tx(() -> repo().findById(twin.id()))).as(taken).isEmpty();
        }
    }

    @Test
    void theSameNameUnderDifferentParentsAndAtTopLevelIsAllowed() {
        Category books = stored("Books", null);
        Category media = stored("Media", null);
        Category shop = stored("Shop", null);
        Category underMedia = stored("BOOKS", media);
        Category underShop = stored("Böoks", shop);
        Category underItself = stored("books", books);
        Category deeper = stored("Books", underMedia);
        assertThat(tx(() -> repo().findAll())).extracting(Category::id).contains(books.id(), underMedia.id(),
                underShop.id(), underItself.id(), deeper.id()).hasSize(7);
    }

    @Test
    void renamingOrMovingOntoATakenSiblingNameIsAConflictAndChangesNothing() {
        Category media = stored("Media", null);
        Category shop = stored("Shop", null);
        stored("Fiction", media);
        Category poetry = stored("Poetry", media);
        Category topFiction = stored("Fiction", null);
        Category shopFiction = stored("fiction", shop);

        Category renamed = load(poetry.id());
        renamed.rename("FICTION", LATER);
        assertThatThrownBy(() -> update(renamed))
                .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
        assertThat(load(poetry.id()).snapshot()).isEqualTo(poetry.snapshot());

        Category moved = load(shopFiction.id());
        moved.moveTo(media.id(), LATER);
        assertThatThrownBy(() -> update(moved))
                .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
        assertThat(load(shopFiction.id()).snapshot()).isEqualTo(shopFiction.snapshot());

        Category toTop = load(shopFiction.id());
        toTop.moveTo(null, LATER);
        assertThatThrownBy(() -> update(toTop))
                .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
        assertThat(load(shopFiction.id()).snapshot()).isEqualTo(shopFiction.snapshot());

        Category fromTop = load(topFiction.id());
        fromTop.moveTo(shop.id(), LATER);
        assertThatThrownBy(() -> update(fromTop))
                .isInstanceOfSatisfying(ConflictException.class, CategoryRepositoryContract::assertDuplicateName);
        assertThat(load(topFiction.id()).snapshot()).isEqualTo(topFiction.snapshot());
    }

    @Test
    void updateStoresARenameAndMovesAndAdvancesTheVersionEachTime() {
        Category media = stored("Media", null);
        Category shop = stored("Shop", null);
        Category category = stored("Fiction", null);

        Category loaded = load(category.id());
        loaded.rename("Fiction & Fantasy 🐉", LATER);
        loaded.moveTo(media.id(), LATER);
        update(loaded);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(load(category.id()).snapshot()).isEqualTo(loaded.snapshot());

        loaded.moveTo(shop.id(), LATER.plusSeconds(1));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(load(category.id()).snapshot().parent()).isEqualTo(shop.id());

        loaded.moveTo(null, LATER.plusSeconds(2));
        update(loaded);
        assertThat(loaded.version()).isEqualTo(3);
        CategorySnapshot stored = load(category.id()).snapshot();
        assertThat(stored).isEqualTo(loaded.snapshot());
        assertThat(stored.parent()).isNull();
        assertThat(stored.createdAt()).isEqualTo(CatalogFixtures.T0);
        assertThat(stored.updatedAt()).isEqualTo(LATER.plusSeconds(2));
    }

    @Test
    void theOldPlaceOfANameIsFreeAfterARenameOrAMove() {
        Category media = stored("Media", null);
        Category fiction = stored("Fiction", null);
        Category loaded = load(fiction.id());
        loaded.moveTo(media.id(), LATER);
        update(loaded);
        Category topAgain = stored("Fiction", null);
        assertThat(load(topAgain.id()).snapshot().name()).isEqualTo("Fiction");

        loaded.rename("Novels", LATER.plusSeconds(1));
        update(loaded);
        Category underMediaAgain = stored("FICTION", media);
        assertThat(load(underMediaAgain.id()).snapshot().parent()).isEqualTo(media.id());
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Category category = stored("Fiction", null);
        Category first = load(category.id());
        Category second = load(category.id());
        first.rename("Novels", LATER);
        update(first);
        second.rename("Stories", LATER);
        assertThatThrownBy(() -> update(second)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(second.version()).as("not recorded as stored").isZero();
        Category stored = load(category.id());
        assertThat(stored.snapshot()).isEqualTo(first.snapshot());
        assertThat(stored.version()).isEqualTo(1);
    }

    @Test
    void findAllOrdersByFoldedNameByCodePointThenIdBytesWhateverTheParent() {
        Category zulu = stored("zulu", null);
        Category beta = stored("Beta", null);
        Category emile = stored("Émile", null);
        Category alpha = stored("alpha", null);
        Category angel = stored("Ängel", beta);
        Category spaced = stored("Sales North", null);
        Category dashed = stored("Sales-North", null);
        Category fox = stored("🦊 Team", null);
        Category fullWidth = stored("Ｓales", null);
        // one folded name under three parents: ties, ordered by id as unsigned bytes
        Category tieA = stored("Books", alpha);
        Category tieB = stored("BOOKS", beta);
        Category tieHigh = CatalogFixtures.stored(persistence, CatalogFixtures.category(
                new CategoryId(StaffFixtures.withHighBit(CategoryId.next(CatalogFixtures.IDS).value())), "böoks",
                zulu.id()));

        List<Category> ties = new ArrayList<>(List.of(tieA, tieB, tieHigh));
        ties.sort((x, y) -> UuidV7.compareBytes(x.id().value(), y.id().value()));
        assertThat(ties.get(2)).isSameAs(tieHigh);
        // folded: alpha, angel, beta, books x3, emile, "sales north" (space 0x20) < "sales-north" (0x2D), zulu, then
        // U+FF53 before U+1F98A: code point order, which UTF-16 order (String.compareTo) would reverse
        assertThat(tx(() -> repo().findAll())).extracting(Category::id).containsExactly(alpha.id(), angel.id(),
                beta.id(), ties.get(0).id(), ties.get(1).id(), tieHigh.id(), emile.id(), spaced.id(), dashed.id(),
                zulu.id(), fullWidth.id(), fox.id());
    }

    @Test
    void findAllOfAnEmptyStoreIsEmpty() {
        assertThat(tx(() -> repo().findAll())).isEmpty();
    }

    @Test
    void aRolledBackAddLeavesNothingAndFreesTheName() {
        Category category = CatalogFixtures.category("Fiction", null);
        IllegalStateException failure = new IllegalStateException("after add");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().add(category);
            throw failure;
        })).isSameAs(failure);
        assertThat(tx(() -> repo().findById(category.id()))).isEmpty();
        assertThat(tx(() -> repo().findAll())).isEmpty();
        Category again = stored("Fiction", null);
        assertThat(tx(() -> repo().findAll())).extracting(Category::id).containsExactly(again.id());
    }

    @Test
    void aRolledBackUpdateLeavesTheStoredState() {
        Category media = stored("Media", null);
        Category category = stored("Fiction", null);
        Category loaded = load(category.id());
        loaded.moveTo(media.id(), LATER);
        IllegalStateException failure = new IllegalStateException("after update");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            repo().update(loaded);
            throw failure;
        })).isSameAs(failure);
        assertThat(load(category.id()).snapshot()).isEqualTo(category.snapshot());
    }
}
