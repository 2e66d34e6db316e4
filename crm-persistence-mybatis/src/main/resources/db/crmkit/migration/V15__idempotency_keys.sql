-- The idempotency keys of creating use cases (issue 17, finding 3): a caller's key for one use case, claimed and
-- completed in the transaction of the change it guards, so that a retry returns what the first call created.
-- Holds no request content: a SHA-256 of it, to tell a retry from another request sent with the same key.
CREATE TABLE crm_idempotency_key (
    -- the use case, such as customer.register
    operation   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin     NOT NULL,
    -- the actor's type and reference (a staff or customer id, a process name), compared exactly
    caller      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- the caller's key: 1 to 64 visible ASCII characters, case-sensitive
    request_key VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin     NOT NULL,
    -- SHA-256 of the request's content, lowercase hexadecimal
    fingerprint CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin     NOT NULL,
    -- what the first call created; NULL only inside the claiming transaction
    result_id   BINARY(16)   NULL,
    claimed_at  DATETIME(6)  NOT NULL,
    -- not domain data: a random id of the claim that inserted the row. The claim is an INSERT ... ON DUPLICATE KEY
    -- UPDATE (a concurrent claim of the same key waits for the row's exclusive lock; INSERT IGNORE would leave each
    -- waiter a shared lock that they then all try to upgrade), whose update count cannot tell an insert from an
    -- untouched row, so the claimant reads this id back.
    claim_id    BINARY(16)   NOT NULL,
    CONSTRAINT pk_crm_idempotency_key PRIMARY KEY (operation, caller, request_key),
    -- a retention job can delete old keys by age
    INDEX ix_crm_idempotency_key_claimed (claimed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
