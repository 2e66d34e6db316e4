/**
 * Internal, not API (ADR 0011): the customer area's use-case services. Implementation of the customer use cases
 * (internal): a package-private service behind the public factory {@link
 * org.crmkit.core.customer.internal.application.CustomerApplication}. Hosts use {@code Crm.customers()} instead.
 */
package org.crmkit.core.customer.internal.application;
