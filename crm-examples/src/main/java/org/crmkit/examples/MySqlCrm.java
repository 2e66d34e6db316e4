package org.crmkit.examples;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.time.Clock;
import org.crmkit.core.Crm;
import org.crmkit.core.loyalty.domain.LoyaltyProgram;
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
     * @param clock    the time source
     * @param program  the loyalty program
     * @param notifier hears about SLA breaches
     * @return crmkit on that database, its schema migrated
     */
    static Crm create(String url, String user, String password, Clock clock, LoyaltyProgram program,
                      org.crmkit.core.ticket.port.out.SlaBreachNotifier notifier) {
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource)
                .migrate(true)
                .build();
        return Crm.builder().clock(clock).persistence(persistence).loyaltyProgram(program)
                .slaBreachNotifier(notifier).build();
    }
}
