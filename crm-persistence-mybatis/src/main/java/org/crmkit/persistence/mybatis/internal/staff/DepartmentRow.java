package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_department}, flat, as the mapper reads and writes it. */
record DepartmentRow(UUID id, long version, String name, String nameKey, UUID managerId, boolean active,
                     Instant createdAt, Instant updatedAt) {
}
