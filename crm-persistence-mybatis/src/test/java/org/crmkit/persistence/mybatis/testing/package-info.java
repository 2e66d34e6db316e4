/**
 * Test support published in this module's test-jar: {@link org.crmkit.persistence.mybatis.testing.TestDatabase}
 * gives tests a MySQL-compatible server, the host's own ({@code CRM_TEST_JDBC_URL}) or an embedded MariaDB;
 * {@link org.crmkit.persistence.mybatis.testing.HeldTransaction} and
 * {@link org.crmkit.persistence.mybatis.testing.LockWaits} make race tests overlap their calls for certain, by the
 * server's own lock-wait state rather than by sleeps.
 */
package org.crmkit.persistence.mybatis.testing;
