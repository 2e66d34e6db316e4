package org.crmkit.persistence.mybatis.internal.staff;

/** The one row of the login count statement. */
record LoginCountRow(long logins, long distinctAccounts) {
}
