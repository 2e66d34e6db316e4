package org.crmkit.core.task;

/** How urgent a task is, lowest first. */
public enum TaskPriority {
    /** Can wait. */
    LOW,
    /** The usual. */
    MEDIUM,
    /** Before the usual ones. */
    HIGH,
    /** Drop everything else. */
    URGENT
}
