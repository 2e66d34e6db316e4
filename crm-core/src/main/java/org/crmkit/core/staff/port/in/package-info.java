/**
 * The staff area's use cases as hosts call them: {@link org.crmkit.core.staff.port.in.Departments},
 * {@link org.crmkit.core.staff.port.in.StaffUsers} and {@link org.crmkit.core.staff.port.in.Accounts}, with their
 * commands, queries and views.
 */
package org.crmkit.core.staff.port.in;
