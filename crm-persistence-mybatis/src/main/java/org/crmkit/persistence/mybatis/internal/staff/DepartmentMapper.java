package org.crmkit.persistence.mybatis.internal.staff;

import java.util.List;
import java.util.UUID;

/** SQL of {@code crm_department}; statements in {@code DepartmentMapper.xml} beside this interface. */
interface DepartmentMapper {

    int insert(DepartmentRow row);

    int update(DepartmentRow row);

    DepartmentRow selectById(UUID id);

    DepartmentRow selectByIdForUpdate(UUID id);

    int hold(UUID id);

    List<DepartmentRow> selectAll();
}
