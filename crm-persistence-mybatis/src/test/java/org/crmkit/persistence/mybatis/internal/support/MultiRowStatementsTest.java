package org.crmkit.persistence.mybatis.internal.support;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk statements put table and column names into their text: only plain lower-case identifiers get there,
 * however a column is made, and an update names only columns its rows carry.
 */
class MultiRowStatementsTest {
    private record Row(String id, String name) {
    }

    /** A component name whose column would not be a plain identifier. */
    private record Odd(String id, String a$b) {
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefusedWhereverTheyComeFrom() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MultiRowInsert.Column<Row>("id; DROP TABLE x",
                Row::id));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.of("crm_x", Odd.class));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.of("crm_x y", Row.class));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.of("crm_x", Row.class)
                .keepingExisting("id = 1, name"));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x` t", Row.class,
                List.of("id"), List.of("name"), false));
        assertThatNoException().isThrownBy(() -> MultiRowUpdate.of("crm_x", Row.class, List.of("id"),
                List.of("name"), true));
    }

    @Test
    void anUpdateMatchesAndSetsOnlyColumnsItsRowsCarryAndSetsSomething() {
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", Row.class,
                List.of("other"), List.of(), true));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", Row.class, List.of("id"),
                List.of("other"), false));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", Row.class, List.of(),
                List.of(), true));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", Row.class, List.of("id"),
                List.of(), false));
    }
}
