package org.crmkit.core.loyalty.internal.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.shared.CustomerId;

/**
 * What a batch's customers had earned over time before the batch, as read once for the span all the batch's tier
 * windows lie in ({@link LoyaltyRepository#earnings}): the sum of any one window is then taken here, in memory,
 * instead of one read per purchase.
 */
final class StoredEarnings {
    private final Map<CustomerId, NavigableMap<Instant, Long>> byCustomer = new HashMap<>();

    /** @param earnings the stored earnings by customer and earning time */
    StoredEarnings(List<LoyaltyRepository.Earning> earnings) {
        for (LoyaltyRepository.Earning e : earnings) {
            byCustomer.computeIfAbsent(e.customer(), c -> new TreeMap<>()).merge(e.earnedAt(), e.earned(), Long::sum);
        }
    }

    /**
     * @param customer whose
     * @param from     first earning time, inclusive (within the span read)
     * @param to       last earning time, inclusive (within the span read)
     * @return what the customer's stored entries earned then, net of claw-backs
     */
    long between(CustomerId customer, Instant from, Instant to) {
        NavigableMap<Instant, Long> times = byCustomer.get(customer);
        return times == null ? 0 : times.subMap(from, true, to, true).values().stream().mapToLong(Long::longValue)
                .sum();
    }
}
