-- crmkit schema, version 11: support tickets, their comments and their history. Conventions as in V1 to V6: InnoDB,
-- utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), values the application compares (category,
-- the lower-cased subject the text search reads) in a binary collation so that they match by code point as the
-- in-memory adapter does, enum columns limited by CHECK to the names of their Java constants.
--
-- SLA. A ticket stores its targets (copied from the policy when submitted or escalated, in seconds of business time)
-- and, per target, the instant it is due (NULL while its clock stands short of the target: the ticket waits on the
-- customer) and the instant it was met. Ticket recomputes the due instants on every change, so "breached as of t" is
-- a plain query: due before t and not met by the due instant (met later, or not at all). The *_notified_at columns
-- are not the ticket's:
-- checkSla claims a breach with a conditional update (SET x_notified_at = ? WHERE id = ? AND x_notified_at IS NULL)
-- and gives the claim back when the host's notifier throws (x_failures counts those); a versioned update of
-- the ticket never writes them.
--
-- Comments and history are append-only children, ordered by position (0, 1, ...). A ticket's row is versioned; its
-- children are inserted after the versioned update, which holds the row lock.
--
-- Foreign keys: the customer, the department queue, the assignee, the product and purchase it is about, the closed
-- ticket it follows up. A customer's erasure keeps the rows and overwrites their texts (subject, description,
-- comment bodies, history reasons) with "[erased]".
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_ticket and crm_ticket_comment (a comment's
-- body is overwritten by an erasure, nothing else of it ever changes); SELECT, INSERT, UPDATE (reason) on
-- crm_ticket_history (append-only but for an erasure overwriting its reasons). crmkit never deletes a row of these
-- tables.

CREATE TABLE crm_ticket (
    id                         BINARY(16)   NOT NULL,
    version                    BIGINT       NOT NULL,
    customer_id                BINARY(16)   NOT NULL,
    subject                    VARCHAR(200) NOT NULL,
    -- the subject lower-cased (Locale.ROOT) for the text search, compared by code point
    subject_key                VARCHAR(400) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    description                TEXT         NOT NULL,
    category                   VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    priority                   VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    channel                    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    purchase_id                BINARY(16)   NULL,
    product_id                 BINARY(16)   NULL,
    related_ticket_id          BINARY(16)   NULL,
    status                     VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    assignee_id                BINARY(16)   NULL,
    department_id              BINARY(16)   NULL,
    first_response_target_s    BIGINT       NOT NULL,
    resolution_target_s        BIGINT       NOT NULL,
    first_response_due_at      DATETIME(6)  NULL,
    first_responded_at         DATETIME(6)  NULL,
    resolution_due_at          DATETIME(6)  NULL,
    resolved_at                DATETIME(6)  NULL,
    created_at                 DATETIME(6)  NOT NULL,
    updated_at                 DATETIME(6)  NOT NULL,
    first_response_notified_at DATETIME(6)  NULL,
    first_response_failures    INT          NOT NULL DEFAULT 0,
    resolution_notified_at     DATETIME(6)  NULL,
    resolution_failures        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_crm_ticket PRIMARY KEY (id),
    CONSTRAINT fk_crm_ticket_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id),
    CONSTRAINT fk_crm_ticket_purchase FOREIGN KEY (purchase_id) REFERENCES crm_purchase (id),
    CONSTRAINT fk_crm_ticket_product FOREIGN KEY (product_id) REFERENCES crm_product (id),
    CONSTRAINT fk_crm_ticket_related FOREIGN KEY (related_ticket_id) REFERENCES crm_ticket (id),
    CONSTRAINT fk_crm_ticket_assignee FOREIGN KEY (assignee_id) REFERENCES crm_staff (id),
    CONSTRAINT fk_crm_ticket_department FOREIGN KEY (department_id) REFERENCES crm_department (id),
    CONSTRAINT ck_crm_ticket_version CHECK (version >= 0),
    CONSTRAINT ck_crm_ticket_subject CHECK (CHAR_LENGTH(subject) > 0),
    CONSTRAINT ck_crm_ticket_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    CONSTRAINT ck_crm_ticket_channel CHECK (channel IN ('WEB', 'EMAIL', 'PHONE', 'CHAT', 'STORE')),
    CONSTRAINT ck_crm_ticket_status CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED',
        'CLOSED')),
    CONSTRAINT ck_crm_ticket_targets CHECK (first_response_target_s > 0 AND resolution_target_s > 0),
    CONSTRAINT ck_crm_ticket_failures CHECK (first_response_failures >= 0 AND resolution_failures >= 0),
    -- search, newest first, resumed after (created_at, id); also the report's period
    INDEX ix_crm_ticket_created (created_at, id),
    INDEX ix_crm_ticket_customer (customer_id, created_at, id),
    INDEX ix_crm_ticket_queue (department_id, status),
    INDEX ix_crm_ticket_assignee (assignee_id, status),
    INDEX ix_crm_ticket_status (status, id),
    -- breaches: due before t
    INDEX ix_crm_ticket_first_response_due (first_response_due_at),
    INDEX ix_crm_ticket_resolution_due (resolution_due_at),
    INDEX ix_crm_ticket_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_ticket_comment (
    id          BINARY(16)  NOT NULL,
    ticket_id   BINARY(16)  NOT NULL,
    position    INT         NOT NULL,
    internal    BOOLEAN     NOT NULL,
    body        TEXT        NOT NULL,
    author_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- an id, or a system process's name (not personal data)
    author_ref  VARCHAR(64) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_ticket_comment PRIMARY KEY (id),
    CONSTRAINT uq_crm_ticket_comment__position UNIQUE (ticket_id, position),
    CONSTRAINT fk_crm_ticket_comment_ticket FOREIGN KEY (ticket_id) REFERENCES crm_ticket (id),
    CONSTRAINT ck_crm_ticket_comment_position CHECK (position >= 0),
    CONSTRAINT ck_crm_ticket_comment_author CHECK (author_type IN ('STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_ticket_history (
    id         BINARY(16)   NOT NULL,
    ticket_id  BINARY(16)   NOT NULL,
    position   INT          NOT NULL,
    kind       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_value VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    to_value   VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
    at         DATETIME(6)  NOT NULL,
    by_type    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    by_ref     VARCHAR(64)  NOT NULL,
    reason     VARCHAR(500) NULL,
    CONSTRAINT pk_crm_ticket_history PRIMARY KEY (id),
    CONSTRAINT uq_crm_ticket_history__position UNIQUE (ticket_id, position),
    CONSTRAINT fk_crm_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES crm_ticket (id),
    CONSTRAINT ck_crm_ticket_history_position CHECK (position >= 0),
    CONSTRAINT ck_crm_ticket_history_kind CHECK (kind IN ('STATUS', 'PRIORITY', 'ASSIGNMENT')),
    CONSTRAINT ck_crm_ticket_history_by CHECK (by_type IN ('STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
