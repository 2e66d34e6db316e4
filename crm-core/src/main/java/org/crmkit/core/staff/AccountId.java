package org.crmkit.core.staff;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.internal.Ids;
import org.crmkit.core.shared.UuidV7;

/**
 * Identity of a login account (credentials of a staff user or a customer).
 *
 * @param value the UUIDv7
 */
public record AccountId(UUID value) {
    /** Checks presence. */
    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static AccountId next(Clock clock) {
        return new AccountId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static AccountId parse(String text) {
        return new AccountId(Ids.parse("accountId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
