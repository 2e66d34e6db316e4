/**
 * Internal, not API (ADR 0011): the staff area's use-case services. The staff area's services (package-private);
 * {@link org.crmkit.core.staff.internal.application.StaffApplication} builds them.
 */
package org.crmkit.core.staff.internal.application;
