package org.crmkit.examples;

import com.mysql.cj.jdbc.MysqlDataSource;
import org.crmkit.persistence.mybatis.MyBatisCrmPersistence;

/**
 * Wires crmkit on MySQL the way a host does: the host owns the {@code DataSource} (a real host would hand over its
 * connection pool), crmkit's adapter runs its schema migrations on build. The only class of the example that knows
 * about MySQL and MyBatis.
 */
final class MySqlCrm {
    private MySqlCrm() {
    }

    /**
     * @param url      JDBC URL, such as {@code jdbc:mysql://localhost:3306/crm?rewriteBatchedStatements=true}
     * @param user     database user
     * @param password the user's password, or {@code null}
     * @return the persistence on that database, its schema migrated
     */
    static MyBatisCrmPersistence persistence(String url, String user, String password) {
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource)
                .migrate(true)
                .build();
        return persistence;
    }
}
