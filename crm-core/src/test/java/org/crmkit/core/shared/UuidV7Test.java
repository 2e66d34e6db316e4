package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void tenThousandIdsMadeWithinOneFixedMillisecondAreUniqueAndTheirByteOrderIsTheirCreationOrder() {
        Clock frozen = Clock.fixed(Instant.parse("2026-04-01T12:00:00.123Z"), ZoneOffset.UTC);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(UuidV7.next(frozen));
        }
        assertThat(new HashSet<>(made)).hasSize(10_000);
        List<UUID> byBytes = new ArrayList<>(made);
        byBytes.sort(UuidV7::compareBytes);
        assertThat(byBytes).isEqualTo(made);
        for (int i = 1; i < made.size(); i++) {
            assertThat(UuidV7.compareBytes(made.get(i - 1), made.get(i))).isNegative();
        }
    }

    @Test
    void isAVersion7RfcVariantIdWhoseTimestampIsNeverBeforeTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T12:00:00.456Z"), ZoneOffset.UTC);
        UUID id = UuidV7.next(clock);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isGreaterThanOrEqualTo(clock.millis());
    }

    @Test
    void idsOfALaterClockSortAfterIdsOfAnEarlierOne() {
        Clock earlier = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
        UUID first = UuidV7.next(earlier);
        UUID second = UuidV7.next(Clock.offset(earlier, Duration.ofDays(1)));
        UUID third = UuidV7.next(earlier);
        assertThat(UuidV7.compareBytes(first, second)).isNegative();
        assertThat(UuidV7.compareBytes(second, third)).as("a clock that goes back never breaks the order").isNegative();
    }

    @Test
    void compareBytesIsUnsignedUnlikeUuidCompareTo() {
        UUID high = new UUID(0x8000_0000_0000_0000L, 0);
        UUID low = new UUID(0x7FFF_FFFF_FFFF_FFFFL, 0);
        assertThat(UuidV7.compareBytes(high, low)).isPositive();
        assertThat(high.compareTo(low)).as("java.util.UUID compares signed").isNegative();
        UUID highLsb = new UUID(1, 0x8000_0000_0000_0000L);
        UUID lowLsb = new UUID(1, 1);
        assertThat(UuidV7.compareBytes(highLsb, lowLsb)).isPositive();
        assertThat(UuidV7.compareBytes(lowLsb, lowLsb)).isZero();
    }
}
