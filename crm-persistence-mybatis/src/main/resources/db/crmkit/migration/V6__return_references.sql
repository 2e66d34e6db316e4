-- crmkit V6: a return may carry the caller's reference (for example the sales import's "source:order#line" of a
-- cancelled line), unique among returns, so recording the same return again finds it instead of returning twice.
-- No new grants: crm_purchase_return stays SELECT, INSERT.

ALTER TABLE crm_purchase_return
    -- free text, stripped by the domain, matched exactly (binary collation, no trailing-space padding surprises:
    -- the adapter compares the value it reads back)
    ADD COLUMN reference VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD CONSTRAINT uq_crm_purchase_return__reference UNIQUE (reference);
