package org.crmkit.core.staff;

import java.time.Instant;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;

/** The events of the staff area. Each carries ids and names of changes only, never personal data. */
public final class StaffEvents {
    private StaffEvents() {
    }

    /**
     * @param departmentId the department
     * @param change       {@code created}, {@code renamed}, {@code manager_changed} or {@code deactivated}
     * @param occurredAt   when
     */
    public record DepartmentChanged(DepartmentId departmentId, String change, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param staffId the new staff user @param occurredAt when */
    public record StaffUserCreated(StaffId staffId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param staffId    the staff user
     * @param change     {@code updated}, {@code moved}, {@code deactivated} or {@code reactivated}
     * @param occurredAt when
     */
    public record StaffUserChanged(StaffId staffId, String change, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param staffId    the staff user
     * @param role       the role
     * @param granted    {@code true} when granted, {@code false} when revoked
     * @param occurredAt when
     */
    public record RoleChanged(StaffId staffId, Role role, boolean granted, Instant occurredAt) implements DomainEvent {
    }

    /** @param accountId the account @param occurredAt when */
    public record AccountLocked(AccountId accountId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * Wrong codes at the second step of logins locked it: someone who knows the password is guessing codes.
     *
     * @param accountId  the account
     * @param occurredAt when
     */
    public record SecondFactorLocked(AccountId accountId, Instant occurredAt) implements DomainEvent {
    }

    /** @param accountId the account @param occurredAt when */
    public record PasswordChanged(AccountId accountId, Instant occurredAt) implements DomainEvent {
    }
}
