package org.crmkit.core.task;

import java.util.Set;

/**
 * Life cycle of a task: {@code PENDING -> IN_PROGRESS -> COMPLETED}, and from either open state to
 * {@code CANCELLED}. Completed and cancelled tasks are closed: they take no further change.
 */
public enum TaskStatus {
    /** Not started yet. */
    PENDING,
    /** Someone is working on it. */
    IN_PROGRESS,
    /** Done. */
    COMPLETED,
    /** Dropped. */
    CANCELLED;

    /** The open states, in which a task can still change and its reminder still goes out. */
    public static final Set<TaskStatus> OPEN = Set.of(PENDING, IN_PROGRESS);

    /** @return whether a task in this state can still change */
    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
