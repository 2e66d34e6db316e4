package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param asOf reminders due at or before this instant go out; not in the future */
public record SendDueRemindersCommand(@NotNull Instant asOf) {
}
