/**
 * The loyalty use cases a host calls: {@link org.crmkit.core.loyalty.port.in.Loyalty}, with their commands, queries
 * and views.
 */
package org.crmkit.core.loyalty.port.in;
