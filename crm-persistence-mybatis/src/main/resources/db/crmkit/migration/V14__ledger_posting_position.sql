-- crmkit V14: a loyalty ledger is listed in the order its entries were posted (issue 17, finding 11; ADR 0008,
-- addendum of 2026-12-07). Each entry gets its posting position in its account's ledger (1, 2, 3, ...), which
-- LoyaltyAccount assigns under the account's lock from the account row's last_position; the statement pages by
-- (customer_id, position), so each entry's balance_after is the one of the entry below it plus its points, however
-- its occurred_at lies (a purchase recorded late with its earlier time).
--
-- Existing entries are numbered in the order they were posted, per customer: by id, a UUIDv7 drawn from the clock when
-- the entry was posted (ids compare as bytes, time first), which is the order each entry's balance_after was computed
-- in, so that an old ledger with back-dated purchases reconciles row by row too; each account's last_position is its
-- ledger's highest. MariaDB 10.11+ and MySQL 8.0 both
-- have ROW_NUMBER(); the window function keeps the derived table from being merged into the UPDATE, which MySQL
-- refuses for the table being updated.
--
-- No new grants: crm_loyalty_entry stays SELECT, INSERT (the numbering is written once, here, by the owner);
-- crm_loyalty_account is already SELECT, INSERT, UPDATE.

ALTER TABLE crm_loyalty_account
    -- the position of the ledger's latest entry, 0 for an empty ledger; moved with the versioned row
    ADD COLUMN last_position BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_crm_loyalty_account_last_position CHECK (last_position >= 0);

ALTER TABLE crm_loyalty_entry ADD COLUMN position BIGINT NULL;

UPDATE crm_loyalty_entry e
    JOIN (SELECT n.id, ROW_NUMBER() OVER (PARTITION BY n.customer_id ORDER BY n.id) AS numbered
          FROM crm_loyalty_entry n) r ON r.id = e.id
SET e.position = r.numbered;

UPDATE crm_loyalty_account a
SET a.last_position = (SELECT COALESCE(MAX(e.position), 0) FROM crm_loyalty_entry e
                       WHERE e.customer_id = a.customer_id);

ALTER TABLE crm_loyalty_account ALTER COLUMN last_position DROP DEFAULT;

ALTER TABLE crm_loyalty_entry
    MODIFY position BIGINT NOT NULL,
    ADD CONSTRAINT ck_crm_loyalty_entry_position CHECK (position >= 1),
    -- one entry per position of a ledger; the statement reads it backwards from a position (newest first)
    ADD CONSTRAINT uq_crm_loyalty_entry__position UNIQUE (customer_id, position),
    -- the time-ordered statement's index: nothing reads by it any more
    DROP INDEX ix_crm_loyalty_entry_statement;
