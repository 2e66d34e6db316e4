/** The sales services (package-private); {@link org.crmkit.core.sales.application.SalesApplication} builds them. */
package org.crmkit.core.sales.application;
