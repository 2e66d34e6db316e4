/** The catalog's services (package-private); {@link org.crmkit.core.product.application.ProductApplication} builds them. */
package org.crmkit.core.product.application;
