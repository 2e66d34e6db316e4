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
}
