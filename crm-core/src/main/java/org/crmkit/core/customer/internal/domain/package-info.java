/**
 * The customer aggregate (public API): {@link org.crmkit.core.customer.internal.domain.Customer}, its value records and
 * events. Plain Java; every rule about a customer's life cycle lives here.
 */
package org.crmkit.core.customer.internal.domain;
