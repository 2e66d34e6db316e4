package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.crmkit.core.lead.internal.port.LeadConversionParticipant;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskStatus;

/**
 * The task area's part in a lead's conversion: in the conversion's transaction, every open task (pending or in
 * progress) linked to the lead is linked to the customer instead; closed tasks keep their lead link, as history. Each
 * moved task publishes {@code TaskRelinked} after commit. It neither authorizes nor audits: the conversion did.
 */
final class LeadTasksMover implements LeadConversionParticipant {
    private static final int BATCH = 100;

    private final UseCaseSupport support;
    private final TaskStore tasks;

    LeadTasksMover(UseCaseSupport support, TaskStore tasks) {
        this.support = support;
        this.tasks = tasks;
    }

    @Override
    public void leadConverted(LeadConversion conversion) {
        TaskLink from = TaskLink.lead(conversion.lead());
        TaskLink to = TaskLink.customer(conversion.customer());
        Instant at = conversion.at().truncatedTo(ChronoUnit.MICROS);
        // joins the conversion's transaction; opens one only when called on its own
        support.transaction(() -> {
            TaskId after = null;
            while (true) {
                List<Task> page = tasks.linkedTo(from, TaskStatus.OPEN, after, BATCH);
                for (Task task : page) {
                    task.relink(to, at);
                    List<org.crmkit.core.shared.DomainEvent> events = task.pullEvents();
                    tasks.update(task);
                    support.publishAfterCommit(events);
                }
                if (page.size() < BATCH) {
                    return null;
                }
                after = page.get(page.size() - 1).id();
            }
        });
    }
}
