/**
 * Internal, not API (ADR 0011): the sales area's use-case services. The sales services (package-private); {@link
 * org.crmkit.core.sales.internal.application.SalesApplication} builds them.
 */
package org.crmkit.core.sales.internal.application;
