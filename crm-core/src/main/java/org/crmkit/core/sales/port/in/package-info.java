/** The sales area's use cases as hosts call them: {@link org.crmkit.core.sales.port.in.Sales}. */
package org.crmkit.core.sales.port.in;
