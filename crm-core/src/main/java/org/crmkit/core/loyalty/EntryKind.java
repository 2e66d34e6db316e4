package org.crmkit.core.loyalty;

/** What a ledger entry records. */
public enum EntryKind {
    /** Points earned by a purchase (its reference is the purchase). */
    EARN,
    /** Points spent (its reference is the idempotency key). */
    REDEEM,
    /** A manual correction by a CRM manager, with a reason. */
    ADJUST,
    /** Points of a lot that reached its expiry (its reference is the lot). */
    EXPIRE,
    /** Points taken back because purchase lines were returned (its reference is the return). */
    CLAWBACK
}
