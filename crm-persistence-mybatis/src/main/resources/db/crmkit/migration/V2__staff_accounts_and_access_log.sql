-- crmkit schema, version 2: departments, staff users and their roles, login accounts, password reset tokens, the
-- access log, and the indexes of the audit trail search. Conventions as in V1: InnoDB, utf8mb4, BINARY(16) UUIDv7
-- ids made by the domain, UTC DATETIME(6), keys the application compares (emails, name keys, hashes) in a binary
-- collation, enum columns limited by CHECK to the names of their Java constants (a new constant needs a migration),
-- and unique indexes named uq_<table>__<field> where <field> is the port's field name (SqlErrors reports it).
--
-- Insert-only logs. crmkit never updates or deletes a row of crm_audit_entry or crm_access_log. A host can have the
-- server enforce that. Run the migrations as a schema owner (MyBatisCrmPersistence built on the owner's data source,
-- or Flyway itself on classpath:db/crmkit/migration with history table crm_schema_history), build the application's
-- adapter with migrate(false), and grant the application user table privileges one table at a time, never
-- ON schema.* (MySQL cannot take one table back from a schema-wide grant):
--   GRANT SELECT, INSERT ON app.crm_audit_entry TO 'crm_app'@'%';
--   GRANT SELECT, INSERT ON app.crm_access_log TO 'crm_app'@'%';
--   GRANT SELECT, INSERT, UPDATE, DELETE ON app.crm_customer TO 'crm_app'@'%';
--   ... and the same SELECT, INSERT, UPDATE, DELETE on crm_customer_tag, crm_department, crm_staff, crm_staff_role,
--   crm_account and crm_password_reset_token, SELECT, INSERT on crm_installation (a later migration's new tables
--   need their own grants).
-- The application user needs no privilege on crm_schema_history and no DDL privilege.
--
-- Foreign keys. crm_staff.department_id, crm_staff_role.staff_id and crm_password_reset_token.account_id reference
-- their parents. crm_department.manager_id references crm_staff as well: both columns are nullable, so the cycle
-- between the two tables never forces an order of inserts (a department can be created without a manager, a staff
-- user without a department), staff users are deactivated and never deleted, and the service already requires the
-- manager to exist; the key is added once crm_staff exists. crm_account.holder_id has no foreign key because it
-- names a staff user or a customer (holder_kind). crm_access_log.account_id has none on purpose: the log outlives
-- the account (a customer's erasure deletes the account), and the log is insert-only.

CREATE TABLE crm_department (
    id         BINARY(16)   NOT NULL,
    version    BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    name_key   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    manager_id BINARY(16)   NULL,
    active     BOOLEAN      NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_crm_department PRIMARY KEY (id),
    -- names are unique folded (case and accents ignored): DepartmentSnapshot.nameKey(); also the order of findAll
    CONSTRAINT uq_crm_department__name UNIQUE (name_key),
    CONSTRAINT ck_crm_department_version CHECK (version >= 0),
    CONSTRAINT ck_crm_department_name CHECK (CHAR_LENGTH(name) > 0 AND CHAR_LENGTH(name_key) > 0),
    INDEX ix_crm_department_manager (manager_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_staff (
    id            BINARY(16)   NOT NULL,
    version       BIGINT       NOT NULL,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    -- PersonName.sortKey(): the order of the staff search, by code point
    name_key      VARCHAR(210) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    work_email    VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    department_id BINARY(16)   NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_crm_staff PRIMARY KEY (id),
    CONSTRAINT uq_crm_staff__workEmail UNIQUE (work_email),
    CONSTRAINT fk_crm_staff_department FOREIGN KEY (department_id) REFERENCES crm_department (id),
    CONSTRAINT ck_crm_staff_version CHECK (version >= 0),
    INDEX ix_crm_staff_name (name_key, id),
    INDEX ix_crm_staff_department (department_id, name_key, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE crm_department
    ADD CONSTRAINT fk_crm_department_manager FOREIGN KEY (manager_id) REFERENCES crm_staff (id);

CREATE TABLE crm_staff_role (
    staff_id BINARY(16)  NOT NULL,
    role     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT pk_crm_staff_role PRIMARY KEY (staff_id, role),
    CONSTRAINT fk_crm_staff_role_staff FOREIGN KEY (staff_id) REFERENCES crm_staff (id) ON DELETE CASCADE,
    CONSTRAINT ck_crm_staff_role_role CHECK (role IN ('ADMIN', 'CRM_MANAGER', 'SALES_MANAGER', 'SALES_REP',
        'SUPPORT_MANAGER', 'SUPPORT_AGENT', 'PRODUCT_MANAGER')),
    -- StaffRepository.countActiveWithRoleForUpdate locks this index's range of one role (SELECT ... FOR UPDATE)
    INDEX ix_crm_staff_role_role (role, staff_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row once the first administrator was bootstrapped: StaffRepository.markBootstrapped inserts it, so of two
-- concurrent bootstraps exactly one gets the row, whatever the transaction isolation level.
CREATE TABLE crm_installation (
    id              TINYINT     NOT NULL,
    bootstrapped_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_installation PRIMARY KEY (id),
    CONSTRAINT ck_crm_installation_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_account (
    id                  BINARY(16)   NOT NULL,
    version             BIGINT       NOT NULL,
    holder_kind         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    holder_id           BINARY(16)   NOT NULL,
    login               VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- self-describing hash of the PasswordHasher (PBKDF2 by default, a host's own otherwise); NULL until set
    password_hash       VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    failed_attempts     INT          NOT NULL,
    first_failure_at    DATETIME(6)  NULL,
    locked_until        DATETIME(6)  NULL,
    password_changed_at DATETIME(6)  NULL,
    last_login_at       DATETIME(6)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    CONSTRAINT pk_crm_account PRIMARY KEY (id),
    CONSTRAINT uq_crm_account__login UNIQUE (login),
    CONSTRAINT uq_crm_account__holder UNIQUE (holder_kind, holder_id),
    CONSTRAINT ck_crm_account_version CHECK (version >= 0),
    CONSTRAINT ck_crm_account_failed_attempts CHECK (failed_attempts >= 0),
    CONSTRAINT ck_crm_account_holder_kind CHECK (holder_kind IN ('STAFF', 'CUSTOMER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Holds the SHA-256 of a token, never the token.
CREATE TABLE crm_password_reset_token (
    id         BINARY(16)  NOT NULL,
    account_id BINARY(16)  NOT NULL,
    token_hash VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT pk_crm_password_reset_token PRIMARY KEY (id),
    CONSTRAINT uq_crm_password_reset_token__tokenHash UNIQUE (token_hash),
    CONSTRAINT fk_crm_password_reset_token_account FOREIGN KEY (account_id) REFERENCES crm_account (id),
    INDEX ix_crm_password_reset_token_account (account_id, used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only, like the audit trail. Holds ids, event names and what the host knew of the caller.
CREATE TABLE crm_access_log (
    id             BINARY(16)   NOT NULL,
    at             DATETIME(6)  NOT NULL,
    event          VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    outcome        VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id     BINARY(16)   NULL,
    holder_kind    VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    holder_id      BINARY(16)   NULL,
    source_address VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    user_agent     VARCHAR(255) NULL,
    CONSTRAINT pk_crm_access_log PRIMARY KEY (id),
    CONSTRAINT ck_crm_access_log_event CHECK (event IN ('LOGIN', 'LOGOUT', 'PASSWORD_CHANGE',
        'PASSWORD_RESET_REQUEST', 'PASSWORD_RESET')),
    CONSTRAINT ck_crm_access_log_outcome CHECK (outcome IN ('SUCCESS', 'UNKNOWN_ACCOUNT', 'BAD_CREDENTIALS', 'LOCKED',
        'INACTIVE', 'INVALID_TOKEN')),
    CONSTRAINT ck_crm_access_log_holder CHECK ((holder_kind IS NULL AND holder_id IS NULL)
        OR (holder_kind IN ('STAFF', 'CUSTOMER') AND holder_id IS NOT NULL)),
    -- newest first, resumed after (at, id)
    INDEX ix_crm_access_log_at (at, id),
    INDEX ix_crm_access_log_account (account_id, at, id),
    -- AccessLog.countLogins: covering (event, outcome, at) range with the accounts to count distinct
    INDEX ix_crm_access_log_event (event, outcome, at, account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The audit trail search (AuditLog.search): newest first, resumed after (at, id). Entries of one actor, of one
-- action, of one target (V1's ix_crm_audit_target) or of a time range (V1's ix_crm_audit_at) are each read from an
-- index in that order. The actor index leads with actor_ref, not actor_type: a reference names one actor of one type,
-- so it serves a search by reference with or without the type, while the type alone (four values) is no use as a key.
-- actor_ref moves to a binary collation so that it matches exactly, as AuditCriteria does.
ALTER TABLE crm_audit_entry
    MODIFY actor_ref VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD INDEX ix_crm_audit_actor (actor_ref, at, id),
    ADD INDEX ix_crm_audit_action (action, at, id);
