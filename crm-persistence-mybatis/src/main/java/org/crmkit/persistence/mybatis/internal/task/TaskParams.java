package org.crmkit.persistence.mybatis.internal.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Parameter records of the task statements (MyBatis binds their components by name). */
final class TaskParams {
    private TaskParams() {
    }

    /**
     * The task search: filters ({@code null} for none; statuses never empty), visibility (a staff user and maybe a
     * department, or {@code null}), order, the position to resume strictly after, and the limit. {@code openOnly}
     * when the statuses are exactly the open ones, which the SQL then selects as {@code closed_at IS NULL}. A link
     * filter is a kind and an id, both or neither.
     */
    record Search(UUID assigneeId, UUID visibleStaff, UUID visibleDepartment, List<String> statuses,
                  boolean openOnly, Instant dueBefore, String linkKind, UUID linkId, boolean descending,
                  Instant afterDueAt, UUID afterId, int limit) {
    }

    /** The reminder scan: due at or before {@code asOf}, strictly after the position, at most {@code limit}. */
    record Reminders(Instant asOf, Instant afterAt, UUID afterId, int limit) {
    }

    /**
     * A claim: a lease ({@code claim} until {@code until}) on the task, if its reminder is pending at or before
     * {@code asOf} and no lease holds it at {@code at}.
     */
    record Claim(UUID id, Instant asOf, UUID claim, Instant at, Instant until) {
    }

    /** A lease's release: the task, if {@code claim} still holds it. */
    record Release(UUID id, UUID claim) {
    }

    /** A link's tasks in some states (never empty) by id, strictly after {@code afterId}. */
    record Linked(String linkKind, UUID linkId, List<String> statuses, UUID afterId, int limit) {
    }
}
