-- crmkit schema, version 8: leads of the sales pipeline with their append-only stage history and the explanation of
-- their score, and interactions (calls, emails, meetings, notes) logged against customers and leads. Conventions as in
-- V1 to V6: InnoDB, utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), enum columns limited by CHECK
-- to the names of their Java constants, Money as DECIMAL(19,4) with its ISO 4217 code beside it, folded search keys
-- (PersonName.fold) in a binary collation so that prefixes match by code point as the in-memory adapter does.
--
-- Foreign keys. A lead's owner and an interaction's staff member reference crm_staff (staff users are deactivated,
-- never deleted); a lead's converted customer and an interaction's customer reference crm_customer (an erasure empties
-- the customer in place and keeps the row); an interaction's lead references crm_lead. crmkit deletes no lead and no
-- interaction. The stage history and the score reasons reference their lead.
--
-- Locking (MyBatisLeadRepository). A conversion and the lead's last-activity update read the lead row FOR UPDATE;
-- what they read of its children then uses locking reads too (LOCK IN SHARE MODE), so that the history they append to
-- is the latest one even when the transaction's snapshot is older than the row they locked.
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_lead and crm_interaction (versions move; a
-- conversion moves interactions to the customer; a customer's erasure blanks the personal data of the leads converted
-- into them and of their interactions); SELECT, INSERT, UPDATE on crm_lead_stage_change (append-only but for the
-- erasure, which replaces the reasons; LOCK IN SHARE MODE needs only SELECT from MySQL 8.0.22); SELECT, INSERT,
-- DELETE on crm_lead_score_reason (rewritten with the score).

