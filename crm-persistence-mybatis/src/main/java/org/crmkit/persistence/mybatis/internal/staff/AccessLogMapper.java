package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_access_log}; statements in {@code AccessLogMapper.xml}. Insert and select only, by design. */
interface AccessLogMapper {

    int insert(AccessLogRow row);

    List<AccessLogRow> search(AccessLogSearchParams params);

    LoginCountRow countLogins(@Param("from") Instant from, @Param("before") Instant before);
}
