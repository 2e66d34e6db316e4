-- crmkit schema, version 12: customers' feedback on the products they bought, and staff's responses. Conventions as
-- in V1 to V6: InnoDB, utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), unique indexes named
-- uq_<table>__<field> where <field> is the port's field name (SqlErrors reports it).
--
-- One feedback per purchase and product: uq_crm_feedback__productId (a second one is a duplicate on productId).
-- A response is written once (answered_at and answered_by with response_text); an erasure blanks comment and
-- response_text and sets erased_at, keeping the rating for the statistics.
--
-- Foreign keys. purchase_id references crm_purchase and product_id crm_product (neither is ever deleted). customer_id
-- has none, like crm_purchase.customer_id (an erasure empties the customer in place). given_by and answered_by name
-- staff users without a foreign key, like the audit trail: the feedback keeps who wrote what whatever happens to the
-- staff user (answered_by is NULL when the host's system process answered).
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_feedback.

CREATE TABLE crm_feedback (
    id            BINARY(16)    NOT NULL,
    version       BIGINT        NOT NULL,
    customer_id   BINARY(16)    NOT NULL,
    purchase_id   BINARY(16)    NOT NULL,
    product_id    BINARY(16)    NOT NULL,
    rating        TINYINT       NOT NULL,
    comment       VARCHAR(2000) NULL,
    given_at      DATETIME(6)   NOT NULL,
    given_by      BINARY(16)    NULL,
    response_text VARCHAR(2000) NULL,
    answered_by   BINARY(16)    NULL,
    answered_at   DATETIME(6)   NULL,
    erased_at     DATETIME(6)   NULL,
    CONSTRAINT pk_crm_feedback PRIMARY KEY (id),
    CONSTRAINT uq_crm_feedback__productId UNIQUE (purchase_id, product_id),
    CONSTRAINT fk_crm_feedback_purchase FOREIGN KEY (purchase_id) REFERENCES crm_purchase (id),
    CONSTRAINT fk_crm_feedback_product FOREIGN KEY (product_id) REFERENCES crm_product (id),
    CONSTRAINT ck_crm_feedback_version CHECK (version >= 0),
    CONSTRAINT ck_crm_feedback_rating CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT ck_crm_feedback_response CHECK (
        (answered_at IS NULL AND answered_by IS NULL AND response_text IS NULL)
        OR (answered_at IS NOT NULL AND (response_text IS NOT NULL OR erased_at IS NOT NULL))),
    CONSTRAINT ck_crm_feedback_erased CHECK (erased_at IS NULL OR (comment IS NULL AND response_text IS NULL)),
    -- a customer's feedback, newest first, resumed after (given_at, id)
    INDEX ix_crm_feedback_customer (customer_id, given_at, id),
    -- a product's feedback, newest first, resumed after (given_at, id)
    INDEX ix_crm_feedback_product (product_id, given_at, id),
    -- a product's statistics over a period, read from the index alone (GROUP BY rating, unanswered = answered_at
    -- and erased_at NULL)
    INDEX ix_crm_feedback_statistics (product_id, given_at, rating, answered_at, erased_at),
    -- the unanswered queue, oldest first: answered_at IS NULL AND erased_at IS NULL, resumed after (given_at, id)
    INDEX ix_crm_feedback_unanswered (answered_at, erased_at, given_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
