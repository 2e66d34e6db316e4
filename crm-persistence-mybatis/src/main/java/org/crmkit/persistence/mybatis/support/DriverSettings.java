package org.crmkit.persistence.mybatis.support;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the adapter asks of the JDBC driver behind a connection, through the connection's own wrappers (a pool's
 * proxy unwraps to the driver's connection). Only MySQL Connector/J is asked; any other driver gets the answers that
 * are safe for every driver.
 */
final class DriverSettings {
    private DriverSettings() {
    }

    /**
     * @param connection a connection of the host's data source
     * @return whether the driver sends a JDBC batch of one-row {@code INSERT}s as multi-row statements (Connector/J's
     *         {@code rewriteBatchedStatements}); {@code false} for any other driver
     * @throws SQLException when the connection cannot be unwrapped
     */
    static boolean rewritesBatches(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return false;
        }
        return connection.unwrap(JdbcConnection.class).getPropertySet()
                .getBooleanProperty(PropertyKey.rewriteBatchedStatements).getValue();
    }
}
