/**
 * The MyBatis persistence adapter (public API): {@link org.crmkit.persistence.mybatis.MyBatisCrmPersistence}, built
 * from the host's {@code DataSource}, implements every crmkit persistence port on MySQL 8.0+ and MariaDB 10.11+ and
 * runs the schema migrations. Everything in the sub-packages is internal.
 */
package org.crmkit.persistence.mybatis;
