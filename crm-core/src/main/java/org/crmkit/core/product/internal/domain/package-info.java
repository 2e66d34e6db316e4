/** The product area's domain: the category tree and the products of the catalog. Plain Java on the kernel. */
package org.crmkit.core.product.internal.domain;
