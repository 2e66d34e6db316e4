package org.crmkit.core.staff.internal.application;

import java.time.Duration;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;

/**
 * The authentication settings the account use cases share.
 *
 * @param hasher         hashes and verifies passwords
 * @param passwordPolicy what a new password must be
 * @param lockout        when failed logins lock an account
 * @param resetTokenTtl  how long a reset token is valid
 * @param notifier       delivers reset tokens
 */
record AccountSecurity(PasswordHasher hasher, PasswordPolicy passwordPolicy, LockoutPolicy lockout,
                       Duration resetTokenTtl, PasswordResetNotifier notifier) {
}
