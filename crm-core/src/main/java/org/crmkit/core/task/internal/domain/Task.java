package org.crmkit.core.task.internal.domain;

import org.crmkit.core.task.TaskError;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskEvents;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;

// Over 300 lines: the task's life cycle, its reminder (claim, sent, failed, given up) and the checks of its fields
// change together, and each public method keeps its javadoc.
/**
 * A piece of staff work: a title, a due time, a priority, an assignee, optionally what it is about (a
 * {@link TaskLink}) and a reminder. Life cycle: {@code PENDING -> IN_PROGRESS -> COMPLETED}, or {@code CANCELLED}
 * from either open state; a closed task takes no further change and its reminder no longer goes out.
 *
 * <p>Times are checked against the current time whenever they are set or changed: a due time and a reminder are
 * not in the past, and the reminder is not after the due time. A reminder is sent once; a failed attempt is counted
 * and the reminder stays due, until {@value #MAX_REMINDER_ATTEMPTS} failures give it up. Changing the reminder's time
 * starts it afresh.
 */
public final class Task extends AggregateRoot {
    /** The title of a task about a customer or a lead who was erased. */
    public static final String ERASED_TITLE = "(about an erased person)";
    static final String TYPE = "task";
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 2000;
    private static final int ERROR_CODE_MAX = 100;
    /** A stored error code is an identifier-like ASCII word: anything else becomes {@code _}. */
    private static final java.util.regex.Pattern ERROR_CODE_UNSAFE =
            java.util.regex.Pattern.compile("[^A-Za-z0-9_.$-]");

    private TaskSnapshot s;

    private Task(TaskSnapshot snapshot) {
        super(TYPE, snapshot.version());
        this.s = snapshot;
    }

