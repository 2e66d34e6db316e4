/**
 * Internal plumbing of the MyBatis adapter: the thread-bound unit of work, the mapper proxies that translate every
 * SQL and MyBatis exception into a {@code CrmException}, and the type handlers for UUIDs and UTC instants.
 */
package org.crmkit.persistence.mybatis.internal.support;
