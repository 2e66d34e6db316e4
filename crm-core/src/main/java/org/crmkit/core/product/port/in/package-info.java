/** The product area's use cases as hosts call them: {@link org.crmkit.core.product.port.in.Products}. */
package org.crmkit.core.product.port.in;
