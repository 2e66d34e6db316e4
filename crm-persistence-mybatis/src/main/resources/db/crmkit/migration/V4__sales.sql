-- crmkit schema, version 4: purchases, their lines, and the returns made against them. Conventions as in V1 to V3:
-- InnoDB, utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), keys the application compares (the
-- source and external reference) in a binary collation so that they match by code point as the in-memory adapter
-- does, enum columns limited by CHECK to the names of their Java constants, unique indexes named uq_<table>__<field>
-- where <field> is the port's field name (SqlErrors reports it), and Money as DECIMAL(19,4): a purchase's one ISO 4217
-- code in crm_purchase.currency applies to every amount of its lines and returns.
--
-- A purchase's total is never stored: it is the sum of its lines as bought (quantity times unit price).
--
-- Foreign keys. crm_purchase.customer_id has none on purpose: a customer's erasure empties the customer in place and
-- the purchases stay (GDPR erasure removes personal data, not the sales figures), and an anonymous sale has no
-- customer. crm_purchase_line.product_id references crm_product (products are retired, never deleted). The lines and
-- returns reference their purchase, the return lines their return; crmkit never deletes any of them. A return line's
-- line_number names a line of the same purchase: Purchase.returnLines checks it, and crm_purchase_line.returned
-- (at most the quantity bought) holds the running sum the returns took back.
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_purchase and crm_purchase_line (the
-- version and the returned quantities move on); SELECT, INSERT on crm_purchase_return and crm_purchase_return_line
-- (append-only).

CREATE TABLE crm_purchase (
    id                 BINARY(16)  NOT NULL,
    version            BIGINT      NOT NULL,
    -- NULL for an anonymous sale; no foreign key (see above)
    customer_id        BINARY(16)  NULL,
    occurred_at        DATETIME(6) NOT NULL,
    channel            VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- free text, stripped by the domain: the reference is unique per source, matched exactly
    source             VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    external_reference VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    currency           CHAR(3)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recorded_at        DATETIME(6) NOT NULL,
    CONSTRAINT pk_crm_purchase PRIMARY KEY (id),
    CONSTRAINT uq_crm_purchase__externalReference UNIQUE (source, external_reference),
    CONSTRAINT ck_crm_purchase_version CHECK (version >= 0),
    CONSTRAINT ck_crm_purchase_channel CHECK (channel IN ('STORE', 'WEB', 'PHONE', 'IMPORT', 'OTHER')),
    CONSTRAINT ck_crm_purchase_reference CHECK (CHAR_LENGTH(source) > 0 AND CHAR_LENGTH(external_reference) > 0),
    -- a customer's history, newest first, resumed after (occurred_at, id); also their totals
    INDEX ix_crm_purchase_customer (customer_id, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_purchase_line (
    purchase_id BINARY(16)    NOT NULL,
    line_number INT           NOT NULL,
    product_id  BINARY(16)    NOT NULL,
    quantity    INT           NOT NULL,
    unit_price  DECIMAL(19,4) NOT NULL,
    -- how many of the quantity the returns took back so far
    returned    INT           NOT NULL,
    CONSTRAINT pk_crm_purchase_line PRIMARY KEY (purchase_id, line_number),
    CONSTRAINT fk_crm_purchase_line_purchase FOREIGN KEY (purchase_id) REFERENCES crm_purchase (id),
    CONSTRAINT fk_crm_purchase_line_product FOREIGN KEY (product_id) REFERENCES crm_product (id),
    CONSTRAINT ck_crm_purchase_line_number CHECK (line_number >= 1),
    CONSTRAINT ck_crm_purchase_line_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_crm_purchase_line_unit_price CHECK (unit_price >= 0),
    CONSTRAINT ck_crm_purchase_line_returned CHECK (returned >= 0 AND returned <= quantity),
    INDEX ix_crm_purchase_line_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: a return is inserted with the purchase's next version and never changed.
CREATE TABLE crm_purchase_return (
    id          BINARY(16)    NOT NULL,
    purchase_id BINARY(16)    NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    -- the sum of its lines' refunds
    refund      DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_crm_purchase_return PRIMARY KEY (id),
    CONSTRAINT fk_crm_purchase_return_purchase FOREIGN KEY (purchase_id) REFERENCES crm_purchase (id),
    CONSTRAINT ck_crm_purchase_return_refund CHECK (refund >= 0),
    -- a purchase's returns, oldest first
    INDEX ix_crm_purchase_return_purchase (purchase_id, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_purchase_return_line (
    return_id   BINARY(16)    NOT NULL,
    line_number INT           NOT NULL,
    quantity    INT           NOT NULL,
    -- quantity times the line's unit price
    refund      DECIMAL(19,4) NOT NULL,
    CONSTRAINT pk_crm_purchase_return_line PRIMARY KEY (return_id, line_number),
    CONSTRAINT fk_crm_purchase_return_line_return FOREIGN KEY (return_id) REFERENCES crm_purchase_return (id),
    CONSTRAINT ck_crm_purchase_return_line_number CHECK (line_number >= 1),
    CONSTRAINT ck_crm_purchase_return_line_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_crm_purchase_return_line_refund CHECK (refund >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
