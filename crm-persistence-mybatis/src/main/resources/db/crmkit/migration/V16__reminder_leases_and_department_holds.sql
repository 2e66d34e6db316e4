-- crmkit schema, version 16: invariants that hold on any engine that detects write conflicts (issue 24, item 2).
-- A Galera cluster with several writers certifies a transaction only against the rows it wrote, and TiDB's optimistic
-- transactions check write conflicts only: a SELECT ... FOR UPDATE (or SKIP LOCKED) holds on the node that ran it and
-- nowhere else. What crmkit relied on such a locking read of a row nobody wrote for is now a write to that row.
--
-- Reminder leases. The reminder run claims a task's reminder by writing a lease on the task's row (a random claim id
-- and the instant it ends) and commits that claim before it calls the host's notifier; the lease is cleared when the
-- delivery is recorded. A lease that was never cleared (the run died) ends at reminder_lease_until, and the task may be
-- claimed again (at-least-once delivery). The columns are not part of the task: a versioned update never touches them,
-- and a claim does not move the task's version.
ALTER TABLE crm_task
    ADD COLUMN reminder_claim       BINARY(16)  NULL,
    ADD COLUMN reminder_lease_until DATETIME(6) NULL;

-- Department holds. A deactivation (which counts the active members) and a move of a staff user into the department
-- (which checks that it is active) both hold the department row; the hold now writes it, counting up hold_count, so
-- that the two transactions conflict on every engine (on one server the second waits; on a Galera cluster the second
-- to commit fails certification, reported as concurrent_write). Not part of the department: its version stays.
ALTER TABLE crm_department
    ADD COLUMN hold_count BIGINT NOT NULL DEFAULT 0;

-- Grants: none new (UPDATE on crm_task and crm_department is granted already, see V2 and V9).
