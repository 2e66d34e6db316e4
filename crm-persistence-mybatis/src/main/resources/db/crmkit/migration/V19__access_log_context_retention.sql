-- crmkit schema, version 19: the access log keeps a caller's source address and user agent for a limited time
-- (issue 18, finding 3; ADR 0017). accounts().expireAccessContext, a scheduled job, blanks both on the entries older
-- than the retention (90 days by default), and a customer's erasure blanks them on the entries of their account. The
-- entries stay (time, event, outcome, account, holder): crm_access_log remains insert-only but for these two columns.
--
-- context_held_at: the entry's time while it holds an address or a user agent, NULL once both are blank. The retention
-- reads its index, so a run reads only the entries it still has to blank, never the years of entries blanked before. A
-- stored generated column, like the open lots' columns of V5: the same syntax on MySQL 8 and MariaDB, never written
-- by crmkit. Adding it rebuilds the table once.
ALTER TABLE crm_access_log
    ADD COLUMN context_held_at DATETIME(6)
        GENERATED ALWAYS AS (CASE WHEN source_address IS NOT NULL OR user_agent IS NOT NULL THEN at END) STORED,
    ADD INDEX ix_crm_access_log_context (context_held_at, id);

-- Grants: the application user needs UPDATE on the two columns the blanking writes, and on no other column of the log:
--   GRANT SELECT, INSERT, UPDATE (source_address, user_agent) ON app.crm_access_log TO 'crm_app'@'%';
-- and, for a customer's erasure, which blanks the notes of their redemptions in the otherwise append-only ledger:
--   GRANT SELECT, INSERT, UPDATE (description) ON app.crm_loyalty_entry TO 'crm_app'@'%';
