/**
 * Test support published in this module's test-jar: {@link org.crmkit.persistence.mybatis.testing.TestDatabase}
 * gives tests a MySQL-compatible server, the host's own ({@code CRM_TEST_JDBC_URL}) or an embedded MariaDB.
 */
package org.crmkit.persistence.mybatis.testing;
