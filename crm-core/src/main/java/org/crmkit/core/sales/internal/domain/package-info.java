/** The sales area's domain: purchases with their lines and returns. Plain Java on the kernel. */
package org.crmkit.core.sales.internal.domain;
