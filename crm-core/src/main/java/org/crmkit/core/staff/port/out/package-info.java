/**
 * The staff area's outbound ports: repositories of departments, staff users, accounts and reset tokens, the access
 * log, the password hasher (with the PBKDF2 default) and the reset-token notifier.
 */
package org.crmkit.core.staff.port.out;