CREATE TABLE crm_lead (
    id                    BINARY(16)    NOT NULL,
    version               BIGINT        NOT NULL,
    first_name            VARCHAR(100)  NOT NULL,
    last_name             VARCHAR(100)  NOT NULL,
    first_name_key        VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    last_name_key         VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    company               VARCHAR(200)  NULL,
    company_key           VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    email                 VARCHAR(254)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    phone                 VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    source                VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    estimated_value       DECIMAL(19,4) NULL,
    estimated_currency    CHAR(3)       CHARACTER SET ascii COLLATE ascii_bin NULL,
    notes                 VARCHAR(2000) NULL,
    owner_id              BINARY(16)    NULL,
    assigned_at           DATETIME(6)   NULL,
    stage                 VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lost_reason           VARCHAR(2000) NULL,
    score                 INT           NOT NULL,
    interactions          INT           NOT NULL,
    created_at            DATETIME(6)   NOT NULL,
    last_activity_at      DATETIME(6)   NOT NULL,
    converted_customer_id BINARY(16)    NULL,
    CONSTRAINT pk_crm_lead PRIMARY KEY (id),
    CONSTRAINT fk_crm_lead_owner FOREIGN KEY (owner_id) REFERENCES crm_staff (id),
    CONSTRAINT fk_crm_lead_customer FOREIGN KEY (converted_customer_id) REFERENCES crm_customer (id),
    CONSTRAINT ck_crm_lead_version CHECK (version >= 0),
    CONSTRAINT ck_crm_lead_source CHECK (source IN ('WEB_FORM', 'REFERRAL', 'CAMPAIGN', 'IMPORT', 'OTHER')),
    CONSTRAINT ck_crm_lead_stage CHECK (stage IN ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')),
    -- a reason exactly while lost
    CONSTRAINT ck_crm_lead_lost_reason CHECK ((stage = 'LOST') = (lost_reason IS NOT NULL)),
    CONSTRAINT ck_crm_lead_value CHECK ((estimated_value IS NULL) = (estimated_currency IS NULL)
        AND (estimated_value IS NULL OR estimated_value >= 0)),
    CONSTRAINT ck_crm_lead_owner CHECK ((owner_id IS NULL) = (assigned_at IS NULL)),
    CONSTRAINT ck_crm_lead_counts CHECK (score >= 0 AND interactions >= 0),
    -- a won lead is a converted one
    CONSTRAINT ck_crm_lead_won CHECK (stage <> 'WON' OR converted_customer_id IS NOT NULL),
    INDEX ix_crm_lead_created (created_at, id),
    INDEX ix_crm_lead_score (score, id),
    INDEX ix_crm_lead_owner (owner_id, assigned_at),
    -- a sales rep's searches (owner_id = ?) in creation or score order, resumed after (key, id)
    INDEX ix_crm_lead_owner_created (owner_id, created_at, id),
    INDEX ix_crm_lead_owner_score (owner_id, score, id),
    INDEX ix_crm_lead_stage (stage, created_at),
    INDEX ix_crm_lead_first_name (first_name_key),
    INDEX ix_crm_lead_last_name (last_name_key),
    INDEX ix_crm_lead_company (company_key),
    INDEX ix_crm_lead_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: one row per stage change (from, to, when, who), the raw material of funnel and conversion reports.
CREATE TABLE crm_lead_stage_change (
    lead_id    BINARY(16)    NOT NULL,
    change_no  INT           NOT NULL,
    -- NULL for the creation
    from_stage VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    to_stage   VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    actor_type VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor_ref  VARCHAR(64)   NOT NULL,
    reason     VARCHAR(2000) NULL,
    CONSTRAINT pk_crm_lead_stage_change PRIMARY KEY (lead_id, change_no),
    CONSTRAINT fk_crm_lead_stage_change_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id),
    CONSTRAINT ck_crm_lead_stage_change_no CHECK (change_no >= 1),
    CONSTRAINT ck_crm_lead_stage_change_from CHECK (from_stage IS NULL
        OR from_stage IN ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')),
    CONSTRAINT ck_crm_lead_stage_change_to CHECK (to_stage IN ('NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST')),
    CONSTRAINT ck_crm_lead_stage_change_actor CHECK (actor_type IN ('STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS')),
    -- funnel reports: transitions into a stage over a period
    INDEX ix_crm_lead_stage_change_to (to_stage, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The rules that produced a lead's current score, in rule order; rewritten whenever the score is.
CREATE TABLE crm_lead_score_reason (
    lead_id   BINARY(16)   NOT NULL,
    reason_no INT          NOT NULL,
    rule_name VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    points    INT          NOT NULL,
    detail    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_crm_lead_score_reason PRIMARY KEY (lead_id, reason_no),
    CONSTRAINT fk_crm_lead_score_reason_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id),
    CONSTRAINT ck_crm_lead_score_reason_points CHECK (points >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_interaction (
    id               BINARY(16)    NOT NULL,
    version          BIGINT        NOT NULL,
    type             VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- NULL while it belongs to a lead only; set when the lead is converted
    customer_id      BINARY(16)    NULL,
    -- the lead it was logged against, kept after a conversion as its origin
    lead_id          BINARY(16)    NULL,
    occurred_at      DATETIME(6)   NOT NULL,
    duration_seconds BIGINT        NULL,
    direction        VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    subject          VARCHAR(200)  NOT NULL,
    summary          VARCHAR(4000) NULL,
    staff_id         BINARY(16)    NOT NULL,
    outcome          VARCHAR(200)  NULL,
    logged_at        DATETIME(6)   NOT NULL,
    CONSTRAINT pk_crm_interaction PRIMARY KEY (id),
    CONSTRAINT fk_crm_interaction_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id),
    CONSTRAINT fk_crm_interaction_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id),
    CONSTRAINT fk_crm_interaction_staff FOREIGN KEY (staff_id) REFERENCES crm_staff (id),
    CONSTRAINT ck_crm_interaction_version CHECK (version >= 0),
    CONSTRAINT ck_crm_interaction_type CHECK (type IN ('CALL', 'EMAIL', 'MEETING', 'NOTE')),
    CONSTRAINT ck_crm_interaction_direction CHECK (direction IS NULL OR direction IN ('INBOUND', 'OUTBOUND')),
    CONSTRAINT ck_crm_interaction_subject CHECK (customer_id IS NOT NULL OR lead_id IS NOT NULL),
    CONSTRAINT ck_crm_interaction_duration CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
    -- the timelines, newest first, resumed after (occurred_at, id)
    INDEX ix_crm_interaction_customer (customer_id, occurred_at, id),
    INDEX ix_crm_interaction_lead (lead_id, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
