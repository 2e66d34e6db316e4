-- crmkit schema, version 5: loyalty accounts, their append-only ledgers (entries and the lines of earnings) and their
-- lots. Conventions as in V1 to V4: InnoDB, utf8mb4, BINARY(16) UUIDv7 ids made by the domain, UTC DATETIME(6), keys
-- the application compares (entry references) in a binary collation, enum columns limited by CHECK to the names of
-- their Java constants, unique indexes named uq_<table>__<field> where <field> is the port's field name (SqlErrors
-- reports it). Points are BIGINT.
--
-- Invariants the database holds: balance, shortfall and the lifetime sums of an account are 0 or more, every entry's
-- balance_after is 0 or more, a lot holds 0 to its points, an entry's reference is unique per account and kind (a
-- purchase earns once, a return claws back once, a lot expires once, an idempotency key redeems once). That the
-- balance is the sum of the entries and of the lots is kept by LoyaltyAccount and checked by LedgerSums.
--
-- Foreign keys. crm_loyalty_account.customer_id references crm_customer (a customer's erasure keeps the row, so the
-- account and its ledger stay). Entries and lots reference their account, lines their entry, lots the entry that
-- opened them. crm_loyalty_entry_line.product_id has none: it is copied from the purchase line, which has one.
-- crm_loyalty_entry.reference names a purchase, a return, a lot or a caller's idempotency key, so it has none.
--
-- Locking (MyBatisLoyaltyRepository). An account is opened with INSERT ... ON DUPLICATE KEY UPDATE, which takes no gap
-- lock; a locking read of an account that does not exist would lock the gap new accounts go to (new customer ids are
-- the highest) and deadlock two first earnings of different customers, so the loyalty service opens before it locks.
-- Every change locks the account row (SELECT ... FOR UPDATE) before it reads the lots; the lots are read with a
-- locking read only when the transaction's snapshot is older than the row it locked. findEntry reads with LOCK IN
-- SHARE MODE, which needs only SELECT (MySQL 8.0.22 and later), so the ledger can stay insert-only.
--
-- Grants for the application user (see V2): SELECT, INSERT, UPDATE on crm_loyalty_account and crm_loyalty_lot (the
-- row and the remainders move; FOR UPDATE needs UPDATE); SELECT, INSERT on crm_loyalty_entry and
-- crm_loyalty_entry_line (append-only). crmkit never deletes a row of these tables.

