package org.crmkit.core.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates time-ordered UUID version 7 values (RFC 9562): 48 bits of Unix milliseconds from the injected clock, then
 * a 12-bit counter that keeps ids created within one millisecond in order, then 62 random bits. Ids are made by the
 * domain, never by the database. Thread-safe.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static long lastMillis = -1;
    private static int counter;

    private UuidV7() {
    }

    /**
     * Orders UUIDs as their 16 bytes compare unsigned, the order a database keeps for {@code BINARY(16)} (and not
     * {@link UUID#compareTo}, which compares signed).
     *
     * @param a one id
     * @param b another id
     * @return negative, zero or positive
     */
    public static int compareBytes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /**
     * @param clock source of the timestamp
     * @return a new UUIDv7, greater than every one this JVM made before within the same clock reading
     */
    public static UUID next(Clock clock) {
        long millis = clock.millis();
        int sequence;
        synchronized (LOCK) {
            if (millis <= lastMillis) {
                millis = lastMillis;
                counter++;
                if (counter > 0xFFF) {
                    millis++;
                    counter = 0;
                }
            } else {
                counter = RANDOM.nextInt(0x400);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long lsb = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
