package org.crmkit.core.task.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;

/**
 * What a task search filters and where it resumes; every filter optional. Ordered by due time, then id (unsigned
 * bytes), ascending or descending.
 *
 * @param assignee   only tasks assigned to this staff user
 * @param visibleTo  only tasks this staff user may see with an "own" or "department" grant, or {@code null} for all
 * @param statuses   only tasks in one of these states (not empty)
 * @param dueBefore  only tasks due strictly before this instant
 * @param descending latest due first
 * @param after      resume strictly after this position, or {@code null}
 * @param link       only tasks about this record, or {@code null} for tasks about anything or nothing
 */
public record TaskSearchCriteria(StaffId assignee, Visibility visibleTo, Set<TaskStatus> statuses, Instant dueBefore,
                                 boolean descending, Position after, TaskLink link) {
    /** Copies the statuses. */
    public TaskSearchCriteria {
        statuses = Set.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
    }

    /**
     * Criteria without a link filter: the constructor from before {@code link} was added, kept so that code written
     * against it still compiles.
     *
     * @param assignee   only tasks assigned to this staff user
     * @param visibleTo  only tasks this staff user may see with an "own" or "department" grant, or {@code null}
     * @param statuses   only tasks in one of these states (not empty)
     * @param dueBefore  only tasks due strictly before this instant
     * @param descending latest due first
     * @param after      resume strictly after this position, or {@code null}
     */
    public TaskSearchCriteria(StaffId assignee, Visibility visibleTo, Set<TaskStatus> statuses, Instant dueBefore,
                              boolean descending, Position after) {
        this(assignee, visibleTo, statuses, dueBefore, descending, after, null);
    }

    /**
     * Whose tasks a caller with a limited grant sees: those assigned to or created by them, and, with a department,
     * those of that department.
     *
     * @param staff      the caller
     * @param department their department for a "department" grant, or {@code null} for "own"
     */
    public record Visibility(StaffId staff, DepartmentId department) {
        /** Checks presence. */
        public Visibility {
            Objects.requireNonNull(staff, "staff");
        }

        /** @param t a task @return whether it is visible */
        public boolean covers(TaskSnapshot t) {
            return staff.equals(t.assignee()) || staff.equals(t.createdBy())
                    || department != null && department.equals(t.department());
        }
    }

    /**
     * The last task of the previous page.
     *
     * @param dueAt its due time
     * @param id    its id
     */
    public record Position(Instant dueAt, TaskId id) {
        /** Checks presence. */
        public Position {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(id, "id");
        }
    }

    /** @param t a stored task @return whether it passes the filters (not the position) */
    public boolean matches(TaskSnapshot t) {
        return (assignee == null || assignee.equals(t.assignee()))
                && (visibleTo == null || visibleTo.covers(t))
                && statuses.contains(t.status())
                && (dueBefore == null || t.dueAt().isBefore(dueBefore))
                && (link == null || link.equals(t.link()));
    }

    /** @param t a stored task @return whether it comes after the position in this order */
    public boolean isAfterPosition(TaskSnapshot t) {
        if (after == null) {
            return true;
        }
        int byDue = t.dueAt().compareTo(after.dueAt());
        int order = byDue != 0 ? byDue : UuidV7.compareBytes(t.id().value(), after.id().value());
        return descending ? order < 0 : order > 0;
    }
}
