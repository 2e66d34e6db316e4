package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param asOf the end of the tier window to evaluate; not in the future */
public record ReevaluateTiersCommand(@NotNull Instant asOf) {
}
