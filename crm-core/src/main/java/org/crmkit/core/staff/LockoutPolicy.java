package org.crmkit.core.staff;

import java.time.Duration;
import org.crmkit.core.shared.InvalidValueException;

/**
 * When failed logins lock an account: {@code maxFailures} failures within {@code window}, counted from the first
 * failure of the window, lock it for {@code lockDuration}. The default is OWASP's usual 5 within 15 minutes, locked
 * for 15 minutes.
 *
 * @param maxFailures  failures that lock the account, 1 to 100
 * @param window       how long failures are counted together, positive
 * @param lockDuration how long the account stays locked, positive
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
    /** Checks the settings. */
    public LockoutPolicy {
        if (maxFailures < 1 || maxFailures > 100) {
            throw new InvalidValueException("maxFailures", "must be 1 to 100");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new InvalidValueException("window", "must be positive");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new InvalidValueException("lockDuration", "must be positive");
        }
    }

    /** @return 5 failures within 15 minutes lock for 15 minutes */
    public static LockoutPolicy standard() {
        return new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }
}
