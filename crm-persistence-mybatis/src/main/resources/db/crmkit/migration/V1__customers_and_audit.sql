-- crmkit schema, version 1: customers, their tags, and the audit trail.
-- InnoDB, utf8mb4; ids are UUIDv7 made by the domain (BINARY(16)); times are UTC DATETIME(6).
-- Keys compared by the application (emails, name keys, tags) use utf8mb4_bin so that the database orders and
-- matches them by code point, exactly as the in-memory adapter does.

CREATE TABLE crm_customer (
    id                 BINARY(16)   NOT NULL,
    version            BIGINT       NOT NULL,
    first_name         VARCHAR(100) NULL,
    last_name          VARCHAR(100) NULL,
    name_key           VARCHAR(210) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    first_name_key     VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    email              VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    phone              VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    address_line1      VARCHAR(200) NULL,
    address_line2      VARCHAR(200) NULL,
    postal_code        VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    city               VARCHAR(100) NULL,
    region             VARCHAR(100) NULL,
    country_code       CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    date_of_birth      DATE         NULL,
    gender             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    registered_at      DATETIME(6)  NOT NULL,
    status             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    consent_given      BOOLEAN      NOT NULL,
    consent_changed_at DATETIME(6)  NULL,
    account_manager_id BINARY(16)   NULL,
    source             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    external_ref       VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    erased_at          DATETIME(6)  NULL,
    CONSTRAINT pk_crm_customer PRIMARY KEY (id),
    -- Unique among customers that are not erased: erasure sets these to NULL, and a unique index admits many NULLs
    -- (the same on MySQL 8 and MariaDB, without a generated column).
    CONSTRAINT uq_crm_customer__email UNIQUE (email),
    CONSTRAINT uq_crm_customer__phone UNIQUE (phone),
    CONSTRAINT uq_crm_customer__externalReference UNIQUE (external_ref),
    CONSTRAINT ck_crm_customer_version CHECK (version >= 0),
    CONSTRAINT ck_crm_customer_status CHECK (status IN ('ACTIVE', 'INACTIVE', 'ERASED')),
    CONSTRAINT ck_crm_customer_source CHECK (source IN ('WEB', 'IMPORT', 'REFERRAL', 'OTHER')),
    CONSTRAINT ck_crm_customer_gender CHECK (gender IS NULL OR gender IN ('FEMALE', 'MALE', 'DIVERSE', 'UNDISCLOSED')),
    -- A customer that is not erased has a name and an email; an erased one holds no personal field at all.
    CONSTRAINT ck_crm_customer_contact CHECK (status = 'ERASED'
        OR (first_name IS NOT NULL AND last_name IS NOT NULL AND email IS NOT NULL)),
    CONSTRAINT ck_crm_customer_erased CHECK (status <> 'ERASED'
        OR (first_name IS NULL AND last_name IS NULL AND email IS NULL AND phone IS NULL AND address_line1 IS NULL
            AND address_line2 IS NULL AND postal_code IS NULL AND city IS NULL AND region IS NULL
            AND date_of_birth IS NULL AND gender IS NULL AND external_ref IS NULL AND name_key = ''
            AND first_name_key IS NULL AND erased_at IS NOT NULL)),
    INDEX ix_crm_customer_name (name_key, id),
    INDEX ix_crm_customer_first_name (first_name_key),
    INDEX ix_crm_customer_registered (registered_at, id),
    INDEX ix_crm_customer_manager (account_manager_id),
    INDEX ix_crm_customer_country (country_code),
    INDEX ix_crm_customer_postal (postal_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_customer_tag (
    customer_id BINARY(16)  NOT NULL,
    tag         VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT pk_crm_customer_tag PRIMARY KEY (customer_id, tag),
    CONSTRAINT fk_crm_customer_tag_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id) ON DELETE CASCADE,
    INDEX ix_crm_customer_tag_tag (tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: crmkit never updates or deletes an entry. Holds ids and action names, never personal data.
CREATE TABLE crm_audit_entry (
    id          BINARY(16)  NOT NULL,
    at          DATETIME(6) NOT NULL,
    actor_type  VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor_ref   VARCHAR(64) NOT NULL,
    action      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target_type VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target_id   BINARY(16)  NULL,
    outcome     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT pk_crm_audit_entry PRIMARY KEY (id),
    CONSTRAINT ck_crm_audit_actor CHECK (actor_type IN ('STAFF', 'CUSTOMER', 'SYSTEM', 'ANONYMOUS')),
    CONSTRAINT ck_crm_audit_outcome CHECK (outcome IN ('SUCCESS', 'DENIED')),
    INDEX ix_crm_audit_target (target_type, target_id, at, id),
    INDEX ix_crm_audit_at (at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
