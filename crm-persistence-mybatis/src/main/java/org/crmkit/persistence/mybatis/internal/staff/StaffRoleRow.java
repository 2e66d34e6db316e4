package org.crmkit.persistence.mybatis.internal.staff;

import java.util.UUID;

/** One row of {@code crm_staff_role}: a role a staff user holds. */
record StaffRoleRow(UUID staffId, String role) {
}
