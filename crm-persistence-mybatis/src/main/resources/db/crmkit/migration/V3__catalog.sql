-- crmkit schema, version 3: the product catalog, a tree of categories and the products. Conventions as in V1 and V2:
-- InnoDB, utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), keys the application compares (name
-- keys, SKUs) in a binary collation so that they match and sort by code point as the in-memory adapter does, enum
-- columns limited by CHECK to the names of their Java constants, unique indexes named uq_<table>__<field> where
-- <field> is the port's field name (SqlErrors reports it), and Money as DECIMAL(19,4) beside its ISO 4217 code.
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE, DELETE on crm_category and crm_product.

CREATE TABLE crm_category (
    id         BINARY(16)   NOT NULL,
    version    BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    -- CategorySnapshot.nameKey(): folded (case and accents ignored); unique among siblings, the order of findAll
    name_key   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    parent_id  BINARY(16)   NULL,
    -- parent_id, or 16 zero bytes for a top-level category (no UUIDv7 is all zeros): a unique index admits many
    -- NULLs, so the sibling uniqueness of top-level names needs a NOT NULL column (without a generated column, the
    -- same on MySQL 8 and MariaDB)
    parent_key BINARY(16)   NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_crm_category PRIMARY KEY (id),
    CONSTRAINT uq_crm_category__name UNIQUE (parent_key, name_key),
    CONSTRAINT fk_crm_category_parent FOREIGN KEY (parent_id) REFERENCES crm_category (id),
    CONSTRAINT ck_crm_category_version CHECK (version >= 0),
    CONSTRAINT ck_crm_category_name CHECK (CHAR_LENGTH(name) > 0),
    CONSTRAINT ck_crm_category_parent_key CHECK (
        (parent_id IS NULL AND parent_key = X'00000000000000000000000000000000')
        OR (parent_id IS NOT NULL AND parent_key = parent_id)),
    CONSTRAINT ck_crm_category_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
    INDEX ix_crm_category_name (name_key, id),
    INDEX ix_crm_category_parent (parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_product (
    id          BINARY(16)    NOT NULL,
    version     BIGINT        NOT NULL,
    -- Product.normalizeSku(): upper case ASCII letters, digits and . _ / -
    sku         VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    -- ProductSnapshot.nameKey(): the order of the product search, by code point, and its name prefix filter
    name_key    VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    description VARCHAR(2000) NULL,
    category_id BINARY(16)    NULL,
    list_price  DECIMAL(19,4) NOT NULL,
    currency    CHAR(3)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status      VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_crm_product PRIMARY KEY (id),
    CONSTRAINT uq_crm_product__sku UNIQUE (sku),
    CONSTRAINT fk_crm_product_category FOREIGN KEY (category_id) REFERENCES crm_category (id),
    CONSTRAINT ck_crm_product_version CHECK (version >= 0),
    CONSTRAINT ck_crm_product_name CHECK (CHAR_LENGTH(name) > 0),
    CONSTRAINT ck_crm_product_list_price CHECK (list_price >= 0),
    CONSTRAINT ck_crm_product_status CHECK (status IN ('ACTIVE', 'RETIRED')),
    INDEX ix_crm_product_name (name_key, id),
    INDEX ix_crm_product_category (category_id, name_key, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
