package org.crmkit.persistence.mybatis.internal.staff;

import java.util.UUID;

/**
 * Parameters of the staff search statement: optional filters, the position to resume strictly after (name key and
 * id of the previous page's last user, both {@code null} on the first page), and the page limit.
 */
record StaffSearchParams(UUID departmentId, String role, Boolean active, String afterNameKey, UUID afterId,
                         int limit) {
}
