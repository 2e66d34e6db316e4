package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * @param asOf the access log's entries made more than the retention ({@code Crm.builder().accessLogRetention(...)},
 *             90 days by default) before this instant lose their source address and user agent; not in the future
 */
public record ExpireAccessContextCommand(@NotNull Instant asOf) {
}
