package org.crmkit.persistence.mybatis.internal.audit;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of the audit trail; statements in {@code AuditMapper.xml}. Insert and select only, by design. */
interface AuditMapper {

    int insert(AuditRow row);


    List<AuditRow> selectByTarget(@Param("targetType") String targetType, @Param("targetId") UUID targetId);

    List<AuditRow> search(SearchParams params);

    long count();
}
