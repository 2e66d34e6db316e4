package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param asOf lots that expire at or before this instant expire; not in the future */
public record ExpirePointsCommand(@NotNull Instant asOf) {
}
