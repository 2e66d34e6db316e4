package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Running SLA targets with less than a share of their business time left.
 *
 * @param asOf  the instant
 * @param share the share of the target, above 0 and at most 1 (0.25: less than a quarter left)
 * @param limit at most this many, 1 to 200
 */
public record AtRiskQuery(@NotNull Instant asOf,
                          @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") double share,
                          @Min(1) @Max(200) int limit) {
}
