package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/**
 * SQL of {@code crm_access_log}; statements in {@code AccessLogMapper.xml}. Insert and select, and the blanking of the
 * two caller-detail columns: never another update, never a delete.
 */
interface AccessLogMapper {

    int insert(AccessLogRow row);

    int eraseContext(UUID accountId);

    int eraseContextBefore(@Param("before") Instant before, @Param("limit") int limit);

    List<AccessLogRow> search(AccessLogSearchParams params);

    LoginCountRow countLogins(@Param("from") Instant from, @Param("before") Instant before);
}
