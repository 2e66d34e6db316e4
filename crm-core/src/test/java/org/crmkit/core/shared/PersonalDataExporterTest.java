package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.PersonalDataExporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PersonalDataExporter#readAll}: every record of a newest-first listing once, page after page. */
class PersonalDataExporterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private record Row(EntryPosition position) {
    }

    @ParameterizedTest(name = "[{index}] {0} records")
    @ValueSource(ints = {0, 1, PersonalDataExporter.PAGE - 1, PersonalDataExporter.PAGE, PersonalDataExporter.PAGE + 1,
            2 * PersonalDataExporter.PAGE + 7})
    void readsEveryRecordOnceInTheListingsOrder(int count) {
        List<Row> listing = newestFirst(count);
        AtomicInteger pages = new AtomicInteger();
        List<Row> read = PersonalDataExporter.readAll((after, limit) -> {
            pages.incrementAndGet();
            return listing.stream().filter(r -> EntryPosition.isAfter(after, r.position().at(), r.position().id()))
                    .limit(limit).toList();
        }, Row::position);
        assertThat(read).containsExactlyElementsOf(listing);
        assertThat(pages).as("pages read, the last one short").hasValue(count / PersonalDataExporter.PAGE + 1);
    }

    @Test
    void aListingThatDoesNotMoveOnIsRefusedInsteadOfReadForever() {
        List<Row> page = newestFirst(PersonalDataExporter.PAGE);
        assertThatThrownBy(() -> PersonalDataExporter.readAll((after, limit) -> page, Row::position))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not newest first");
    }

    @Test
    void anExportRefusesTwoSectionsOfTheSameName() {
        assertThatThrownBy(() -> new org.crmkit.core.customer.port.in.PersonalDataExport(null, T0, null, List.of(),
                List.of(new PersonalDataSection("purchases", List.of()),
                        new PersonalDataSection("purchases", List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share a name");
    }

    /** @return rows newest first; each time holds three rows, ordered by id bytes */
    private static List<Row> newestFirst(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(new EntryPosition(T0.plusSeconds(i / 3), UUID.randomUUID())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.position().at()).reversed()
                .thenComparing((a, b) -> UuidV7.compareBytes(b.position().id(), a.position().id())));
        return rows;
    }
}
