/**
 * What the customer area needs from storage (public SPI): {@link org.crmkit.core.customer.port.out.CustomerRepository}
 * and its search criteria. Implemented by the in-memory and MyBatis adapters, and proven by the contract test
 * {@code CustomerRepositoryContract} in crm-core's test-jar.
 */
package org.crmkit.core.customer.port.out;