CREATE TABLE crm_loyalty_account (
    customer_id        BINARY(16)  NOT NULL,
    version            BIGINT      NOT NULL,
    opened_at          DATETIME(6) NOT NULL,
    balance            BIGINT      NOT NULL,
    lifetime_earned    BIGINT      NOT NULL,
    lifetime_redeemed  BIGINT      NOT NULL,
    last_redemption_at DATETIME(6) NULL,
    shortfall          BIGINT      NOT NULL,
    -- a tier's name: 1 to 32 letters, digits, _ or - (Tier)
    tier               VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- may be below 0: a claw-back in the window of points earned before it
    earned_in_window   BIGINT      NOT NULL,
    tier_evaluated_at  DATETIME(6) NOT NULL,
    -- not domain data: a random id of the addIfAbsent call that inserted the row. The insert is an INSERT ... ON
    -- DUPLICATE KEY UPDATE (a parallel opening waits for the row's exclusive lock, where INSERT IGNORE would leave each
    -- waiter a shared lock that they then all try to upgrade: a deadlock), whose update count cannot tell an insert
    -- from an untouched row (Connector/J counts found rows), so the caller reads this id back.
    opening_id         BINARY(16)  NOT NULL,
    CONSTRAINT pk_crm_loyalty_account PRIMARY KEY (customer_id),
    CONSTRAINT fk_crm_loyalty_account_customer FOREIGN KEY (customer_id) REFERENCES crm_customer (id),
    CONSTRAINT ck_crm_loyalty_account_version CHECK (version >= 0),
    CONSTRAINT ck_crm_loyalty_account_balance CHECK (balance >= 0),
    CONSTRAINT ck_crm_loyalty_account_shortfall CHECK (shortfall >= 0),
    CONSTRAINT ck_crm_loyalty_account_lifetime CHECK (lifetime_earned >= 0 AND lifetime_redeemed >= 0),
    CONSTRAINT ck_crm_loyalty_account_tier CHECK (CHAR_LENGTH(tier) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: an entry is inserted with the account's next version and never changed.
CREATE TABLE crm_loyalty_entry (
    id               BINARY(16)   NOT NULL,
    customer_id      BINARY(16)   NOT NULL,
    kind             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    points           BIGINT       NOT NULL,
    shortfall_change BIGINT       NOT NULL,
    earned           BIGINT       NOT NULL,
    balance_after    BIGINT       NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    -- a purchase, return or lot id, or a caller's idempotency key (1 to 64 visible ASCII characters); NULL for an
    -- adjustment. Matched exactly: the repository drops a row the collation's trailing-space padding matched.
    reference        VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    -- an adjustment's reason or a redemption's note (up to 500 characters), or what was earned, returned or expired
    description      VARCHAR(600) NULL,
    -- when "earned" counts (tiers, rankings): the purchase's time for an earning and for its claw-back
    earned_at        DATETIME(6)  NULL,
    CONSTRAINT pk_crm_loyalty_entry PRIMARY KEY (id),
    CONSTRAINT uq_crm_loyalty_entry__reference UNIQUE (customer_id, kind, reference),
    CONSTRAINT fk_crm_loyalty_entry_account FOREIGN KEY (customer_id) REFERENCES crm_loyalty_account (customer_id),
    CONSTRAINT ck_crm_loyalty_entry_kind CHECK (kind IN ('EARN', 'REDEEM', 'ADJUST', 'EXPIRE', 'CLAWBACK')),
    -- only an adjustment goes without a reference, so the unique index covers every other kind
    CONSTRAINT ck_crm_loyalty_entry_reference CHECK (kind = 'ADJUST' OR reference IS NOT NULL),
    CONSTRAINT ck_crm_loyalty_entry_balance CHECK (balance_after >= 0),
    CONSTRAINT ck_crm_loyalty_entry_earned CHECK ((kind IN ('EARN', 'CLAWBACK')) = (earned_at IS NOT NULL)),
    -- a customer's statement, newest first, resumed after (occurred_at, id)
    INDEX ix_crm_loyalty_entry_statement (customer_id, occurred_at, id),
    -- earnedBetween: a customer's earnings in the tier window, covering the sum
    INDEX ix_crm_loyalty_entry_window (customer_id, earned_at, earned),
    -- topEarners: a period's earnings, covering the sum per customer
    INDEX ix_crm_loyalty_entry_earned (earned_at, customer_id, earned)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only, like its entry: what each purchase line earned, and why.
CREATE TABLE crm_loyalty_entry_line (
    entry_id    BINARY(16) NOT NULL,
    line_number INT        NOT NULL,
    product_id  BINARY(16) NOT NULL,
    quantity    INT        NOT NULL,
    points      BIGINT     NOT NULL,
    -- one clause per rule applied (rate, category, each running promotion, tier, rounding, each bonus), cut by
    -- LoyaltyProgram at MAX_EXPLANATION (2,000) characters: a dozen running promotions pass 1,000
    explanation TEXT       NOT NULL,
    CONSTRAINT pk_crm_loyalty_entry_line PRIMARY KEY (entry_id, line_number),
    CONSTRAINT fk_crm_loyalty_entry_line_entry FOREIGN KEY (entry_id) REFERENCES crm_loyalty_entry (id),
    CONSTRAINT ck_crm_loyalty_entry_line_number CHECK (line_number >= 1),
    CONSTRAINT ck_crm_loyalty_entry_line_quantity CHECK (quantity >= 1),
    CONSTRAINT ck_crm_loyalty_entry_line_points CHECK (points >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE crm_loyalty_lot (
    id               BINARY(16)  NOT NULL,
    customer_id      BINARY(16)  NOT NULL,
    entry_id         BINARY(16)  NOT NULL,
    earned_at        DATETIME(6) NOT NULL,
    expires_at       DATETIME(6) NOT NULL,
    points           BIGINT      NOT NULL,
    remaining        BIGINT      NOT NULL,
    -- the customer and the expiry of an open lot, NULL once it is closed (remaining 0): the two indexes on them hold
    -- open lots only, so neither the lots of a locked account nor the expiry batch ever reads a closed lot. Stored
    -- generated columns: the same syntax on MySQL 8 and MariaDB, and never written by crmkit.
    open_customer_id BINARY(16)  GENERATED ALWAYS AS (CASE WHEN remaining > 0 THEN customer_id END) STORED,
    open_expires_at  DATETIME(6) GENERATED ALWAYS AS (CASE WHEN remaining > 0 THEN expires_at END) STORED,
    CONSTRAINT pk_crm_loyalty_lot PRIMARY KEY (id),
    CONSTRAINT fk_crm_loyalty_lot_account FOREIGN KEY (customer_id) REFERENCES crm_loyalty_account (customer_id),
    CONSTRAINT fk_crm_loyalty_lot_entry FOREIGN KEY (entry_id) REFERENCES crm_loyalty_entry (id),
    CONSTRAINT ck_crm_loyalty_lot_points CHECK (points > 0),
    CONSTRAINT ck_crm_loyalty_lot_remaining CHECK (remaining BETWEEN 0 AND points),
    -- the foreign keys' and the sums' index
    INDEX ix_crm_loyalty_lot_customer (customer_id),
    INDEX ix_crm_loyalty_lot_entry (entry_id),
    -- the open lots of an account (lock)
    INDEX ix_crm_loyalty_lot_open (open_customer_id),
    -- the accounts with open lots due by an instant (withLotsExpiringBy)
    INDEX ix_crm_loyalty_lot_expiry (open_expires_at, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- PurchaseRepository.topCustomers: the purchases of a period, per customer and currency, without reading the table.
CREATE INDEX ix_crm_purchase_occurred ON crm_purchase (occurred_at, customer_id, currency);
