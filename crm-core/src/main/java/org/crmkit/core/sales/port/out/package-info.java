/** The sales area's outbound port: the purchase repository. */
package org.crmkit.core.sales.port.out;
