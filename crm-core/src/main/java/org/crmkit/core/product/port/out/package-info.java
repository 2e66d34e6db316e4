/** The product area's outbound ports: the category and product repositories. */
package org.crmkit.core.product.port.out;
