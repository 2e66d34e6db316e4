package org.crmkit.core.staff.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * Filters of a staff listing, all optional, and the page.
 *
 * @param departmentId only members of this department
 * @param role         only holders of this role (its name)
 * @param active       only active ({@code true}) or inactive ({@code false}) users
 * @param page         size and cursor
 */
public record StaffSearchQuery(DepartmentId departmentId, @Size(max = 32) String role, Boolean active,
                               @NotNull @Valid PageRequest page) {

    /** @param size page size @return the first page of everyone */
    public static StaffSearchQuery all(int size) {
        return new StaffSearchQuery(null, null, null, PageRequest.first(size));
    }

    /**
     * @param role a role's name, for example {@code "ADMIN"}
     * @param size page size
     * @return the first page of the role's holders, active or not
     */
    public static StaffSearchQuery withRole(String role, int size) {
        return new StaffSearchQuery(null, role, null, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public StaffSearchQuery next(Page<?> previous) {
        return new StaffSearchQuery(departmentId, role, active,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
