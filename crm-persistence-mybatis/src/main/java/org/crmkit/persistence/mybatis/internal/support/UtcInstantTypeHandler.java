package org.crmkit.persistence.mybatis.internal.support;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores an {@link Instant} in a {@code DATETIME(6)} column as UTC wall time, whatever the JVM's or the server's
 * time zone. The value is bound as the text {@code uuuu-MM-dd HH:mm:ss.SSSSSS}, which every MySQL-family server
 * converts to the column's type exactly, in a comparison too: bound as a {@link LocalDateTime}, Connector/J drops
 * the fractional seconds when it takes the server for one older than MySQL 5.6.4, as it does MariaDB 10.x (whose
 * handshake announces {@code 5.5.5-10.11...}), and {@code 08:30:15.654321} would be stored as {@code 08:30:15}.
 * Read back as a {@link LocalDateTime}, which every server hands over whole.
 */
public final class UtcInstantTypeHandler extends BaseTypeHandler<Instant> {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
            throws SQLException {
        bind(ps, i, parameter);
    }

    /**
     * Binds an instant as this handler does, for statements written without MyBatis's parameter mapping.
     *
     * @param ps        the statement
     * @param i         the parameter's index
     * @param parameter the instant
     * @throws SQLException as the driver throws it
     */
    static void bind(PreparedStatement ps, int i, Instant parameter) throws SQLException {
        ps.setString(i, MICROS.format(LocalDateTime.ofInstant(parameter, ZoneOffset.UTC)));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toInstant(rs.getObject(columnName, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toInstant(rs.getObject(columnIndex, LocalDateTime.class));
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toInstant(cs.getObject(columnIndex, LocalDateTime.class));
    }

    private static Instant toInstant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
