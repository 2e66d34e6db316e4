-- crmkit schema, version 18: the second factor of logins (TOTP, RFC 6238; issue 18, ADR 0016).
--
-- One row per account that enrolled a second factor (pending until its first code, then active). The secret is kept
-- as crmkit sealed it: text that names its scheme first ("plain:" and Base32 until encryption at rest covers it), so
-- read this table as a credential store; the recovery codes and the open login challenge are kept as SHA-256 only.
-- The unused recovery codes' hashes share one column (space-separated): nothing queries them, a used one is removed by
-- the versioned update of the row, which also serializes two logins that give the same code. A row goes when its
-- holder disables it, an administrator resets it, or the account is erased (before the account: the foreign key).
--
-- Grants (the embedding guide's table-level list): SELECT, INSERT, UPDATE, DELETE on crm_second_factor (the logins
-- read it FOR UPDATE).
CREATE TABLE crm_second_factor (
    account_id           BINARY(16)    NOT NULL,
    version              BIGINT        NOT NULL,
    status               VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    secret               VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    confirmed_at         DATETIME(6)   NULL,
    -- the TOTP time step (Unix time / 30) of the last code accepted: a code of that step or an earlier one is refused
    last_accepted_step   BIGINT        NULL,
    recovery_code_hashes VARCHAR(1300) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    challenge_hash       VARCHAR(128)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    challenge_expires_at DATETIME(6)   NULL,
    failed_attempts      INT           NOT NULL,
    first_failure_at     DATETIME(6)   NULL,
    locked_until         DATETIME(6)   NULL,
    CONSTRAINT pk_crm_second_factor PRIMARY KEY (account_id),
    CONSTRAINT uq_crm_second_factor__challengeHash UNIQUE (challenge_hash),
    CONSTRAINT fk_crm_second_factor_account FOREIGN KEY (account_id) REFERENCES crm_account (id),
    CONSTRAINT ck_crm_second_factor_version CHECK (version >= 0),
    CONSTRAINT ck_crm_second_factor_status CHECK (status IN ('PENDING', 'ACTIVE')),
    CONSTRAINT ck_crm_second_factor_failed_attempts CHECK (failed_attempts >= 0),
    CONSTRAINT ck_crm_second_factor_challenge CHECK ((challenge_hash IS NULL) = (challenge_expires_at IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The access log's new events and outcomes (AccessEvent, AccessOutcome). Dropped and added again in two statements
-- (MySQL 8.0.19+ and MariaDB both know DROP CONSTRAINT); adding a CHECK validates every row, so on a large access log
-- this migration takes a while.
ALTER TABLE crm_access_log
    DROP CONSTRAINT ck_crm_access_log_event,
    DROP CONSTRAINT ck_crm_access_log_outcome;
ALTER TABLE crm_access_log
    ADD CONSTRAINT ck_crm_access_log_event CHECK (event IN ('LOGIN', 'LOGOUT', 'PASSWORD_CHANGE',
        'PASSWORD_RESET_REQUEST', 'PASSWORD_RESET', 'SECOND_FACTOR', 'MFA_ENROLMENT', 'MFA_DISABLE')),
    ADD CONSTRAINT ck_crm_access_log_outcome CHECK (outcome IN ('SUCCESS', 'UNKNOWN_ACCOUNT', 'BAD_CREDENTIALS',
        'LOCKED', 'INACTIVE', 'INVALID_TOKEN', 'SECOND_FACTOR_REQUIRED', 'ENROLMENT_REQUIRED', 'REPLAYED_CODE'));
