package org.crmkit.core.ticket;

import java.time.Duration;
import java.util.Objects;

/**
 * The business time a ticket is allowed for each target.
 *
 * @param firstResponse submission to the first public answer, above zero
 * @param resolution    submission to the resolution, above zero
 */
public record SlaTargets(Duration firstResponse, Duration resolution) {
    /** Checks both are above zero, to the second. */
    public SlaTargets {
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        if (firstResponse.getSeconds() <= 0 || resolution.getSeconds() <= 0) {
            throw new IllegalArgumentException("SLA targets must be at least one second");
        }
        firstResponse = Duration.ofSeconds(firstResponse.getSeconds());
        resolution = Duration.ofSeconds(resolution.getSeconds());
    }

    /** @param target which @return its allowed business time */
    public Duration of(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponse : resolution;
    }
}
