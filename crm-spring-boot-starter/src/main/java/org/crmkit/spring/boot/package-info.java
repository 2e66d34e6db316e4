/**
 * crmkit's Spring Boot auto-configuration (public API): a {@link org.crmkit.core.Crm} bean on the application's
 * {@code DataSource} through the MyBatis adapter, joined to Spring-managed transactions, its events published as
 * Spring application events after commit, {@code crmkit.*} configuration properties and an optional health
 * indicator. Every bean backs off when the application defines its own.
 */
package org.crmkit.spring.boot;
