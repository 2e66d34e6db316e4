/**
 * The staff area's domain: departments, staff users with roles, login accounts with lockout, their second factors
 * (TOTP), password rules, reset tokens and the access log. Plain Java on the kernel.
 */
package org.crmkit.core.staff.internal.domain;
