package org.crmkit.core.task.internal.application;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.task.TaskId;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param taskId the task asked for */
    record TaskIdQuery(@NotNull TaskId taskId) {
    }
}
