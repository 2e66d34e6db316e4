package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.MoveCategoryCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.testing.CrmTestAccess;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog changes racing on a real MySQL-compatible server: the first move's transaction is held open until the server
 * shows the second waiting for its lock ({@link HeldTransaction}).
 */
class CatalogConcurrencyIT {
    private static final Actor SYSTEM = Actor.system("catalog-race");

    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(TestDatabase.get().emptyPersistence()).build();
    }

    @Test
    void twoMovesThatWouldCloseACycleTogetherNeverBothSucceed() throws Exception {
        for (int round = 0; round < 2; round++) {
            CategoryView a = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("A" + round, null));
            CategoryView b = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("B" + round, null));
            CategoryView first = round == 0 ? a : b;
            CategoryView second = round == 0 ? b : a;

            HeldTransaction.Result<CategoryView, CategoryView> race = HeldTransaction.run(
                    CrmTestAccess.persistence(crm).unitOfWork(),
                    () -> crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(first.id(), second.id(), null)),
                    () -> crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(second.id(), first.id(), null)));

            assertThat(race.secondWaited()).as("round %d: the second move waits for the first", round).isTrue();
            assertThat(race.first().code()).as("round %d", round).isEqualTo("ok");
            assertThat(race.second().code()).as("round %d", round).isEqualTo("category_cycle");
            Map<CategoryId, CategoryId> parents = new HashMap<>();
            crm.products().categories(SYSTEM).forEach(c -> parents.put(c.id(), c.parent()));
            assertThat(parents.get(a.id()) != null && parents.get(b.id()) != null)
                    .as("round %d: A and B under each other", round).isFalse();
        }
    }

    /**
     * The race only the ancestor walk's row locks prevent. C is under B; one move puts A under C while the other puts B
     * under A, so together they would close the cycle A -> C -> B -> A, though neither move touches the row the other
     * changes and neither new parent is the other's category. Without the locks, the second move reads A's parent
     * while the first is held (still none in its view), finds no cycle, and only then waits (its foreign key check on
     * A meets the first's lock on A); once the first commits, it commits too, and the catalog holds a cycle. With the
     * locks, the first has locked B on its way up from C, so the second waits for B before it walks, and then walks the
     * committed tree: A's parent C, C's parent B, itself, {@code category_cycle}.
     */
    @Test
    void aMoveThatWouldCloseACycleThroughAnAncestorTheOtherMoveWalkedIsRefused() throws Exception {
        CategoryView a = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("A", null));
        CategoryView b = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("B", null));
        CategoryView c = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("C", b.id()));

        HeldTransaction.Result<CategoryView, CategoryView> race = HeldTransaction.run(
                CrmTestAccess.persistence(crm).unitOfWork(),
                () -> crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(a.id(), c.id(), null)),
                () -> crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(b.id(), a.id(), null)));

        assertThat(race.secondWaited()).as("the second move waits for the first").isTrue();
        assertThat(race.first().code()).isEqualTo("ok");
        assertThat(race.second().code()).isEqualTo("category_cycle");
        Map<CategoryId, CategoryId> parents = new HashMap<>();
        crm.products().categories(SYSTEM).forEach(v -> parents.put(v.id(), v.parent()));
        assertThat(parents).containsEntry(a.id(), c.id()).containsEntry(c.id(), b.id());
        assertThat(parents.get(b.id())).as("B stays a root: under A it would close a cycle").isNull();
    }
}
