package org.crmkit.core.staff;

/** Where an account's second factor stands. */
public enum SecondFactorStatus {
    /** A secret was handed out and waits for its first code; logins do not ask for it yet. */
    PENDING,
    /** Confirmed with a code: every login through crmkit asks for a code (or a recovery code). */
    ACTIVE
}
