-- crmkit schema, version 9: tasks and their reminders. Conventions as in V1 to V6: InnoDB, utf8mb4, BINARY(16) UUIDv7
-- ids made by the domain, UTC DATETIME(6), enum columns limited by CHECK to the names of their Java constants.
--
-- A task belongs to its assignee (an active staff user when assigned) and its creator (NULL when the system made it),
-- and to the department the assignee was in when assigned (NULL for none); all three reference their tables. The link
-- (what the task is about: a customer, a lead, later a ticket) is a kind and an id without a foreign key: it points
-- into other areas' tables, and an erased customer keeps their tasks.
--
-- The reminder lives on the task row: remind_at, when it went out (reminder_sent_at), failed attempts and the last
-- failure's error code (a code or exception type, never a message). reminder_pending_at is remind_at while the
-- reminder is still to be sent (not sent, fewer than 10 failures, task open), else NULL; the adapter writes it from
-- TaskSnapshot.pendingReminderAt(), so the reminder run finds due reminders by one index range on
-- (reminder_pending_at, id) and claims each with SELECT ... FOR UPDATE SKIP LOCKED (MySQL 8.0+, MariaDB 10.6+).
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_task (tasks are never deleted).

CREATE TABLE crm_task (
    id                  BINARY(16)    NOT NULL,
    version             BIGINT        NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(2000) NULL,
    due_at              DATETIME(6)   NOT NULL,
    priority            VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status              VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    assignee_id         BINARY(16)    NOT NULL,
    department_id       BINARY(16)    NULL,
    created_by          BINARY(16)    NULL,
    link_kind           VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    link_id             BINARY(16)    NULL,
    remind_at           DATETIME(6)   NULL,
    reminder_sent_at    DATETIME(6)   NULL,
    reminder_attempts   INT           NOT NULL,
    reminder_last_error VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    reminder_pending_at DATETIME(6)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    closed_at           DATETIME(6)   NULL,
    CONSTRAINT pk_crm_task PRIMARY KEY (id),
    CONSTRAINT fk_crm_task_assignee FOREIGN KEY (assignee_id) REFERENCES crm_staff (id),
    CONSTRAINT fk_crm_task_department FOREIGN KEY (department_id) REFERENCES crm_department (id),
    CONSTRAINT fk_crm_task_created_by FOREIGN KEY (created_by) REFERENCES crm_staff (id),
    CONSTRAINT ck_crm_task_version CHECK (version >= 0),
    CONSTRAINT ck_crm_task_title CHECK (CHAR_LENGTH(title) > 0),
    CONSTRAINT ck_crm_task_priority CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    CONSTRAINT ck_crm_task_status CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_crm_task_link_kind CHECK (link_kind IN ('CUSTOMER', 'LEAD', 'TICKET')),
    CONSTRAINT ck_crm_task_link CHECK ((link_kind IS NULL) = (link_id IS NULL)),
    CONSTRAINT ck_crm_task_reminder CHECK (remind_at IS NULL OR remind_at <= due_at),
    CONSTRAINT ck_crm_task_reminder_attempts CHECK (reminder_attempts >= 0),
    CONSTRAINT ck_crm_task_reminder_pending CHECK (reminder_pending_at IS NULL
        OR (reminder_pending_at = remind_at AND reminder_sent_at IS NULL
            AND status IN ('PENDING', 'IN_PROGRESS'))),
    CONSTRAINT ck_crm_task_closed CHECK ((closed_at IS NULL) = (status IN ('PENDING', 'IN_PROGRESS'))),
    -- "my tasks": an assignee's tasks in a state, by due time, resumed after (due_at, id)
    INDEX ix_crm_task_assignee (assignee_id, status, due_at, id),
    -- tasks in one state by due time
    INDEX ix_crm_task_status_due (status, due_at, id),
    -- open tasks (both open states: closed_at IS NULL, see ck_crm_task_closed) by due time, an assignee's and all
    -- (overdue tasks), resumed after (due_at, id): one range of the index in ORDER BY's order, unlike status IN
    INDEX ix_crm_task_assignee_open (assignee_id, closed_at, due_at, id),
    INDEX ix_crm_task_open_due (closed_at, due_at, id),
    -- the reminder run's scan
    INDEX ix_crm_task_reminder (reminder_pending_at, id),
    -- a lead's open tasks on its conversion, a customer's tasks on their erasure
    INDEX ix_crm_task_link (link_id, link_kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
