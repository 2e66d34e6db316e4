/**
 * Internal plumbing of the MyBatis adapter: the thread-bound unit of work, the mapper proxies that translate every
 * SQL and MyBatis exception into a {@code CrmException}, the type handlers for UUIDs and UTC instants, and the
 * multi-row statements, whose columns are their row records' components ({@link RowColumns}).
 */
package org.crmkit.persistence.mybatis.internal.support;