    /**
     * @param id          the new id
     * @param title       what to do, 1 to 200 characters (trimmed)
     * @param description details, up to 2000 characters, or {@code null}
     * @param dueAt       when it is due, not in the past
     * @param priority    how urgent
     * @param assignee    who is to do it (an active staff user; checked by the caller)
     * @param department  the assignee's department, or {@code null}
     * @param createdBy   the staff user creating it, or {@code null} for the system
     * @param link        what it is about, or {@code null}
     * @param remindAt    when to remind the assignee, or {@code null}: not in the past, not after {@code dueAt}
     * @param now         the current time
     * @return a new pending task
     * @throws InvalidValueException naming the field refused
     */
    public static Task create(TaskId id, String title, String description, Instant dueAt, TaskPriority priority,
                              StaffId assignee, DepartmentId department, StaffId createdBy, TaskLink link,
                              Instant remindAt, Instant now) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(assignee, "assignee");
        checkTimes(dueAt, true, remindAt, true, now);
        Task task = new Task(new TaskSnapshot(id, 0, checkTitle(title), checkDescription(description), dueAt,
                priority, TaskStatus.PENDING, assignee, department, createdBy, link, remindAt, null, 0, null, now,
                now, null));
        task.record(new TaskEvents.TaskCreated(id, assignee, dueAt, now));
        return task;
    }

    /** @param snapshot stored state @return the task */
    public static Task restore(TaskSnapshot snapshot) {
        return new Task(snapshot);
    }

    /**
     * Changes what the task says; a call that changes nothing records nothing.
     *
     * @param title       the title
     * @param description the description, or {@code null}
     * @param dueAt       the due time; when changed, not in the past
     * @param priority    the priority
     * @param link        what it is about, or {@code null}
     * @param remindAt    the reminder, or {@code null}; when changed, not in the past; never after the due time
     * @param now         the current time
     * @throws BusinessRuleViolationException {@code task_closed} when completed or cancelled
     * @throws InvalidValueException          naming the field refused
     */
    public void revise(String title, String description, Instant dueAt, TaskPriority priority, TaskLink link,
                       Instant remindAt, Instant now) {
        requireOpen();
        Objects.requireNonNull(priority, "priority");
        String checkedTitle = checkTitle(title);
        String checkedDescription = checkDescription(description);
        boolean reminderChanged = !Objects.equals(remindAt, s.remindAt());
        checkTimes(dueAt, !dueAt.equals(s.dueAt()), remindAt, reminderChanged, now);
        if (checkedTitle.equals(s.title()) && Objects.equals(checkedDescription, s.description())
                && dueAt.equals(s.dueAt()) && priority == s.priority() && Objects.equals(link, s.link())
                && !reminderChanged) {
            return;
        }
        s = new TaskSnapshot(s.id(), s.version(), checkedTitle, checkedDescription, dueAt, priority, s.status(),
                s.assignee(), s.department(), s.createdBy(), link, remindAt,
                reminderChanged ? null : s.reminderSentAt(), reminderChanged ? 0 : s.reminderAttempts(),
                reminderChanged ? null : s.reminderLastError(), s.createdAt(), now, null);
        record(new TaskEvents.TaskUpdated(s.id(), now));
    }

    /**
     * @param to         the new assignee (an active staff user; checked by the caller)
     * @param department their department, or {@code null}
     * @param now        the current time
     * @throws BusinessRuleViolationException {@code task_closed} when completed or cancelled
     */
    public void reassign(StaffId to, DepartmentId department, Instant now) {
        requireOpen();
        if (to.equals(s.assignee())) {
            return;
        }
        StaffId from = s.assignee();
        s = with(s.status(), to, department, s.link(), now, null);
        record(new TaskEvents.TaskReassigned(s.id(), from, to, now));
    }

    /** @param now the current time @throws BusinessRuleViolationException {@code task_closed} when closed */
    public void start(Instant now) {
        requireOpen();
        if (s.status() == TaskStatus.IN_PROGRESS) {
            return;
        }
        s = with(TaskStatus.IN_PROGRESS, s.assignee(), s.department(), s.link(), now, null);
        record(new TaskEvents.TaskStarted(s.id(), now));
    }

    /** @param now the current time @throws BusinessRuleViolationException {@code task_closed} when closed */
    public void complete(Instant now) {
        requireOpen();
        s = with(TaskStatus.COMPLETED, s.assignee(), s.department(), s.link(), now, now);
        record(new TaskEvents.TaskCompleted(s.id(), now));
    }

    /** @param now the current time @throws BusinessRuleViolationException {@code task_closed} when closed */
    public void cancel(Instant now) {
        requireOpen();
        s = with(TaskStatus.CANCELLED, s.assignee(), s.department(), s.link(), now, now);
        record(new TaskEvents.TaskCancelled(s.id(), now));
    }

    /**
     * Points the task at another record (a converted lead's customer).
     *
     * @param to  the new link
     * @param now the current time
     * @throws BusinessRuleViolationException {@code task_closed} when closed
     */
    public void relink(TaskLink to, Instant now) {
        requireOpen();
        Objects.requireNonNull(to, "to");
        if (to.equals(s.link())) {
            return;
        }
        TaskLink from = s.link();
        s = with(s.status(), s.assignee(), s.department(), to, now, null);
        record(new TaskEvents.TaskRelinked(s.id(), from, to, now));
    }

    /**
     * Replaces what staff wrote about an erased customer (the title, the description), which may name or describe
     * them; the link keeps only the customer's id. Also on a closed task: erasure reaches the history too.
     *
     * @param now the current time
     */
    public void eraseText(Instant now) {
        if (s.title().equals(ERASED_TITLE) && s.description() == null) {
            return;
        }
        s = new TaskSnapshot(s.id(), s.version(), ERASED_TITLE, null, s.dueAt(), s.priority(), s.status(),
                s.assignee(), s.department(), s.createdBy(), s.link(), s.remindAt(), s.reminderSentAt(),
                s.reminderAttempts(), s.reminderLastError(), s.createdAt(), now, s.closedAt());
        record(new TaskEvents.TaskUpdated(s.id(), now));
    }

    /**
     * @param asOf the reminder run's time
     * @return whether the reminder is due at that time and still to be sent
     */
    public boolean isReminderDue(Instant asOf) {
        Instant pending = s.pendingReminderAt();
        return pending != null && !pending.isAfter(asOf);
    }

    /**
     * The notifier took the reminder.
     *
     * @param now the current time
     * @throws BusinessRuleViolationException {@code reminder_not_due} unless a reminder is pending
     */
    public void reminderSent(Instant now) {
        requirePendingReminder();
        s = reminder(now, s.reminderAttempts(), s.reminderLastError(), now);
        record(new TaskEvents.ReminderSent(s.id(), s.assignee(), s.remindAt(), now));
    }

    /**
     * The notifier refused the reminder; it stays due, with the attempt counted.
     *
     * @param errorCode what the notifier threw (an error code or an exception's type), no personal data; stored as
     *                  at most 100 characters of {@code [A-Za-z0-9_.$-]} (others become {@code _}; none at all is
     *                  {@code unknown})
     * @param now       the current time
     * @throws BusinessRuleViolationException {@code reminder_not_due} unless a reminder is pending
     */
    public void reminderFailed(String errorCode, Instant now) {
        requirePendingReminder();
        String code = errorCode == null ? "" : ERROR_CODE_UNSAFE.matcher(errorCode).replaceAll("_");
        code = code.isEmpty() ? "unknown" : code.substring(0, Math.min(code.length(), ERROR_CODE_MAX));
        s = reminder(null, s.reminderAttempts() + 1, code, now);
        record(new TaskEvents.ReminderFailed(s.id(), s.reminderAttempts(), code, now));
    }

    private TaskSnapshot reminder(Instant sentAt, int attempts, String lastError, Instant now) {
        return new TaskSnapshot(s.id(), s.version(), s.title(), s.description(), s.dueAt(), s.priority(), s.status(),
                s.assignee(), s.department(), s.createdBy(), s.link(), s.remindAt(), sentAt, attempts, lastError,
                s.createdAt(), now, s.closedAt());
    }

    private TaskSnapshot with(TaskStatus status, StaffId assignee, DepartmentId department, TaskLink link,
                              Instant now, Instant closedAt) {
        return new TaskSnapshot(s.id(), s.version(), s.title(), s.description(), s.dueAt(), s.priority(), status,
                assignee, department, s.createdBy(), link, s.remindAt(), s.reminderSentAt(), s.reminderAttempts(),
                s.reminderLastError(), s.createdAt(), now, closedAt);
    }

    private void requirePendingReminder() {
        if (s.pendingReminderAt() == null) {
            throw new BusinessRuleViolationException(TaskError.REMINDER_NOT_DUE, "task " + s.id() + " has no reminder to send");
        }
    }

    private void requireOpen() {
        if (!s.status().isOpen()) {
            throw new BusinessRuleViolationException(TaskError.TASK_CLOSED, "task " + s.id() + " is "
                    + s.status().name().toLowerCase(java.util.Locale.ROOT) + " and takes no further change");
        }
    }

    private static void checkTimes(Instant dueAt, boolean dueChanged, Instant remindAt, boolean reminderChanged,
                                   Instant now) {
        if (dueAt == null) {
            throw new InvalidValueException("dueAt", "must not be null");
        }
        if (dueChanged) {
            checkNewDueAt(dueAt, now);
        }
        if (remindAt != null && reminderChanged && remindAt.isBefore(now)) {
            throw new InvalidValueException("reminderAt", "must not be in the past");
        }
        if (remindAt != null && remindAt.isAfter(dueAt)) {
            throw new InvalidValueException("reminderAt", "must not be after the due time");
        }
    }

    /**
     * The rule of a new task's due time, for a use case to check it with the other fields before anything is stored.
     *
     * @param dueAt the due time
     * @param now   the current time
     * @throws InvalidValueException ({@code dueAt}) when in the past
     */
    public static void checkNewDueAt(Instant dueAt, Instant now) {
        if (dueAt.isBefore(now)) {
            throw new InvalidValueException("dueAt", "must not be in the past");
        }
    }

    /**
     * The rules of a new task's reminder, for a use case to check it with the other fields before anything is stored.
     *
     * @param remindAt the reminder, or {@code null}
     * @param dueAt    the due time, or {@code null} when it was refused (then only the reminder's own rule is checked)
     * @param now      the current time
     * @throws InvalidValueException ({@code reminderAt}) when in the past or after the due time
     */
    public static void checkNewReminderAt(Instant remindAt, Instant dueAt, Instant now) {
        if (remindAt != null) {
            checkTimes(dueAt == null ? remindAt : dueAt, false, remindAt, true, now);
        }
    }

    /**
     * @param title a title as typed
     * @return it trimmed
     * @throws InvalidValueException ({@code title}) when blank, over 200 characters or holding control characters
     */
    public static String checkTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException("title", "must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > TITLE_MAX) {
            throw new InvalidValueException("title", "must be at most " + TITLE_MAX + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("title", "must not hold control characters");
        }
        return trimmed;
    }

    /**
     * @param description a description as typed, or {@code null}
     * @return it trimmed, or {@code null} when blank
     * @throws InvalidValueException ({@code description}) when over 2000 characters or holding control characters
     *                               other than line breaks and tabs
     */
    public static String checkDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String trimmed = description.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > DESCRIPTION_MAX) {
            throw new InvalidValueException("description", "must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException("description", "must not hold control characters other than line breaks");
        }
        return trimmed;
    }

    @Override
    protected Object identity() {
        return s.id();
    }

    /** @return the id */
    public TaskId id() {
        return s.id();
    }

    /** @return the current state */
    public TaskSnapshot snapshot() {
        return s.withVersion(version());
    }
}
