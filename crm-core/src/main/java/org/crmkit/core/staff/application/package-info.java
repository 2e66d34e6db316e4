/**
 * The staff area's services (package-private); {@link org.crmkit.core.staff.application.StaffApplication} builds
 * them.
 */
package org.crmkit.core.staff.application;
