package org.crmkit.core.task.port.in;

/** Sort orders of task lists; ties are broken by id, so the order is total. */
public enum TaskSort {
    /** Soonest (or longest overdue) first. */
    DUE_ASC,
    /** Latest due first. */
    DUE_DESC
}
