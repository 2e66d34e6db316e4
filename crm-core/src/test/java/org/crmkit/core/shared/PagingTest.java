package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a host sees of keyset paging: where the last page ends, and that a log's next page resumes after the last entry
 * of the page before (found by mutation testing: no test looked at a page cut exactly at its size, at an empty page,
 * or at a log position taken back from its cursor).
 */
class PagingTest {
    private static final String SCOPE = "audit.search/1a2b3c";

    @Test
    void aPageOfExactlyItsSizeIsTheLastPage() {
        Page<String> page = Page.slice(List.of(1, 2, 3), 3, String::valueOf, row -> "after " + row);

        assertThat(page.items()).containsExactly("1", "2", "3");
        assertThat(page.hasNext()).isFalse();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void oneRowBeyondTheSizeMakesANextPageThatResumesAfterThePagesLastRow() {
        Page<String> page = Page.slice(List.of(1, 2, 3, 4), 3, String::valueOf, row -> "after " + row);

        assertThat(page.items()).containsExactly("1", "2", "3");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextCursor()).contains("after 3");
    }

    @Test
    void anEmptyPageIsTheLastPage() {
        Page<String> page = Page.empty();

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(Page.slice(List.<Integer>of(), 5, String::valueOf, row -> "x").hasNext()).isFalse();
    }

    @Test
    void aLogPositionComesBackFromItsCursorSoTheNextPageResumesAfterIt() {
        EntryPosition last = new EntryPosition(Instant.parse("2026-03-01T09:15:30.123456Z"),
                UUID.fromString("0189f0c4-6b1e-7000-8000-000000000001"));

        EntryPosition resumed = EntryPosition.fromCursor(last.toCursor(SCOPE), SCOPE);

        assertThat(resumed).isEqualTo(last);
        assertThat(EntryPosition.fromCursor(null, SCOPE)).isNull();
    }

    @Test
    void newestFirstAnEntryAtTheSameTimeComesAfterThePositionOnlyWhenItsIdIsSmaller() {
        Instant at = Instant.parse("2026-03-01T09:15:30Z");
        UUID id = UUID.fromString("0189f0c4-6b1e-7000-8000-000000000005");
        EntryPosition position = new EntryPosition(at, id);
        Function<UUID, Boolean> after = other -> EntryPosition.isAfter(position, at, other);

        assertThat(after.apply(UUID.fromString("0189f0c4-6b1e-7000-8000-000000000004"))).isTrue();
        assertThat(after.apply(id)).isFalse();
        assertThat(after.apply(UUID.fromString("0189f0c4-6b1e-7000-8000-000000000006"))).isFalse();
        assertThat(EntryPosition.isAfter(position, at.minusNanos(1), id)).isTrue();
        assertThat(EntryPosition.isAfter(position, at.plusNanos(1), UUID.fromString("00000000-0000-7000-8000-000000000000")))
                .isFalse();
        assertThat(EntryPosition.isAfter(null, at, id)).isTrue();
    }
}
