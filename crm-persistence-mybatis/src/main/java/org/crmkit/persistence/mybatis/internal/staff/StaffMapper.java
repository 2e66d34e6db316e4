package org.crmkit.persistence.mybatis.internal.staff;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_staff} and {@code crm_staff_role}; statements in {@code StaffMapper.xml} beside this interface. */
interface StaffMapper {

    int insert(StaffRow row);

    int update(StaffRow row);

    StaffRow selectById(UUID id);

    StaffRow selectByEmail(String workEmail);

    long countActiveWithRoleForUpdate(String role);

    long countActiveInDepartment(UUID departmentId);

    int insertInstallation(@org.apache.ibatis.annotations.Param("at") java.time.Instant at);

    long countInstallation();

    List<StaffRow> search(StaffSearchParams params);

    List<StaffRoleRow> selectRoles(@Param("ids") List<UUID> ids);

    int deleteRoles(UUID staffId);

    int insertRoles(@Param("roles") List<StaffRoleRow> roles);
}
