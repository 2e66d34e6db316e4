-- crmkit schema, version 17: contact verifications (issue 18, finding 1).
-- Contact details a person sets themself (a sign-up's email, a customer's own new email or phone) are kept here until
-- the person proves they own them with a single-use token delivered to the address, and a portal invitation waits
-- here for the customer to set a password. Only the token's SHA-256 is stored. customer_id is NULL for a sign-up
-- (which precedes the customer) and names a crm_customer otherwise; the address is personal data, so a customer's
-- erasure deletes their rows and the sign-ups of their addresses.
-- Grants for the application user: SELECT, INSERT, UPDATE, DELETE on crm_contact_verification.
CREATE TABLE crm_contact_verification (
    id          BINARY(16)   NOT NULL,
    purpose     VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    customer_id BINARY(16)   NULL,
    address     VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    token_hash  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT pk_crm_contact_verification PRIMARY KEY (id),
    CONSTRAINT uq_crm_contact_verification__tokenHash UNIQUE (token_hash),
    CONSTRAINT fk_crm_contact_verification_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id),
    CONSTRAINT ck_crm_contact_verification_customer CHECK ((purpose = 'SIGN_UP') = (customer_id IS NULL)),
    INDEX ix_crm_contact_verification_customer (customer_id, purpose, used_at),
    INDEX ix_crm_contact_verification_address (address)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
