package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.MoveCategoryCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog changes racing on a real MySQL-compatible server. */
class CatalogConcurrencyIT {
    private static final Actor SYSTEM = Actor.system("catalog-race");

    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().persistence(TestDatabase.get().emptyPersistence()).build();
    }

    @Test
    void twoMovesThatWouldCloseACycleTogetherNeverBothSucceed() throws Exception {
        for (int round = 0; round < 10; round++) {
            CategoryView a = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("A" + round, null));
            CategoryView b = crm.products().createCategory(SYSTEM, new CreateCategoryCommand("B" + round, null));

            List<ParallelCalls.Outcome<CategoryView>> outcomes = ParallelCalls.run(2, i -> () -> i == 0
                    ? crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(a.id(), b.id(), null))
                    : crm.products().moveCategory(SYSTEM, new MoveCategoryCommand(b.id(), a.id(), null)));

            assertThat(outcomes.stream().filter(ParallelCalls.Outcome::succeeded)).as("round %d", round).hasSize(1);
            Map<CategoryId, CategoryId> parents = new HashMap<>();
            crm.products().categories(SYSTEM).forEach(c -> parents.put(c.id(), c.parent()));
            assertThat(parents.get(a.id()) != null && parents.get(b.id()) != null)
                    .as("round %d: A and B under each other", round).isFalse();
        }
    }
}
