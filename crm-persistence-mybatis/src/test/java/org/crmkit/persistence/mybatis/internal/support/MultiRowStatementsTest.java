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

    @Test
    void namesThatAreNotPlainIdentifiersAreRefusedWhereverTheyComeFrom() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MultiRowInsert.Column<Row>("id; DROP TABLE x",
                Row::id));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.column("Name", Row::name));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.into("crm_x y",
                List.of(MultiRowInsert.column("id", Row::id))));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowInsert.into("crm_x",
                List.of(MultiRowInsert.column("id", Row::id))).keepingExisting("id = 1, name"));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x` t",
                List.of(MultiRowInsert.column("id", Row::id)), List.of("id"), List.of("id"), false));
        assertThatNoException().isThrownBy(() -> MultiRowUpdate.of("crm_x",
                List.of(MultiRowInsert.column("id", Row::id), MultiRowInsert.column("name", Row::name)),
                List.of("id"), List.of("name"), true));
    }

    @Test
    void anUpdateMatchesAndSetsOnlyColumnsItsRowsCarryAndSetsSomething() {
        List<MultiRowInsert.Column<Row>> columns = List.of(MultiRowInsert.column("id", Row::id));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", columns, List.of("other"),
                List.of(), true));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", columns, List.of("id"),
                List.of("name"), false));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", columns, List.of(),
                List.of(), true));
        assertThatIllegalArgumentException().isThrownBy(() -> MultiRowUpdate.of("crm_x", columns, List.of("id"),
                List.of(), false));
    }
}
