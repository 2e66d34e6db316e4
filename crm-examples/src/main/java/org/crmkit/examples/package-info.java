/**
 * A runnable host application that embeds crmkit (example code, not API): {@link org.crmkit.examples.Main} wires
 * {@code Crm} on the in-memory default, or on MySQL through {@code MyBatisCrmPersistence} when
 * {@code CRM_JDBC_URL} is set, and runs {@link org.crmkit.examples.CustomerScenario}, which prints a transcript of
 * the customer use cases as a host would call them.
 */
package org.crmkit.examples;
