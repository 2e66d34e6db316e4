package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_staff}, flat, as the mapper reads and writes it. */
record StaffRow(UUID id, long version, String firstName, String lastName, String nameKey, String workEmail,
                UUID departmentId, boolean active, Instant createdAt, Instant updatedAt) {
}
