/**
 * Internal, not API (ADR 0011): the product area's use-case services. The catalog's services (package-private);
 * {@link org.crmkit.core.product.internal.application.ProductApplication} builds them.
 */
package org.crmkit.core.product.internal.application;
