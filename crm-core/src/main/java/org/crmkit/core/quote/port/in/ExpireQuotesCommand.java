package org.crmkit.core.quote.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param asOf quoted offers valid until this instant or earlier expire; not in the future */
public record ExpireQuotesCommand(@NotNull Instant asOf) {
}
