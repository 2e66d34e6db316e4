package org.crmkit.persistence.mybatis.internal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A row record's columns, as the bulk statements write them: its components in declaration order, in snake case, each
 * value read through its accessor; a record component stands for its own columns.
 */
class RowColumnsTest {
    /** Package-private, as the adapter's row records are, with every type the statements bind. */
    record Sample(UUID id, long version, int lineNumber, String externalReference, Instant occurredAt,
                  BigDecimal unitPrice, Long earnedInWindow, Integer quantity) {
    }

    /** A row and one more column, as an account's opening. */
    private record Opening(Sample sample, UUID openingId) {
    }

    private record Flag(String id, boolean active) {
    }

    private static final Sample SAMPLE = new Sample(UUID.randomUUID(), 7, 2, "A-1", Instant.EPOCH, BigDecimal.TEN,
            null, 3);

    @Test
    void theColumnsAreTheComponentsInOrderInSnakeCase() {
        assertThat(RowColumns.names(Sample.class)).containsExactly("id", "version", "line_number",
                "external_reference", "occurred_at", "unit_price", "earned_in_window", "quantity");
    }

    @Test
    void eachValueIsTheComponentsAPrimitiveBoxed() {
        assertThat(RowColumns.of(Sample.class).stream().map(c -> c.value().apply(SAMPLE)).toList())
                .containsExactly(SAMPLE.id(), 7L, 2, "A-1", Instant.EPOCH, BigDecimal.TEN, null, 3);
    }

    @Test
    void aRecordComponentStandsForItsColumnsInItsPlace() {
        UUID opening = UUID.randomUUID();
        List<MultiRowInsert.Column<Opening>> columns = RowColumns.of(Opening.class);
        assertThat(columns.stream().map(MultiRowInsert.Column::name).toList()).containsExactly("id", "version",
                "line_number", "external_reference", "occurred_at", "unit_price", "earned_in_window", "quantity",
                "opening_id");
        assertThat(columns.stream().map(c -> c.value().apply(new Opening(SAMPLE, opening))).toList())
                .containsExactly(SAMPLE.id(), 7L, 2, "A-1", Instant.EPOCH, BigDecimal.TEN, null, 3, opening);
    }

    @Test
    void aComponentTheStatementsCannotBindIsRefusedUpFront() {
        assertThatIllegalArgumentException().isThrownBy(() -> RowColumns.of(Flag.class))
                .withMessageContaining("boolean").withMessageContaining("Flag.active");
    }

    @Test
    void onlyARecordHasColumns() {
        assertThatIllegalArgumentException().isThrownBy(() -> RowColumns.of(String.class));
    }

    @Test
    void camelCaseBecomesSnakeCase() {
        assertThat(RowColumns.columnName("id")).isEqualTo("id");
        assertThat(RowColumns.columnName("balanceAfter")).isEqualTo("balance_after");
        assertThat(RowColumns.columnName("earnedInWindow")).isEqualTo("earned_in_window");
    }
}
