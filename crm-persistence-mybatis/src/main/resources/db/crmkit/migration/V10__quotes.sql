-- crmkit schema, version 10: quotes and their lines. Conventions as in V1 to V6: InnoDB, utf8mb4, BINARY(16) UUIDv7
-- ids made by the domain, UTC DATETIME(6), enum columns limited by CHECK to the names of their Java constants, unique
-- indexes named uq_<table>__<field> where <field> is the port's field name (SqlErrors reports it), and Money as
-- DECIMAL(19,4): a quote's one ISO 4217 code in crm_quote.currency applies to every price of its lines.
--
-- A quote's total is never stored: it is the sum of its priced lines (quantity times unit price).
--
-- Foreign keys. customer_id references crm_customer (a customer's erasure empties the row in place, so the quote
-- stays; quotes are never deleted). purchase_id references the purchase an acceptance recorded, at most one quote
-- per purchase. answered_by names the staff user who answered, without a key, as the audit trail names its actors
-- (the system answers with none). The lines reference their quote and product (products are retired, never deleted).
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_quote and crm_quote_line.

CREATE TABLE crm_quote (
    id           BINARY(16)  NOT NULL,
    version      BIGINT      NOT NULL,
    customer_id  BINARY(16)  NOT NULL,
    currency     CHAR(3)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- what the requester wrote, stripped, at most 2,000 characters
    message      TEXT        NULL,
    status       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    answered_at  DATETIME(6) NULL,
    answered_by  BINARY(16)  NULL,
    -- exclusive: the offer may be accepted before this instant
    valid_until  DATETIME(6) NULL,
    -- the answer's terms, stripped, at most 4,000 characters
    terms        TEXT        NULL,
    -- when it was accepted, rejected or expired
    closed_at    DATETIME(6) NULL,
    purchase_id  BINARY(16)  NULL,
    rejection    VARCHAR(500) NULL,
    CONSTRAINT pk_crm_quote PRIMARY KEY (id),
    CONSTRAINT fk_crm_quote_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id),
    CONSTRAINT fk_crm_quote_purchase FOREIGN KEY (purchase_id) REFERENCES crm_purchase (id),
    CONSTRAINT uq_crm_quote__purchase UNIQUE (purchase_id),
    CONSTRAINT ck_crm_quote_version CHECK (version >= 0),
    CONSTRAINT ck_crm_quote_status CHECK (status IN ('REQUESTED', 'QUOTED', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    -- every state after REQUESTED carries its answer
    CONSTRAINT ck_crm_quote_answer CHECK (status = 'REQUESTED'
        OR (answered_at IS NOT NULL AND valid_until IS NOT NULL)),
    -- exactly the accepted quotes hold a purchase, exactly the final ones a closing time
    CONSTRAINT ck_crm_quote_purchase CHECK ((status = 'ACCEPTED') = (purchase_id IS NOT NULL)),
    CONSTRAINT ck_crm_quote_closed CHECK ((status IN ('ACCEPTED', 'REJECTED', 'EXPIRED')) = (closed_at IS NOT NULL)),
    -- a customer's quotes by request time (and the searches narrowed to customers)
    INDEX ix_crm_quote_customer (customer_id, requested_at, id),
    -- the staff search by status
    INDEX ix_crm_quote_status (status, requested_at, id),
    -- the unfiltered staff search
    INDEX ix_crm_quote_requested (requested_at, id),
    -- the expiry batch: quoted offers by validity
    INDEX ix_crm_quote_expiry (status, valid_until, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_quote_line (
    quote_id    BINARY(16)    NOT NULL,
    line_number INT           NOT NULL,
    product_id  BINARY(16)    NOT NULL,
    quantity    INT           NOT NULL,
    -- NULL until the quote is answered
    unit_price  DECIMAL(19,4) NULL,
    CONSTRAINT pk_crm_quote_line PRIMARY KEY (quote_id, line_number),
    CONSTRAINT fk_crm_quote_line_quote FOREIGN KEY (quote_id) REFERENCES crm_quote (id),
    CONSTRAINT fk_crm_quote_line_product FOREIGN KEY (product_id) REFERENCES crm_product (id),
    CONSTRAINT ck_crm_quote_line_number CHECK (line_number >= 1),
    CONSTRAINT ck_crm_quote_line_quantity CHECK (quantity BETWEEN 1 AND 1000000),
    CONSTRAINT ck_crm_quote_line_unit_price CHECK (unit_price IS NULL OR unit_price >= 0),
    INDEX ix_crm_quote_line_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
