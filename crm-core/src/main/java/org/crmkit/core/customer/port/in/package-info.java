/**
 * The customer use cases (public API): the {@link org.crmkit.core.customer.port.in.Customers} interface a host
 * calls, its command and query records (which carry the Jakarta Validation constraints) and the view records it
 * returns.
 */
package org.crmkit.core.customer.port.in;
